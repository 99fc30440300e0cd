import type { TopologyGraph } from '../topology/types.js';
import { isNetworkAddress, isNonPublicV4, networkCidr, overlaps, parse as parseCidr } from '../checks/cidr.js';

/** What a validator may consult besides the value: the estate, the other form values, and whether the user forced. */
export interface FieldContext {
  graph?: TopologyGraph;
  values: Record<string, string>;
  /** Prefixes already used nearby (other peerings/Global Reach of the circuits involved), for overlap checks. */
  usedPrefixes?: string[];
  /** VLAN ids used by the circuit's other peerings. */
  usedVlans?: number[];
  /** Peering type for ASN/prefix rules that differ between private and Microsoft peering. */
  peeringType?: string;
}

/** A pure field check: undefined when valid, else a one-line message that says what is allowed. */
export type Validator = (value: string, ctx: FieldContext) => string | undefined;

/** ARM resource-name rule shared by every Microsoft.Network name erscope creates. */
export const NAME_RULE = "1–80 characters: letters, digits, '.', '-', '_'; must start with a letter or digit and end with a letter, digit or '_'";
const NAME_RE = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,78}[A-Za-z0-9_])?$/;

/** Resource name as ARM allows it for network resources. */
export const validateName: Validator = (v) => (NAME_RE.test(v) ? undefined : `name "${v}": ${NAME_RULE}`);

function intIn(v: string, lo: number, hi: number): number | undefined {
  if (!/^\d+$/.test(v.trim())) return undefined;
  const n = Number(v.trim());
  return Number.isSafeInteger(n) && n >= lo && n <= hi ? n : undefined;
}

/** Routing weight on ER/VPN connections (client-enforced range, domain §4). */
export const validateRoutingWeight: Validator = (v) =>
  intIn(v, 0, 32000) === undefined ? `routing weight "${v}": a whole number 0–32000 (higher is preferred)` : undefined;

/** VLAN id: 1–4094 and unique among the circuit's peerings (domain §5.2). */
export const validateVlan: Validator = (v, ctx) => {
  const n = intIn(v, 1, 4094);
  if (n === undefined) return `VLAN "${v}": a whole number 1–4094`;
  if (ctx.usedVlans?.includes(n)) return `VLAN ${n} is already used by another peering of this circuit; pick a VLAN not in ${ctx.usedVlans.join(', ')}`;
  return undefined;
};

/** ASN ranges nobody may use as a peer ASN: Microsoft/Azure-reserved and IANA-reserved (domain §5.3, §7.4). */
export const RESERVED_ASNS: Array<[number, number, string]> = [
  [65515, 65520, 'reserved by Microsoft'],
  [8074, 8075, 'reserved by Azure'],
  [12076, 12076, 'used by Azure'],
  [23456, 23456, 'reserved by IANA (AS_TRANS)'],
  [64496, 64511, 'reserved by IANA for documentation'],
  [65535, 65551, 'reserved by IANA'],
];
const ASN_RULE = '1–4294967295, not 65515–65520, 8074–8075, 12076, 23456, 64496–64511 or 65535–65551';

/** Peer ASN for ExpressRoute peerings and VPN BGP. */
export const validateAsn: Validator = (v) => {
  const n = intIn(v, 1, 4294967295);
  if (n === undefined) return `ASN "${v}": ${ASN_RULE}`;
  const hit = RESERVED_ASNS.find(([lo, hi]) => n >= lo && n <= hi);
  return hit ? `ASN ${n} is ${hit[2]}; use ${ASN_RULE}` : undefined;
};

function prefixCheck(v: string, family: 4 | 6, bits: number, label: string, ctx: FieldContext): string | undefined {
  const c = parseCidr(v);
  const shape = family === 4 ? `an IPv4 /${bits} such as 192.168.100.0/${bits}` : `an IPv6 /${bits} such as fd00:1::/${bits}`;
  if (!c || c.kind !== (family === 4 ? 'ipv4' : 'ipv6') || c.bits !== bits) return `${label} "${v}": ${shape}`;
  if (!isNetworkAddress(c)) return `${label} "${v}": not the network address of the block; use ${networkCidr(c)}`;
  for (const other of ctx.usedPrefixes ?? []) {
    const o = parseCidr(other);
    if (o && overlaps(c, o)) return `${label} ${v} overlaps ${other}, already used on these circuits; pick a block that overlaps nothing`;
  }
  return undefined;
}

/** Peering subnet: an aligned IPv4 /30; public for Microsoft peering (domain §5.4). */
export const validatePrefix30: Validator = (v, ctx) => {
  const err = prefixCheck(v, 4, 30, 'peer subnet', ctx);
  if (err) return err;
  if (ctx.peeringType === 'MicrosoftPeering' && isNonPublicV4(parseCidr(v)!)) {
    return `peer subnet ${v}: Microsoft peering needs public addresses you own (no RFC 1918 or other private ranges)`;
  }
  return undefined;
};

/** Global Reach IPv4 block: an aligned /29 that overlaps nothing already used (domain §5.8). */
export const validatePrefix29: Validator = (v, ctx) => prefixCheck(v, 4, 29, 'Global Reach prefix', ctx);

/** Global Reach IPv6 block: an aligned /125 (optional; empty means IPv4 only). */
export const validatePrefix125: Validator = (v, ctx) => (v.trim() === '' ? undefined : prefixCheck(v, 6, 125, 'Global Reach IPv6 prefix', ctx));

/** Peering MD5 key: optional, at most 25 letters or digits (domain §5.5). */
export const validateMd5: Validator = (v) =>
  v === '' || /^[A-Za-z0-9]{1,25}$/.test(v) ? undefined : 'MD5 key: at most 25 letters or digits (no spaces or symbols), or empty for none';

/** Circuit authorization keys are GUIDs. */
export const validateAuthKey: Validator = (v) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v.trim())
    ? undefined
    : 'authorization key: the GUID the circuit owner created (e.g. 946a1918-b7a2-4917-b43c-8c4cdaee006a)';

/** VPN pre-shared key: 1–128 printable ASCII characters (domain §7.3). */
export const validateSharedKey: Validator = (v) =>
  /^[\x21-\x7e]{1,128}$/.test(v) ? undefined : 'shared key: 1–128 printable ASCII characters without spaces (leave empty to generate a strong one)';

/** Dead-peer-detection timeout (domain §7.1). */
export const validateDpd: Validator = (v) =>
  intIn(v, 9, 3600) === undefined ? `DPD timeout "${v}": a whole number of seconds 9–3600 (30–45 recommended)` : undefined;

/** Quick-mode SA lifetime in seconds (domain §7.1). */
export const validateSaLifetime: Validator = (v) =>
  intIn(v, 300, 172799) === undefined ? `SA lifetime "${v}": a whole number of seconds 300–172799 (default 27000; vWAN 3600)` : undefined;

/** true/false switches typed on the command line. */
export const validateBool: Validator = (v) => (/^(true|false)$/i.test(v) ? undefined : `"${v}": true or false`);

/** An ARM id of one of the given types that the inventory holds. */
export function validateIdOfType(types: string[], label: string): Validator {
  return (v, ctx) => {
    if (!/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\//i.test(v)) return `${label}: a full ARM resource id (/subscriptions/…/providers/…)`;
    const node = ctx.graph?.hasNode(v.toLowerCase()) ? ctx.graph.getNodeAttributes(v.toLowerCase()) : undefined;
    if (ctx.graph && (!node || !types.includes(node.type))) return `${label}: ${v} is not in the inventory; pick one from the list`;
    return undefined;
  };
}

/** A value from a fixed list (IPsec algorithms, peering types...). */
export function validateOneOf(allowed: readonly string[], label: string): Validator {
  return (v) => (allowed.includes(v) ? undefined : `${label} "${v}": one of ${allowed.join(', ')}`);
}

/** A new resource name: the ARM naming rule plus "not already used" among its siblings. */
export function validateNewName(existing: (ctx: FieldContext) => Iterable<string>): Validator {
  return (v, ctx) => {
    const base = validateName(v, ctx);
    if (base) return base;
    for (const n of existing(ctx)) if (n.toLowerCase() === v.toLowerCase()) return `name "${v}" is already used here; choose another (${NAME_RULE})`;
    return undefined;
  };
}
