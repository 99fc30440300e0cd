import { writeFileAtomic } from '../atomic-write.js';
import { readFileSync } from 'node:fs';
import { normalizeId } from '../arm/arm-id.js';
import { ErscopeError } from '../errors.js';
import type { Inventory } from '../inventory/types.js';
import { redact } from '../redact.js';
import { ERSCOPE_VERSION } from '../version.js';
import { emptyGraph } from './graph.js';
import { formatIssueMessage, formatIssuePath, SNAPSHOT_SCHEMA_VERSION, snapshotSchema } from './snapshot-schema.js';
import type { NodeAttrs, Snapshot, TopologyGraph } from './types.js';

/** A secret-free, versioned snapshot of an inventory and its graph (every body passes through `redact`). */
export function toSnapshot(inv: Inventory, graph: TopologyGraph, generatedAt: Date = new Date()): Snapshot {
  const nodes: NodeAttrs[] = graph.mapNodes((_k, a) => ({ ...a, body: redact(a.body) }));
  const edges = graph.mapEdges((_e, a, source, target) => ({ source, target, relation: a.relation, path: a.path, ...(a.ref ? { ref: a.ref } : {}) }));
  return redact({
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    generatedAt: generatedAt.toISOString(),
    erscopeVersion: ERSCOPE_VERSION,
    source: inv.source,
    subscriptions: inv.subscriptions,
    nodes,
    edges,
    issues: inv.issues,
    permissions: inv.permissions,
    forbiddenScopes: inv.forbiddenScopes,
  }) as Snapshot;
}

/** Writes a snapshot atomically: a temp file in the same directory renamed over the target, so no reader sees half a file. */
export async function writeSnapshot(file: string, snap: Snapshot): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(redact(snap), null, 1)}\n`);
}

/** Validates parsed JSON as a snapshot; every problem becomes a one-line ErscopeError naming the file and the field. */
export function parseSnapshot(data: unknown, file = 'snapshot'): Snapshot {
  if (!data || typeof data !== 'object' || Array.isArray(data) || !('schemaVersion' in data)) {
    throw new ErscopeError(`${file}: not an erscope snapshot (schemaVersion missing); create one with \`erscope inventory --format json --out ${file}\``);
  }
  const version = (data as { schemaVersion: unknown }).schemaVersion;
  if (version !== SNAPSHOT_SCHEMA_VERSION) {
    throw new ErscopeError(`${file}: unsupported snapshot schema version ${JSON.stringify(version)} (this erscope ${ERSCOPE_VERSION} reads version ${SNAPSHOT_SCHEMA_VERSION}); re-create the snapshot with this version`);
  }
  const parsed = snapshotSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    const more = parsed.error.issues.length > 1 ? ` (+${parsed.error.issues.length - 1} more)` : '';
    throw new ErscopeError(`${file}: ${formatIssuePath(first.path)}: ${formatIssueMessage(first)}${more}`);
  }
  return parsed.data as Snapshot;
}

/** Reads and validates a snapshot file (synchronously: it is the first thing a command does); bad files give one-line ErscopeErrors. */
export function readSnapshot(file: string): Snapshot {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ErscopeError(`${file}: cannot read snapshot (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); check the path`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ErscopeError(`${file}: not valid JSON (${(err as Error).message.split('\n')[0]}); is this an erscope snapshot?`);
  }
  return parseSnapshot(data, file);
}

/** Rebuilds the graph exactly as saved (nodes, stubs and edges), without re-deriving anything. */
export function graphFromSnapshot(snap: Snapshot): TopologyGraph {
  const g = emptyGraph();
  for (const n of snap.nodes) g.mergeNode(normalizeId(n.id), n);
  for (const e of snap.edges) {
    if (!g.hasNode(e.source) || !g.hasNode(e.target)) {
      throw new ErscopeError(`snapshot edge ${e.relation} refers to a node that is not in the snapshot (${g.hasNode(e.source) ? e.target : e.source}); the file is damaged`);
    }
    g.addDirectedEdge(e.source, e.target, { relation: e.relation, path: e.path, ...(e.ref ? { ref: e.ref } : {}) });
  }
  return g;
}

/** The inventory a snapshot was made from (bodies redacted, stubs left out) so every command can run offline. */
export function inventoryFromSnapshot(snap: Snapshot): Inventory {
  return {
    source: { ...snap.source },
    subscriptions: snap.subscriptions,
    resources: snap.nodes.filter((n) => !n.stub).map((n) => n.body),
    issues: snap.issues,
    permissions: snap.permissions,
    forbiddenScopes: snap.forbiddenScopes,
    startedAt: snap.generatedAt,
    finishedAt: snap.generatedAt,
  };
}
