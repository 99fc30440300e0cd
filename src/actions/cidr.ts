import ipaddr from 'ipaddr.js';

/** A parsed CIDR block; `aligned` is false when the address is not the block's network address (10.0.0.1/30). */
export interface Cidr {
  text: string;
  family: 4 | 6;
  addr: ipaddr.IPv4 | ipaddr.IPv6;
  bits: number;
  aligned: boolean;
  network: string;
}

/** Parses "a.b.c.d/n" or an IPv6 CIDR; undefined when it is not a CIDR at all. */
export function parseCidr(text: string): Cidr | undefined {
  const t = text.trim();
  if (!t.includes('/')) return undefined;
  try {
    const [addr, bits] = ipaddr.parseCIDR(t);
    const family = addr.kind() === 'ipv4' ? 4 : 6;
    const network = family === 4 ? ipaddr.IPv4.networkAddressFromCIDR(t).toString() : ipaddr.IPv6.networkAddressFromCIDR(t).toString();
    // IPv4 must be four dotted decimals; ipaddr also accepts "10.1/8" style shorthands.
    if (family === 4 && !ipaddr.IPv4.isValidFourPartDecimal(t.split('/')[0]!)) return undefined;
    return { text: t, family, addr, bits, aligned: network === addr.toString(), network: `${network}/${bits}` };
  } catch {
    return undefined;
  }
}

/** True when two CIDR blocks of the same family share any address. */
export function overlaps(a: Cidr, b: Cidr): boolean {
  if (a.family !== b.family) return false;
  const bits = Math.min(a.bits, b.bits);
  return (a.addr as ipaddr.IPv4).match(b.addr as ipaddr.IPv4, bits);
}

/** The nth address of a block (0 = network address), as text; used to show the first usable IPs of a /30. */
export function nthAddress(c: Cidr, n: number): string {
  const bytes = ipaddr.parse(c.network.split('/')[0]!).toByteArray();
  let carry = n;
  for (let i = bytes.length - 1; i >= 0 && carry > 0; i--) {
    const sum = bytes[i]! + carry;
    bytes[i] = sum % 256;
    carry = Math.floor(sum / 256);
  }
  return ipaddr.fromByteArray(bytes).toString();
}

/** True when an IPv4 block is private (RFC 1918), shared (CGNAT) or otherwise not public unicast. */
export function isNonPublicV4(c: Cidr): boolean {
  return c.family === 4 && (c.addr as ipaddr.IPv4).range() !== 'unicast';
}
