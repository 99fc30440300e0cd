import { parseArmId } from '../../arm/arm-id.js';
import type { SubscriptionInfo } from '../../inventory/types.js';
import type { Column, Row } from '../views/types.js';
import type { Model } from './model.js';
import type { Scope } from '../store.js';

/** A column chosen for the current width, with its final width. */
export interface PlacedColumn {
  index: number;
  col: Column;
  width: number;
}

/** Picks columns by priority until the width is used, then shares spare cells among flex columns (1-cell gaps). */
export function layoutColumns(cols: readonly Column[], width: number, hide: readonly string[] = []): PlacedColumn[] {
  const order = cols.map((col, index) => ({ col, index })).filter((c) => !hide.includes(c.col.title)).sort((a, b) => a.col.priority - b.col.priority || a.index - b.index);
  const chosen: Array<{ col: Column; index: number }> = [];
  let used = 0;
  for (const c of order) {
    const need = c.col.min + (chosen.length ? 1 : 0);
    if (used + need > width && chosen.length > 0) continue;
    chosen.push(c);
    used += need;
  }
  chosen.sort((a, b) => a.index - b.index);
  const spare = Math.max(0, width - used);
  const flexTotal = chosen.reduce((n, c) => n + (c.col.flex ?? 0), 0);
  let given = 0;
  const placed = chosen.map((c) => {
    const extra = flexTotal ? Math.floor((spare * (c.col.flex ?? 0)) / flexTotal) : 0;
    given += extra;
    return { index: c.index, col: c.col, width: c.col.min + extra };
  });
  // Hand rounding leftovers to the first flex column so rows span the full width.
  const first = placed.find((p) => p.col.flex);
  if (first && flexTotal) first.width += spare - given;
  if (placed.length === 1) placed[0]!.width = Math.max(1, width);
  return placed;
}

/** Does a subscription id match an `@` scope (display name or name prefix, or id prefix)? */
export function subMatches(subscriptionId: string, scope: string, subs: readonly SubscriptionInfo[]): boolean {
  const q = scope.toLowerCase();
  if (subscriptionId.toLowerCase().startsWith(q)) return true;
  const name = subs.find((s) => s.subscriptionId.toLowerCase() === subscriptionId.toLowerCase())?.displayName.toLowerCase();
  return name !== undefined && name.startsWith(q);
}

/** Narrows rows by `@sub` and `/loc` (location substring). */
export function scopeRows(rows: Row[], scope: Scope, subs: readonly SubscriptionInfo[]): Row[] {
  if (!scope.sub && !scope.loc) return rows;
  const loc = scope.loc?.toLowerCase();
  return rows.filter((r) => {
    const sub = r.node?.subscriptionId ?? parseArmId(r.id).subscriptionId ?? '';
    if (scope.sub && !subMatches(sub, scope.sub, subs)) return false;
    if (loc && !(r.node?.location ?? '').toLowerCase().includes(loc)) return false;
    return true;
  });
}

/** The text of every cell of every row, computed once per data + view (filter and sort read it). */
export function cellMatrix(rows: Row[], cols: readonly Column[], m: Model): string[][] {
  return rows.map((r) => cols.map((c) => c.get(r, m)));
}

/** Row indices that pass the filter over the given (visible) columns; `!text` keeps the rows that do not match. */
export function filterIndices(cells: string[][], cols: number[], filter: string): number[] {
  const invert = filter.startsWith('!');
  const q = (invert ? filter.slice(1) : filter).toLowerCase();
  const all = cells.map((_c, i) => i);
  if (q === '') return all;
  return all.filter((i) => cols.some((c) => (cells[i]![c] ?? '').toLowerCase().includes(q)) !== invert);
}

const NUM = /^-?\d+(\.\d+)?$/;

/** Stable sort of row indices by one column: numbers numerically, text case-insensitively. */
export function sortIndices(idx: number[], cells: string[][], col: number, desc: boolean): number[] {
  const dir = desc ? -1 : 1;
  return [...idx].sort((a, b) => {
    const x = cells[a]![col] ?? '';
    const y = cells[b]![col] ?? '';
    const c = NUM.test(x) && NUM.test(y) ? Number(x) - Number(y) : x.localeCompare(y, 'en', { sensitivity: 'base', numeric: true });
    return c * dir || a - b;
  });
}

/** Pads or truncates to exactly `width` cells, ending truncated text with an ellipsis. */
export function fit(text: string, width: number): string {
  if (width <= 0) return '';
  const chars = [...text];
  if (chars.length <= width) return text + ' '.repeat(width - chars.length);
  return width === 1 ? '…' : chars.slice(0, width - 1).join('') + '…';
}
