import { parseArmId } from '../arm/arm-id.js';
import { REDACTED } from '../redact.js';

/** Placeholder printed wherever a secret would go in an az command; the real value is never shown. */
export const AZ_SECRET = '<redacted>';

/** Quotes an argument for a POSIX shell only when it needs it. */
export function shellQuote(v: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`;
}

/** Builds `az <words> --flag value ...`, dropping undefined flags and masking secret flags. */
export function azCommand(words: string, flags: Array<[string, string | number | boolean | undefined, ('secret' | undefined)?]>): string {
  const parts = [`az ${words}`];
  for (const [flag, value, secret] of flags) {
    if (value === undefined || value === '') continue;
    parts.push(`--${flag} ${secret ? AZ_SECRET : shellQuote(String(value))}`);
  }
  return parts.join(' ').replaceAll(REDACTED, AZ_SECRET);
}

/** Resource group and name of an id, the two things every az command needs. */
export function rgName(id: string): { rg: string; name: string; sub: string; names: string[] } {
  const p = parseArmId(id);
  return { rg: p.resourceGroup ?? '', name: p.name ?? '', sub: p.subscriptionId ?? '', names: p.names };
}

/** `az network vpn-connection create` for a VNet gateway ↔ circuit connection (LINK-CLI). */
export function azConnection(o: { id: string; location?: string; gatewayId: string; circuitId: string; weight: number; withKey: boolean }): string {
  const t = rgName(o.id);
  return azCommand('network vpn-connection create', [
    ['name', t.name], ['resource-group', t.rg], ['subscription', t.sub], ['location', o.location],
    ['vnet-gateway1', o.gatewayId], ['express-route-circuit2', o.circuitId], ['routing-weight', o.weight],
    ['authorization-key', o.withKey ? 'x' : undefined, 'secret'],
  ]);
}

/** `az network express-route gateway connection create` for a vWAN hub ER gateway connection. */
export function azErConnection(o: { id: string; peeringId: string; weight: number; withKey: boolean; internetSecurity: boolean; associated?: string; propagated: string[]; labels: string[] }): string {
  const t = rgName(o.id);
  return azCommand('network express-route gateway connection create', [
    ['name', t.name], ['gateway-name', t.names[0]], ['resource-group', t.rg], ['subscription', t.sub],
    ['peering', o.peeringId], ['routing-weight', o.weight], ['internet-security', o.internetSecurity],
    ['authorization-key', o.withKey ? 'x' : undefined, 'secret'],
    ['associated-route-table', o.associated], ['propagated-route-tables', o.propagated.join(' ') || undefined], ['labels', o.labels.join(' ') || undefined],
  ]);
}

/** `az network express-route peering connection create` for Global Reach. */
export function azGlobalReach(o: { id: string; peerCircuitId: string; prefix: string; withKey: boolean }): string {
  const t = rgName(o.id);
  return azCommand('network express-route peering connection create', [
    ['name', t.name], ['circuit-name', t.names[0]], ['peering-name', t.names[1]], ['resource-group', t.rg], ['subscription', t.sub],
    ['peer-circuit', o.peerCircuitId], ['address-prefix', o.prefix], ['authorization-key', o.withKey ? 'x' : undefined, 'secret'],
  ]);
}

/** `az network express-route peering create|update`. */
export function azPeering(o: { id: string; create: boolean; peeringType: string; asn: string; vlan: string; primary: string; secondary: string; md5: boolean; routeFilter?: string; state?: string }): string {
  const t = rgName(o.id);
  return azCommand(`network express-route peering ${o.create ? 'create' : 'update'}`, [
    ['circuit-name', t.names[0]], ['resource-group', t.rg], ['subscription', t.sub], [o.create ? 'peering-type' : 'name', o.peeringType],
    ['peer-asn', o.asn], ['vlan-id', o.vlan], ['primary-peer-subnet', o.primary], ['secondary-peer-subnet', o.secondary],
    ['shared-key', o.md5 ? 'x' : undefined, 'secret'], ['route-filter', o.routeFilter], ['state', o.state],
  ]);
}

/** `az network express-route auth create`. */
export function azAuthorization(id: string): string {
  const t = rgName(id);
  return azCommand('network express-route auth create', [['circuit-name', t.names[0]], ['name', t.name], ['resource-group', t.rg], ['subscription', t.sub]]);
}

/** `az network vpn-gateway connection create` for a vWAN VPN connection. */
export function azVpnConnection(o: { id: string; siteId: string; bgp: boolean; associated?: string; propagated: string[]; labels: string[]; withKey: boolean }): string {
  const t = rgName(o.id);
  return azCommand('network vpn-gateway connection create', [
    ['name', t.name], ['gateway-name', t.names[0]], ['resource-group', t.rg], ['subscription', t.sub], ['remote-vpn-site', o.siteId],
    ['enable-bgp', o.bgp], ['shared-key', o.withKey ? 'x' : undefined, 'secret'], ['associated-route-table', o.associated],
    ['propagated-route-tables', o.propagated.join(' ') || undefined], ['labels', o.labels.join(' ') || undefined],
  ]);
}

/** Generic update for fix-in-place: `az resource update --ids ID --set properties.x=v ...` (works for every type). */
export function azGenericSet(id: string, sets: Array<[string, unknown]>): string {
  const parts = [`az resource update --ids ${shellQuote(id)}`];
  for (const [path, value] of sets) {
    const secret = /authorizationkey|sharedkey/i.test(path);
    const v = secret ? AZ_SECRET : typeof value === 'string' ? value : JSON.stringify(value);
    parts.push(`--set ${shellQuote(`${path}=${v}`)}`);
  }
  return parts.join(' ');
}
