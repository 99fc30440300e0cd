import ipaddr from 'ipaddr.js';
import { nthAddress, parse } from '../checks/cidr.js';

/** The two usable addresses of a point-to-point peer subnet (/30 IPv4 or /126 IPv6): on-premises uses the first, Microsoft the second. */
export interface PeerAddresses {
  prefix: string;
  onPremises: string;
  azure: string;
}

/** First and second usable addresses of a peer subnet; undefined when the prefix is not valid CIDR. */
export function peerAddresses(prefix: string | undefined): PeerAddresses | undefined {
  const c = parse(prefix);
  if (!c || (c.kind === 'ipv4' ? 32 : 128) - c.bits < 2) return undefined;
  return { prefix: prefix!, onPremises: nthAddress(c, 1)!, azure: nthAddress(c, 2)! };
}

/** Address equality that tolerates notation differences (IPv6 zero compression, leading zeros). */
export function sameAddress(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  try {
    return ipaddr.parse(a.trim()).toNormalizedString() === ipaddr.parse(b.trim()).toNormalizedString();
  } catch {
    return a.trim().toLowerCase() === b.trim().toLowerCase();
  }
}
