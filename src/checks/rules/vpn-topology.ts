import { normalizeId, parentId } from '../../arm/arm-id.js';
import { RT } from '../../arm/resource-types.js';
import { overlaps, parse, type Cidr } from '../cidr.js';
import { eqi, get, props, refAt, type Model, type Res } from '../model.js';
import { skuName } from './gateway.js';

/** VNet gateways whose gatewayType is Vpn (ExpressRoute gateways are another family with other rules). */
export function vpnGateways(m: Model): Res[] {
  return m.ofType(RT.vnetGateway).filter((g) => eqi(props(g).gatewayType, 'Vpn'));
}

/** True for the tunnel kinds of a VNet gateway connection: site-to-site (IPsec) and VNet-to-VNet. */
export function isTunnel(c: Res): boolean {
  return ['ipsec', 'vnet2vnet'].includes(String(props(c).connectionType ?? '').toLowerCase());
}

/** Tunnel connections grouped by the gateway that owns them (virtualNetworkGateway1), keyed by normalized gateway id; one pass over the connections. */
export function tunnelsByGateway(m: Model): Map<string, Res[]> {
  const out = new Map<string, Res[]>();
  for (const c of m.ofType(RT.connection)) {
    const gw = refAt(c, 'properties.virtualNetworkGateway1.id');
    if (!gw || !isTunnel(c)) continue;
    const k = normalizeId(gw);
    out.set(k, [...(out.get(k) ?? []), c]);
  }
  return out;
}

/** The VNet gateway a connection runs on, when it was read. */
export function gatewayOf(m: Model, c: Res): Res | undefined {
  const gw = m.get(refAt(c, 'properties.virtualNetworkGateway1.id'));
  return gw && !gw.stub && gw.type === RT.vnetGateway ? gw : undefined;
}

/** The local network gateway a site-to-site connection points at, when it was read. */
export function localGatewayOf(m: Model, c: Res): Res | undefined {
  const lng = m.get(refAt(c, 'properties.localNetworkGateway2.id'));
  return lng && !lng.stub && lng.type === RT.localGateway ? lng : undefined;
}

/** Lower-cased SKU name of a gateway. */
export function sku(gw: Res): string {
  return skuName(gw).toLowerCase();
}

/** True when the gateway is policy-based (vpnType PolicyBased); route-based is the default. */
export function isPolicyBased(gw: Res): boolean {
  return eqi(props(gw).vpnType, 'PolicyBased');
}

/** Strings of an array property (address prefixes and the like), empty when absent. */
export function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [];
}

/** Address prefixes a local network gateway declares (`localNetworkAddressSpace.addressPrefixes`). */
export function lngPrefixes(lng: Res): string[] {
  return strings(get(lng.body, 'properties.localNetworkAddressSpace.addressPrefixes'));
}

/** The VNet holding a gateway (parent of the subnet its first IP configuration uses) and that VNet's address prefixes. */
export function gatewayVnet(m: Model, gw: Res): { vnet: Res; prefixes: string[] } | undefined {
  const configs = get(gw.body, 'properties.ipConfigurations');
  const subnet = Array.isArray(configs) ? configs.map((c) => get(c, 'properties.subnet.id')).find((s): s is string => typeof s === 'string') : undefined;
  const vnet = m.get(subnet ? parentId(subnet) : undefined);
  if (!vnet || vnet.stub) return undefined;
  return { vnet, prefixes: strings(get(vnet.body, 'properties.addressSpace.addressPrefixes')) };
}

/** A gateway's IP configurations with the public IP each one uses (read or not). */
export function gatewayPublicIps(m: Model, gw: Res): Array<{ config: string; pipId?: string; pip?: Res }> {
  const configs = get(gw.body, 'properties.ipConfigurations');
  if (!Array.isArray(configs)) return [];
  return configs.map((c, i) => {
    const pipId = get(c, 'properties.publicIPAddress.id');
    const pip = typeof pipId === 'string' ? m.get(pipId) : undefined;
    return { config: String(get(c, 'name') ?? i), ...(typeof pipId === 'string' ? { pipId } : {}), ...(pip && !pip.stub ? { pip } : {}) };
  });
}

/** True when a connection carries NAT rules (ingress or egress), which make overlapping address spaces legitimate. */
export function hasNat(c: Res): boolean {
  return ['ingressNatRules', 'egressNatRules'].some((k) => Array.isArray(props(c)[k]) && (props(c)[k] as unknown[]).length > 0);
}

/** True for a link-local (APIPA) IPv4 address, 169.254.0.0/16. */
export function isApipa(ip: unknown): boolean {
  return typeof ip === 'string' && /^169\.254\.\d{1,3}\.\d{1,3}$/.test(ip.trim());
}

/** Parsed prefixes, dropping the ones that do not parse (a separate rule reports malformed input). */
export function cidrs(list: string[]): Cidr[] {
  return list.map((p) => parse(p)).filter((c): c is Cidr => !!c);
}

/** Pairs (a from `left`, b from `right`) that overlap, as text. */
export function overlapping(left: string[], right: string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const r = cidrs(right);
  for (const a of cidrs(left)) for (const b of r) if (overlaps(a, b)) out.push([a.text, b.text]);
  return out;
}
