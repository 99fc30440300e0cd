import type { Finding } from '../checks/types.js';
import { ErscopeError } from '../errors.js';
import type { Inventory, InventoryIssue, InventoryProgress } from '../inventory/types.js';
import type { TopologyGraph } from '../topology/types.js';
import type { CommandIO } from './io.js';
import type { OpenedSource } from './source.js';

/** Everything a data command needs: the inventory, its graph and the findings on it. */
export interface LoadedEstate {
  inventory: Inventory;
  graph: TopologyGraph;
  findings: Finding[];
  /** True when some scope was forbidden or failed: exit code 3 territory. */
  incomplete: boolean;
}

/** Options shared by every loading command. */
export interface LoadOptions {
  configPath?: string;
  ruleIds?: string[];
  onProgress?: (p: InventoryProgress) => void;
  /** Told when the inventory was read differently than asked (Resource Graph failed, ARM lists were used). */
  onNote?: (message: string) => void;
  /** Told once, after reading, when some scopes could not be read (timed out, forbidden, failed). */
  onIncomplete?: (issues: InventoryIssue[]) => void;
  signal?: AbortSignal;
}

/** Reads the source into an inventory (live or from a snapshot), builds the graph and runs the checks. */
export async function loadEstate(src: OpenedSource, opts: LoadOptions = {}): Promise<LoadedEstate> {
  const inventory = await readInventory(src, opts);
  const { buildGraph } = await import('../topology/graph.js');
  const graph = buildGraph(inventory);
  const findings = await checkGraph(graph, inventory, opts);
  return { inventory, graph, findings, incomplete: inventory.issues.length > 0 };
}

/** Reads the inventory only (no graph): the live path or the snapshot's saved resources. */
export async function readInventory(src: OpenedSource, opts: LoadOptions = {}): Promise<Inventory> {
  const inventory = await readInventoryQuietly(src, opts);
  if (inventory.issues.length) opts.onIncomplete?.(inventory.issues);
  return inventory;
}

async function readInventoryQuietly(src: OpenedSource, opts: LoadOptions): Promise<Inventory> {
  if (src.snapshot) {
    const { inventoryFromSnapshot } = await import('../topology/snapshot.js');
    const inv = inventoryFromSnapshot(src.snapshot);
    return src.subscriptions.length ? filterSubscriptions(inv, src.subscriptions) : inv;
  }
  const { collectInventory } = await import('../inventory/inventory.js');
  const inventory = await collectInventory(src.conn!, {
    source: src.info,
    ...(src.subscriptions.length ? { subscriptions: src.subscriptions } : {}),
    ...(src.reader ? { reader: src.reader } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  if (inventory.readerNote) opts.onNote?.(inventory.readerNote);
  return inventory.reader === 'graph' ? settleUnresolved(src.conn!, inventory, opts.signal) : inventory;
}

/** After a Resource Graph read, asks ARM about every reference that would otherwise show as "missing" (see probeUnresolved). */
export async function settleUnresolved(conn: NonNullable<OpenedSource['conn']>, inventory: Inventory, signal?: AbortSignal): Promise<Inventory> {
  const { unresolvedReferences } = await import('../topology/unresolved.js');
  const missing = unresolvedReferences(inventory);
  if (missing.length === 0) return inventory;
  const { probeUnresolved } = await import('../inventory/probe.js');
  return probeUnresolved(conn, inventory, missing, signal);
}

/** Runs the catalog with the user's suppressions over a graph. */
export async function checkGraph(graph: TopologyGraph, inventory: Inventory, opts: LoadOptions = {}): Promise<Finding[]> {
  const { runChecks } = await import('../checks/engine.js');
  const { loadSuppressions } = await import('../checks/suppress.js');
  const suppressions = loadSuppressions(opts.configPath);
  return runChecks(
    { graph, permissions: inventory.permissions },
    { suppressions, ...(opts.ruleIds?.length ? { ruleIds: opts.ruleIds } : {}) },
  );
}

function filterSubscriptions(inv: Inventory, wanted: string[]): Inventory {

  const keep = new Set<string>();
  for (const w of wanted) {
    const s = inv.subscriptions.find((x) => x.subscriptionId.toLowerCase() === w.toLowerCase() || x.displayName.toLowerCase() === w.toLowerCase());
    if (!s) {
      const known = inv.subscriptions.map((x) => x.displayName).join(', ');
      throw new ErscopeError(`subscription "${w}" is not in the snapshot; known: ${known}`);
    }
    keep.add(s.subscriptionId.toLowerCase());
  }
  const inScope = (id: string) => keep.has((/\/subscriptions\/([^/]+)/i.exec(id)?.[1] ?? '').toLowerCase());
  return {
    ...inv,
    subscriptions: inv.subscriptions.filter((s) => keep.has(s.subscriptionId.toLowerCase())),
    resources: inv.resources.filter((r) => inScope(r.id)),
    issues: inv.issues.filter((i) => inScope(i.scope)),
  };
}



/** Folds per-subscription progress into one running total (the inventory reports each scope on its own). */
export function progressTotals(): (p: InventoryProgress) => { done: number; total: number; scopes: number } {
  const scopes = new Map<string, InventoryProgress>();
  return (p) => {
    scopes.set(p.scope, p);
    let done = 0;
    let total = 0;
    for (const s of scopes.values()) {
      done += s.done;
      total += s.total;
    }
    return { done, total, scopes: scopes.size };
  };
}

/** The stderr callbacks every headless command passes to the loader: progress (terminals only), notes, what is missing. */
export function stderrHooks(io: CommandIO): Pick<LoadOptions, 'onProgress' | 'onNote' | 'onIncomplete'> {
  const progress = stderrProgress(io);
  return { ...(progress ? { onProgress: progress } : {}), onNote: stderrNote(io), onIncomplete: stderrIncomplete(io) };
}

/** At most this many scopes are named one per line; the rest are counted (all are in --format json). */
const INCOMPLETE_LINES = 20;

/**
 * Names every scope that could not be read and why, one line each on stderr, whatever the output format: a timed-out
 * or forbidden scope must never pass for an empty one.
 */
export function stderrIncomplete(io: CommandIO): (issues: InventoryIssue[]) => void {
  return (issues) => {
    for (const i of issues.slice(0, INCOMPLETE_LINES)) io.stderr.write(`incomplete: ${describeIssue(i)}\n`);
    if (issues.length > INCOMPLETE_LINES) io.stderr.write(`incomplete: … and ${issues.length - INCOMPLETE_LINES} more scope(s); --format json lists them all\n`);
  };
}

/** One line naming a missing scope, what was being read, and why (timed out, deadline, forbidden, throttled, failed). */
export function describeIssue(i: InventoryIssue): string {
  const why =
    i.code === 'ETIMEDOUT' ? 'timed out' : i.code === 'DeadlineExceeded' ? 'deadline reached' : i.code === 'MalformedResponse' ? 'bad answer' : i.kind;
  return `${i.scope}${i.family ? ` (${i.family})` : ''}: ${why}${i.code && why === i.kind ? ` [${i.code}]` : ''}: ${i.message.replace(/\s+/g, ' ')}`;
}

/** Prints a reader note as one `note:` line on stderr (kept out of stdout, which may be JSON or SARIF). */
export function stderrNote(io: CommandIO): (message: string) => void {
  return (message) => void io.stderr.write(`note: ${message}\n`);
}

/** A progress callback that draws one updating line on stderr, only when stderr is a terminal. */
export function stderrProgress(io: CommandIO): ((p: InventoryProgress) => void) | undefined {
  if (!io.stderr.isTTY) return undefined;
  const totals = progressTotals();
  return (p) => {
    const { done, total, scopes } = totals(p);
    io.stderr.write(`\r\x1b[2Kreading inventory: ${done}/${total} requests across ${scopes} scope(s)`);
    if (done === total) io.stderr.write('\r\x1b[2K');
  };
}
