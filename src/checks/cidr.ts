import ipaddr from 'ipaddr.js';

/** A parsed CIDR block; `address` keeps whatever host bits the user wrote so callers can flag them. */
export interface Cidr {
  text: string;
  kind: 'ipv4' | 'ipv6';
  address: ipaddr.IPv4 | ipaddr.IPv6;
  bits: number;
}

const FOUR_PART = /^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/;

/** Parses "a.b.c.d/n" or "v6::/n"; undefined for anything ipaddr.js (strict four-part IPv4) rejects. */
export function parse(text: unknown): Cidr | undefined {
  if (typeof text !== 'string') return undefined;
  const t = text.trim();
  try {
    if (t.includes(':')) {
      const [address, bits] = ipaddr.IPv6.parseCIDR(t);
      return { text: t, kind: 'ipv6', address, bits };
    }
    // ipaddr.js accepts shorthand/octal IPv4 forms that Azure rejects, so insist on dotted quad.
    if (!FOUR_PART.test(t)) return undefined;
    const [address, bits] = ipaddr.IPv4.parseCIDR(t);
    return { text: t, kind: 'ipv4', address, bits };
  } catch {
    return undefined;
  }
}

/** Parses a bare address (no prefix length); undefined when invalid. */
export function parseAddress(text: unknown): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    const t = text.trim();
    if (!t.includes(':') && !/^\d{1,3}(\.\d{1,3}){3}$/.test(t)) return undefined;
    return ipaddr.parse(t);
  } catch {
    return undefined;
  }
}

/** Prefix length of a CIDR string, or undefined when it does not parse. */
export function prefixLength(text: unknown): number | undefined {
  return parse(text)?.bits;
}

/** True when two blocks of the same family share at least one address. */
export function overlaps(a: Cidr | string, b: Cidr | string): boolean {
  const x = typeof a === 'string' ? parse(a) : a;
  const y = typeof b === 'string' ? parse(b) : b;
  if (!x || !y || x.kind !== y.kind) return false;
  const bits = Math.min(x.bits, y.bits);
  return (x.address as ipaddr.IPv4).match(y.address as ipaddr.IPv4, bits);
}

/** True when the address part has no host bits set (e.g. 10.0.0.0/30, not 10.0.0.1/30). */
export function isNetworkAddress(c: Cidr): boolean {
  const bytes = c.address.toByteArray();
  return bytes.every((byte, i) => {
    const keep = Math.max(0, Math.min(8, c.bits - i * 8));
    const mask = keep === 0 ? 0 : (0xff << (8 - keep)) & 0xff;
    return (byte & ~mask & 0xff) === 0;
  });
}

function maskedBytes(c: Cidr): number[] {
  return c.address.toByteArray().map((byte, i) => {
    const keep = Math.max(0, Math.min(8, c.bits - i * 8));
    return byte & (keep === 0 ? 0 : (0xff << (8 - keep)) & 0xff);
  });
}

function format(bytes: number[]): string {
  const addr = ipaddr.fromByteArray(bytes);
  return addr.kind() === 'ipv6' ? (addr as ipaddr.IPv6).toRFC5952String() : addr.toString();
}

/** The block with host bits cleared, e.g. "10.0.0.1/30" → "10.0.0.0/30". */
export function networkCidr(text: Cidr | string): string | undefined {
  const c = typeof text === 'string' ? parse(text) : text;
  return c ? `${format(maskedBytes(c))}/${c.bits}` : undefined;
}

/** The nth address of a block counted from its network address (n = 1: customer router, 2: Microsoft's, in a /30 or /126). */
export function nthAddress(text: Cidr | string, n: number): string | undefined {
  const c = typeof text === 'string' ? parse(text) : text;
  if (!c) return undefined;
  const bytes = maskedBytes(c);
  let carry = n;
  for (let i = bytes.length - 1; i >= 0 && carry > 0; i--) {
    const sum = bytes[i]! + carry;
    bytes[i] = sum % 256;
    carry = Math.floor(sum / 256);
  }
  return format(bytes);
}

/** First usable address of a block (network + 1; in an ExpressRoute /30 or /126 that is the customer router). */
export function firstUsable(text: Cidr | string): string | undefined {
  const c = typeof text === 'string' ? parse(text) : text;
  if (!c) return undefined;
  const width = c.kind === 'ipv4' ? 32 : 128;
  return width - c.bits >= 2 ? nthAddress(c, 1) : networkCidr(c)?.split('/')[0];
}

/** True when `addr` lies inside the inclusive range [from, to] of the same family. */
export function inRange(addr: string, from: string, to: string): boolean {
  const a = parseAddress(addr);
  const lo = parseAddress(from);
  const hi = parseAddress(to);
  if (!a || !lo || !hi || a.kind() !== lo.kind() || a.kind() !== hi.kind()) return false;
  const cmp = (x: number[], y: number[]) => {
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
    return 0;
  };
  const b = a.toByteArray();
  return cmp(b, lo.toByteArray()) >= 0 && cmp(b, hi.toByteArray()) <= 0;
}

/** True for RFC 1918 private IPv4 space (not allowed on Microsoft peering). */
export function isPrivateV4(c: Cidr): boolean {
  return c.kind === 'ipv4' && (c.address as ipaddr.IPv4).range() === 'private';
}

/** True when an IPv4 block is not public unicast (RFC 1918, CGNAT, loopback, documentation...): Microsoft peering refuses it. */
export function isNonPublicV4(c: Cidr): boolean {
  return c.kind === 'ipv4' && (c.address as ipaddr.IPv4).range() !== 'unicast';
}
