import { normalizeId } from '../../arm/arm-id.js';
import type { StatusEvent } from '../../status/events.js';
import { formatRate, sparkline } from '../../status/sparkline.js';
import type { StatusSnapshot } from '../../status/types.js';
import type { Page } from '../store.js';
import { GLYPH, statusLook } from '../theme.js';
import type { Row, ViewId } from '../views/types.js';
import { EVENT_LOOK } from './event-lines.js';
import type { Seg } from './lines.js';
import { fit } from './table.js';

/** One live column appended to a status table; live values change every poll, so they never enter the cell matrix. */
export interface LiveColumn {
  key: 'status' | 'in' | 'spark' | 'out';
  title: string;
  width: number;
}

/** What the live columns read: the monitor snapshot and the newest event per resource (lower-cased id). */
export interface LiveData {
  snapshot: StatusSnapshot;
  lastEventById: ReadonlyMap<string, StatusEvent>;
}

/** Live columns in the order they are dropped last-to-first on narrow terminals. */
export const LIVE_COLUMNS: readonly LiveColumn[] = [
  { key: 'status', title: 'LIVE', width: 14 },
  { key: 'in', title: 'IN', width: 9 },
  { key: 'spark', title: 'TREND', width: 8 },
  { key: 'out', title: 'OUT', width: 9 },
];

/** Table views whose rows the monitor can poll (connections, circuits and their peerings). */
export const LIVE_VIEWS: readonly ViewId[] = ['circuits', 'peerings', 'connections'];

/** True once any watched resource has been polled (columns appear then, not before the first answer). */
export function hasLiveData(s: StatusSnapshot): boolean {
  return Object.values(s.resources).some((r) => r.lastUpdated !== undefined || r.error !== undefined);
}

/** The live columns that fit beside the static table, which keeps two thirds of the width (names matter most at 3 a.m.). */
export function liveColumnsFor(page: Page, data: LiveData | undefined, width: number): LiveColumn[] {
  if (!data || page.kind !== 'table' || !LIVE_VIEWS.includes(page.view) || !hasLiveData(data.snapshot)) return [];
  const keep = Math.max(40, Math.ceil((width * 2) / 3));
  const out: LiveColumn[] = [];
  let used = 0;
  for (const c of LIVE_COLUMNS) {
    if (width - used - (c.width + 1) < keep) break;
    out.push(c);
    used += c.width + 1;
  }
  return out;
}

/** Cells the live columns take, gaps included. */
export function liveWidth(cols: readonly LiveColumn[]): number {
  return cols.reduce((n, c) => n + c.width + 1, 0);
}

/** Newest event per resource, for the status glyph. */
export function lastEvents(events: readonly StatusEvent[]): Map<string, StatusEvent> {
  const m = new Map<string, StatusEvent>();
  for (const e of events) m.set(normalizeId(e.resourceId), e);
  return m;
}

function statusSeg(key: string, data: LiveData, row: Row): Seg {
  const rs = data.snapshot.resources[key];
  if (!rs) {
    // Not polled (VPN tunnels, vWAN links, stubs): the inventory-time status, since LIVE replaces the STATUS column.
    if (!row.node) return { text: '', tone: 'muted' };
    const look = statusLook(row.node.status, row.node.stub);
    return { text: `${look.glyph} ${row.node.status}`, tone: look.tone };
  }
  if (rs.error) return { text: `${GLYPH.unknown} ${rs.status ?? 'poll failed'}`, tone: 'warn' };
  if (rs.status === undefined) return { text: `${GLYPH.stub} polling…`, tone: 'muted' };
  const ev = data.lastEventById.get(key);
  const look = ev && ev.to === rs.status ? EVENT_LOOK[ev.severity] : statusLook(rs.status);
  return { text: `${look.glyph} ${rs.status}`, tone: look.tone };
}

/** The live cells of one row, each fitted to its column with the leading gap. */
export function liveCells(row: Row, cols: readonly LiveColumn[], data: LiveData): Seg[] {
  const key = normalizeId(row.id);
  const rs = data.snapshot.resources[key];
  return cols.map((c) => {
    let seg: Seg;
    if (c.key === 'status') seg = statusSeg(key, data, row);
    else if (!rs) seg = { text: '' };
    else if (c.key === 'spark') seg = { text: rs.series.in.length ? sparkline(rs.series.in, { width: c.width }) : '', tone: 'info' };
    else seg = { text: formatRate(c.key === 'in' ? rs.inBps : rs.outBps) };
    return { text: ' ' + fit(seg.text, c.width), tone: seg.tone };
  });
}

/** What the table draws after its static columns: a header and each row's live cells. */
export interface LiveTableColumns {
  header: string;
  cells(row: Row): Seg[];
}

/** The live columns' header text, gaps included. */
export function liveHeader(cols: readonly LiveColumn[]): string {
  return cols.map((c) => ' ' + fit(c.title, c.width)).join('');
}
