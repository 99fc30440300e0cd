import { peerAddresses, sameAddress } from './addresses.js';

/** One ARP row as the arpTables operation returns it. */
export interface ArpEntry {
  age?: number;
  interface?: string;
  ipAddress?: string;
  macAddress?: string;
}

/** The ARP verdict for one MSEE device path. */
export interface ArpPathResult {
  path: 'primary' | 'secondary';
  prefix?: string;
  onPremisesIp?: string;
  azureIp?: string;
  onPremisesMac?: string;
  entries: number;
  ok: boolean;
  /** Why not ok: no prefix configured, empty table, or the on-premises IP has no (or an incomplete) MAC. */
  problem?: 'no-prefix' | 'empty' | 'onprem-missing' | 'onprem-incomplete';
}

const INCOMPLETE = /^(incomplete|0{4}\.0{4}\.0{4}|(00[:-]){5}00)?$/i;

/** Evaluates one device's ARP table against its /30: the on-premises (first) IP must resolve to a real MAC. */
export function evaluateArp(path: 'primary' | 'secondary', prefix: string | undefined, entries: ArpEntry[]): ArpPathResult {
  const addrs = peerAddresses(prefix);
  const base = { path, prefix, onPremisesIp: addrs?.onPremises, azureIp: addrs?.azure, entries: entries.length };
  if (!addrs) return { ...base, ok: false, problem: 'no-prefix' };
  if (entries.length === 0) return { ...base, ok: false, problem: 'empty' };
  const onPrem = entries.find((e) => sameAddress(e.ipAddress, addrs.onPremises));
  if (!onPrem) return { ...base, ok: false, problem: 'onprem-missing' };
  const mac = (onPrem.macAddress ?? '').trim();
  if (INCOMPLETE.test(mac)) return { ...base, onPremisesMac: mac || undefined, ok: false, problem: 'onprem-incomplete' };
  return { ...base, onPremisesMac: mac, ok: true };
}

/** Plain-words description of one path's ARP problem, for step details. */
export function describeArp(r: ArpPathResult): string {
  switch (r.problem) {
    case undefined:
      return `${r.path}: on-premises ${r.onPremisesIp} is at ${r.onPremisesMac}`;
    case 'no-prefix':
      return `${r.path}: no valid peer subnet configured (${r.prefix ?? 'none'})`;
    case 'empty':
      return `${r.path}: ARP table is empty (layer 2 between the provider and Microsoft is down)`;
    case 'onprem-missing':
      return `${r.path}: no ARP entry for the on-premises address ${r.onPremisesIp}`;
    case 'onprem-incomplete':
      return `${r.path}: ARP entry for ${r.onPremisesIp} is incomplete (no MAC learned)`;
  }
}
