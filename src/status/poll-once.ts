import { RT } from '../arm/resource-types.js';
import type { ArmResource } from '../inventory/types.js';
import type { LiveReads } from './live-reads.js';
import { statsToCounters, type CounterSample } from './rates.js';
import type { WatchKind } from './types.js';

/** Watch kind per canonical ARM type; other types are not polled. */
export const KIND_BY_TYPE: Record<string, WatchKind> = {
  [RT.connection]: 'connection',
  [RT.erConnection]: 'erConnection',
  [RT.circuit]: 'circuit',
  [RT.peering]: 'peering',
};

/** HTTP requests one poll of a kind costs (before SDK retries): a GET, plus the stats GET for circuits and peerings. */
export const REQUESTS_PER_POLL: Record<WatchKind, number> = { connection: 1, erConnection: 1, circuit: 2, peering: 2 };

/** State fields tracked for events, per kind; the first present one is the headline status. */
export const STATUS_FIELDS: Record<WatchKind, string[]> = {
  connection: ['connectionStatus', 'provisioningState'],
  erConnection: ['connectionStatus', 'provisioningState'],
  circuit: ['serviceProviderProvisioningState', 'circuitProvisioningState', 'provisioningState'],
  peering: ['state', 'provisioningState'],
};

/** What one poll read. `sent` is how many of the planned requests actually went out (for refunds when one fails early). */
export interface PollResult {
  fields: Record<string, string>;
  counters?: CounterSample;
  sent: number;
}

/** An error that also says how many planned requests were sent before it. */
export class PollError extends Error {
  constructor(
    readonly original: unknown,
    readonly sent: number,
  ) {
    super((original as Error)?.message ?? String(original));
  }
}

function stateFields(kind: WatchKind, body: ArmResource): Record<string, string> {
  const p = (body.properties ?? {}) as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const f of STATUS_FIELDS[kind]) if (typeof p[f] === 'string' && p[f] !== '') out[f] = p[f] as string;
  return out;
}

function connectionCounters(body: ArmResource, at: number): CounterSample | undefined {
  const p = (body.properties ?? {}) as Record<string, unknown>;
  if (typeof p.ingressBytesTransferred !== 'number' && typeof p.egressBytesTransferred !== 'number') return undefined;
  // ARM's "ingress" is traffic into Azure; the UI's "in" is the same direction.
  return { at, inBytes: Number(p.ingressBytesTransferred ?? 0), outBytes: Number(p.egressBytesTransferred ?? 0) };
}

/** Reads one watched resource: its GET (state fields, connection counters) and, for circuits/peerings, the stats GET. */
export async function pollResource(reads: LiveReads, kind: WatchKind, id: string, now: () => number, signal?: AbortSignal): Promise<PollResult> {
  let sent = 0;
  try {
    sent += 1;
    const body = await reads.getResource(id, { abortSignal: signal });
    const fields = stateFields(kind, body);
    if (kind === 'connection' || kind === 'erConnection') return { fields, counters: connectionCounters(body, now()), sent };
    sent += 1;
    const stats = await reads.getStats(id, { abortSignal: signal });
    return { fields, counters: statsToCounters(stats as Record<string, unknown>, now()), sent };
  } catch (e) {
    throw new PollError(e, sent);
  }
}
