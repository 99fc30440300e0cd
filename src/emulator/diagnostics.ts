import { normalizeId, parentId } from '../arm/arm-id.js';
import { badRequest } from './cloud-error.js';
import type { DiagnosticAction } from './router.js';

/** Default growth of byte counters (bytes per emulator second) when a scenario sets no rate: about 1 Mbit/s. */
export const DEFAULT_BYTES_PER_SECOND = 125_000;

type DiagEntry = Record<string, unknown>;
const STAT_KEYS = ['primarybytesIn', 'primarybytesOut', 'secondarybytesIn', 'secondarybytesOut'] as const;

/** Answers diagnostic operations from the scenario's `diagnostics` map, with counters that move with the clock. */
export class Diagnostics {
  private readonly byId = new Map<string, DiagEntry>();

  constructor(
    data: Record<string, DiagEntry>,
    private readonly clock: () => number,
  ) {
    for (const [id, d] of Object.entries(data)) this.byId.set(normalizeId(id), d);
  }

  /** Scenario diagnostics for an id (case-insensitive). */
  get(id: string): DiagEntry | undefined {
    return this.byId.get(normalizeId(id));
  }

  /** Bytes per second for a resource's counters (`ratePerSecond` on its entry or its stats, else the default). */
  rate(id: string): number {
    const d = this.get(id);
    const r = d?.ratePerSecond ?? (d?.stats as DiagEntry | undefined)?.ratePerSecond;
    return typeof r === 'number' ? r : DEFAULT_BYTES_PER_SECOND;
  }

  /** Body for one diagnostic action on an existing target (existence is checked by the caller). */
  answer(action: DiagnosticAction, targetId: string, query: URLSearchParams, device?: string): unknown {
    switch (action) {
      case 'stats':
        return this.stats(targetId);
      case 'arpTables':
        return { value: this.deviceTable(targetId, 'arpTable', device) };
      case 'routeTables':
        return { value: this.deviceTable(targetId, 'routesTable', device) };
      case 'routeTablesSummary':
        return { value: this.deviceTable(targetId, 'routesTableSummary', device) };
      case 'getBgpPeerStatus': {
        const peer = query.get('peer');
        const peers = asArray(this.get(targetId)?.bgpPeers).filter((p) => !peer || (p as DiagEntry).neighbor === peer);
        return { value: peers.map((p) => this.growMessages(p as DiagEntry)) };
      }
      case 'getLearnedRoutes':
        return { value: asArray(this.get(targetId)?.learnedRoutes) };
      case 'getAdvertisedRoutes': {
        const peer = query.get('peer');
        if (!peer) throw badRequest('InvalidRequestFormat', 'The peer query parameter is required.', 'peer');
        const adv = this.get(targetId)?.advertisedRoutes;
        const routes = Array.isArray(adv) ? adv : asArray((adv as DiagEntry | undefined)?.[peer]);
        return { value: routes };
      }
    }
  }

  private stats(id: string): Record<string, number> {
    const own = this.get(id)?.stats as DiagEntry | undefined;
    const parent = parentId(id);
    const base = own ?? ((parent ? this.get(parent)?.stats : undefined) as DiagEntry | undefined) ?? {};
    const grow = Math.floor(this.rate(own ? id : (parent ?? id)) * this.clock());
    const out: Record<string, number> = {};
    for (const k of STAT_KEYS) {
      const v = typeof base[k] === 'number' ? (base[k] as number) : 0;
      // A counter a scenario leaves at 0 stays idle (e.g. an unused secondary link).
      out[k] = own === undefined && base[k] === undefined ? grow : v === 0 ? 0 : v + grow;
    }
    return out;
  }

  private deviceTable(peeringId: string, key: string, device?: string): unknown[] {
    const d = (device ?? '').toLowerCase();
    if (d !== 'primary' && d !== 'secondary') {
      throw badRequest('InvalidDevicePath', `Device path '${device}' is not valid; use 'primary' or 'secondary'.`, 'devicePath');
    }
    const table = this.get(peeringId)?.[key] as DiagEntry | undefined;
    return asArray(table?.[d]);
  }

  private growMessages(peer: DiagEntry): DiagEntry {
    if (peer.state !== 'Connected') return peer;
    const add = Math.floor(this.clock() / 60);
    const out = { ...peer };
    if (typeof out.messagesSent === 'number') out.messagesSent += add;
    if (typeof out.messagesReceived === 'number') out.messagesReceived += add;
    return out;
  }
}

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
