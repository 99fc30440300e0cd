import { diffSnapshotAgainstGraph } from '../../src/topology/diff.js';
import type { Snapshot, TopologyGraph } from '../../src/topology/types.js';
import type { Baseline, ExplorerBackend } from '../../src/ui/backend.js';
import { fixtureBackend, fixtureData, SUBS } from './fixture.js';
import { fixtureId } from './live-fake.js';

/**
 * "Yesterday's" snapshot of the UI fixture: conn-er-fra had weight 10 and was connected to er-ams-1, er-sin-1 was
 * Premium, an old connection existed that is gone now, hub-sea did not exist yet; the authorization key differs too
 * (secrets are redacted on both sides, so that is no change).
 */
export function yesterday(): Snapshot {
  const g = fixtureData().graph;
  const nodes = g.mapNodes((_k, a) => structuredClone(a)).filter((n) => n.name !== 'hub-sea');
  const byName = (name: string) => nodes.find((n) => n.name === name)!;
  const fra = byName('conn-er-fra').body.properties as Record<string, any>;
  fra.routingWeight = 10;
  fra.peer = { id: fixtureId('er-ams-1') };
  fra.ingressBytesTransferred = 12345; // a counter: never a change
  (byName('er-sin-1').body as any).sku.tier = 'Premium';
  (byName('auth-1').body.properties as any).authorizationKey = 'an-older-secret';
  const old = structuredClone(byName('conn-er-ams'));
  old.id = old.id.replace('conn-er-ams', 'conn-er-old');
  old.name = 'conn-er-old';
  old.body.id = old.id;
  old.body.name = old.name;
  nodes.push(old);
  return {
    schemaVersion: 1, generatedAt: '2023-11-13T09:30:00.000Z', erscopeVersion: '0.1.0', source: { kind: 'emulator', label: 'yesterday' },
    subscriptions: SUBS, nodes, edges: [], issues: [], permissions: [], forbiddenScopes: [],
  };
}

/** The baseline the explorer would hold after `--diff yesterday.json`. */
export function baselineOf(graph: TopologyGraph, file = 'yesterday.json'): Baseline {
  const snap = yesterday();
  return { file, generatedAt: snap.generatedAt, diff: diffSnapshotAgainstGraph(snap, graph) };
}

/** The fixture backend with a baseline loaded up front (`--diff`), or able to load one by `:diff FILE`. */
export function diffBackend(opts: { initial: boolean }): ExplorerBackend {
  const b = fixtureBackend();
  const data = b.initial!;
  return {
    ...b,
    initial: opts.initial ? { ...data, baseline: baselineOf(data.graph) } : data,
    compareWith: async (file, graph) => {
      if (file !== 'yesterday.json') throw new Error(`${file}: cannot read snapshot (ENOENT); check the path`);
      return baselineOf(graph, file);
    },
  };
}
