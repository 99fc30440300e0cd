import type { SubscriptionInfo } from '../../inventory/types.js';
import type { Model } from './model.js';
import { cellMatrix, filterIndices, layoutColumns, scopeRows, sortIndices, type PlacedColumn } from './table.js';
import { detailLines } from './detail.js';
import { pathViewLines } from './paths.js';
import { resiliencyLines } from './resiliency-lines.js';
import { diffLines } from './diff-lines.js';
import { line, type Line } from './lines.js';
import type { Page } from '../store.js';
import { viewById, type Row, type ViewDef } from '../views/index.js';

/** A table page ready to draw: the rows in display order (filtered, sorted) and the columns that fit. */
export interface TableContent {
  kind: 'table';
  view: ViewDef;
  rows: Row[];
  cells: string[][];
  order: number[];
  placed: PlacedColumn[];
  total: number;
  count: number;
  selected?: Row;
}

/** A scrolling page of lines (detail, paths, events). */
export interface LinesContent {
  kind: 'lines';
  lines: Line[];
  count: number;
  selected?: Line;
}

/** The top page's content. */
export type PageContent = TableContent | LinesContent;

/** Memo slots so a cursor move recomputes nothing but the window (one cache per App instance). */
export interface PageCache {
  slots: Map<string, { deps: unknown[]; value: unknown }>;
}

/** A fresh, empty cache. */
export function newPageCache(): PageCache {
  return { slots: new Map() };
}

/** Recomputes a page-cache slot only when one of its dependencies changed (by identity). */
export function memo<T>(cache: PageCache, slot: string, deps: unknown[], f: () => T): T {
  const hit = cache.slots.get(slot);
  if (hit && hit.deps.length === deps.length && hit.deps.every((d, i) => Object.is(d, deps[i]))) return hit.value as T;
  const value = f();
  cache.slots.set(slot, { deps, value });
  return value;
}

const EMPTY: Row[] = [];

/**
 * Derives what the top page shows. Pure apart from the cache; render and the key handler both call it, so a key
 * handled before React re-renders still sees the rows the user is looking at.
 */
export function derivePage(cache: PageCache, page: Page, model: Model | undefined, subs: SubscriptionInfo[], filter: string, width: number, hide: readonly string[] = []): PageContent {
  if (page.kind === 'table') {
    const view = viewById(page.view);
    const rows = memo(cache, 'rows', [view, model, page.scope.sub, page.scope.loc, subs], () => (model ? scopeRows(view.rows(model), page.scope, subs) : EMPTY));
    const cells = memo(cache, 'cells', [rows, view, model], () => (model ? cellMatrix(rows, view.columns, model) : []));
    const placed = memo(cache, 'placed', [view, width, hide.join('|')], () => layoutColumns(view.columns, width, hide));
    const order = memo(cache, 'order', [cells, placed, filter, page.sort?.col, page.sort?.desc], () => {
      const idx = filterIndices(cells, placed.map((p) => p.index), filter);
      return page.sort === undefined ? idx : sortIndices(idx, cells, page.sort.col, page.sort.desc);
    });
    const at = order[page.cursor];
    return { kind: 'table', view, rows, cells, order, placed, total: rows.length, count: order.length, selected: at === undefined ? undefined : rows[at] };
  }
  const id = page.kind === 'detail' || page.kind === 'path' || page.kind === 'resiliency' || page.kind === 'diff' ? page.id : '';
  const expanded = page.kind === 'detail' ? page.expanded.join('|') : '';
  const lines = memo(cache, 'lines', [page.kind, model, id, width, expanded], (): Line[] => {
    if (!model) return [line({ text: 'loading…', tone: 'muted' })];
    if (page.kind === 'detail') return detailLines(model, id, width, new Set(expanded ? expanded.split('|') : []));
    if (page.kind === 'path') return pathViewLines(model, id);
    if (page.kind === 'resiliency') return resiliencyLines(model, id, width);
    if (page.kind === 'diff') return diffLines(model, id, width);
    return [line({ text: 'events', tone: 'title' }), line({ text: 'live status and state-change events will appear here (not wired yet).', tone: 'muted' })];
  });
  return { kind: 'lines', lines, count: lines.length, selected: lines[page.cursor] };
}
