import ipaddr from 'ipaddr.js';

/** The two usable addresses of a point-to-point peer subnet (/30 IPv4 or /126 IPv6): on-premises uses the first, Microsoft the second. */
export interface PeerAddresses {
  prefix: string;
  onPremises: string;
  azure: string;
}

/** Adds `n` to an address by byte arithmetic (ipaddr.js has no add), used to find the first/second usable IP of a /30. */
function addToAddress(addr: ipaddr.IPv4 | ipaddr.IPv6, n: number): string {
  const bytes = addr.toByteArray();
  let carry = n;
  for (let i = bytes.length - 1; i >= 0 && carry > 0; i -= 1) {
    const sum = bytes[i]! + carry;
    bytes[i] = sum & 0xff;
    carry = Math.floor(sum / 256);
  }
  return ipaddr.fromByteArray(bytes).toString();
}

/** First and second usable addresses of a peer subnet; undefined when the prefix is not valid CIDR. */
export function peerAddresses(prefix: string | undefined): PeerAddresses | undefined {
  if (!prefix || !ipaddr.isValidCIDR(prefix)) return undefined;
  const [addr, len] = ipaddr.parseCIDR(prefix);
  const network = addr.kind() === 'ipv4' ? ipaddr.IPv4.networkAddressFromCIDR(prefix) : ipaddr.IPv6.networkAddressFromCIDR(prefix);
  const bits = addr.kind() === 'ipv4' ? 32 : 128;
  if (bits - len < 2) return undefined;
  return { prefix, onPremises: addToAddress(network, 1), azure: addToAddress(network, 2) };
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
