import { useInput } from 'ink';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { StatusEvent } from '../../status/events.js';
import type { StatusSnapshot, WatchItem } from '../../status/types.js';
import type { ExplorerBackend, LiveMonitor } from '../backend.js';
import { createDiagnoseRunner, type DiagnoseRunner, type DiagnoseRunState } from '../model/diagnose-run.js';
import type { PageContent } from '../model/page.js';
import { lastEvents, liveCells, liveColumnsFor, liveHeader, LIVE_VIEWS, type LiveData, type LiveTableColumns } from '../model/status-columns.js';
import type { Page, UiState } from '../store.js';
import type { Row } from '../views/types.js';
import type { Seg } from '../model/lines.js';

/** Live status and the diagnosis run as the UI sees them in one render. */
export interface LiveView {
  monitor?: LiveMonitor;
  /** Snapshot plus newest event per resource; undefined without a monitor. */
  data?: LiveData;
  /** Retained events, oldest first. */
  events: StatusEvent[];
  runner: DiagnoseRunner;
  run?: DiagnoseRunState;
  /** The source has no live data at all (a snapshot): the header says offline. */
  offline: boolean;
}

/** Context carrying the live view to the header badge, the table and the live pages. */
export const LiveContext = createContext<LiveView | undefined>(undefined);

/** The live view provided by App (undefined outside it). */
export function useLiveView(): LiveView | undefined {
  return useContext(LiveContext);
}

const noSubscribe = () => () => {};
const noSnapshot = () => undefined;
const NO_EVENTS: StatusEvent[] = [];
const NOTHING: WatchItem[] = [];
/** Upper bound on rows handed to the monitor at once; its budget spreads polls, this bounds its bookkeeping. */
const MAX_WATCHED = 500;

/** Subscribes to the backend's monitor and to the diagnosis runner; re-renders on every change of either. */
export function useLiveState(backend: ExplorerBackend): LiveView {
  const monitor = backend.live?.monitor;
  const runnerRef = useRef<DiagnoseRunner | undefined>(undefined);
  runnerRef.current ??= createDiagnoseRunner();
  const runner = runnerRef.current;
  const subscribe = useCallback((l: () => void) => (monitor ? monitor.subscribe(l) : noSubscribe()), [monitor]);
  const read = useCallback((): StatusSnapshot | undefined => (monitor ? monitor.snapshot() : noSnapshot()), [monitor]);
  const snapshot = useSyncExternalStore(subscribe, read);
  const run = useSyncExternalStore(runner.subscribe, runner.get);
  const events = useMemo(() => (monitor && snapshot ? monitor.events() : NO_EVENTS), [monitor, snapshot]);
  const data = useMemo(() => (snapshot ? { snapshot, lastEventById: lastEvents(events) } : undefined), [snapshot, events]);
  useEffect(() => () => runner.abort(), [runner]);
  const offline = !monitor && backend.source.kind === 'snapshot';
  return useMemo(() => ({ monitor, data, events, runner, run, offline }), [monitor, data, events, runner, run, offline]);
}

/** What to watch for the top page: rows of a status table, nothing elsewhere, or undefined to keep the set (events page). */
function watchPlan(help: boolean, top: Page, order: number[] | undefined, rows: Row[] | undefined): WatchItem[] | undefined {
  if (help) return NOTHING;
  if (top.kind === 'events') return undefined;
  if (top.kind !== 'table' || !order || !rows || !LIVE_VIEWS.includes(top.view)) return NOTHING;
  const items: WatchItem[] = [];
  for (const i of order) {
    const n = rows[i]?.node;
    if (n && !n.stub) items.push({ id: n.id, type: n.type, name: n.name });
    if (items.length >= MAX_WATCHED) break;
  }
  return items;
}

/**
 * Drives the monitor from what is on screen: the current status table is watched and its selected row polled fast,
 * other pages watch nothing, the events page acknowledges, leaving the diagnose page aborts its run, keys mark activity.
 */
export function useLiveWatch(live: LiveView, state: UiState, content: PageContent, inputEnabled: boolean): void {
  const { monitor, runner } = live;
  const top = state.stack[state.stack.length - 1]!;
  const help = state.mode === 'help';
  const order = content.kind === 'table' ? content.order : undefined;
  const rows = content.kind === 'table' ? content.rows : undefined;
  // Keyed on the memoised order/rows (not the content object, new every render) so watch() runs only on real changes.
  const tableView = top.kind === 'table' ? top.view : undefined;
  const items = useMemo(() => watchPlan(help, top, order, rows), [help, top.kind, tableView, order, rows]); // eslint-disable-line react-hooks/exhaustive-deps
  const selectedId = content.kind === 'table' ? content.selected?.id : undefined;
  const selectedRef = useRef(selectedId);
  selectedRef.current = selectedId;
  useEffect(() => {
    if (monitor && items) monitor.watch(items, selectedRef.current);
  }, [monitor, items]);
  useEffect(() => {
    if (monitor && items && items.length) monitor.select(selectedId);
  }, [monitor, selectedId]); // eslint-disable-line react-hooks/exhaustive-deps
  const unack = live.data?.snapshot.unacknowledged ?? 0;
  useEffect(() => {
    if (monitor && top.kind === 'events' && unack > 0) monitor.acknowledge();
  }, [monitor, top.kind, unack]);
  const onDiagnosePage = state.stack.some((p) => p.kind === 'diagnose');
  useEffect(() => {
    if (!onDiagnosePage) runner.abort();
  }, [runner, onDiagnosePage]);
  useInput(() => monitor?.active(), { isActive: inputEnabled && monitor !== undefined });
}

/** Live columns for a status table page: header text and per-row cells, or undefined when none apply. */
export function useLiveTable(page: Page, width: number): LiveTableColumns | undefined {
  const live = useLiveView();
  const data = live?.data;
  const cols = liveColumnsFor(page, data, width);
  // Every poll makes a new snapshot; handing memoised rows the same cell array when nothing they show changed keeps
  // a poll (or a cursor move that re-selects the fast resource) from re-rendering the whole visible table.
  const seen = useRef(new Map<string, { sig: string; segs: Seg[] }>()).current;
  if (!data || cols.length === 0) return undefined;
  const cells = (row: Row): Seg[] => {
    const segs = liveCells(row, cols, data);
    const sig = segs.map((x) => `${x.tone ?? ''}:${x.text}`).join('|');
    const prev = seen.get(row.id);
    if (prev && prev.sig === sig) return prev.segs;
    if (seen.size > 2000) seen.clear();
    seen.set(row.id, { sig, segs });
    return segs;
  };
  return { header: liveHeader(cols), cells };
}
