import { metroName } from './circuits.js';
import type { BackupPath, ResiliencyModel, ScoreItem, ServingCircuit, ServingGateway, Spof } from './types.js';

/** What the score is computed from: the usable circuits, the gateways and the backup paths of one target. */
export interface ScoreInput {
  circuits: ServingCircuit[];
  gateways: ServingGateway[];
  backups: BackupPath[];
  hasVpnPath: boolean;
}

const uniq = (xs: Array<string | undefined>): string[] => [...new Set(xs.filter((x): x is string => Boolean(x)))].sort((a, b) => a.localeCompare(b));
const list = (xs: string[]): string => xs.join(', ');

/** Distinct locations (original case, first seen) of usable circuits. */
export function locationsOf(circuits: ServingCircuit[]): string[] {
  const seen = new Map<string, string>();
  for (const c of circuits) if (c.usable && c.peeringLocation && !seen.has(c.peeringLocation.toLowerCase())) seen.set(c.peeringLocation.toLowerCase(), c.peeringLocation);
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}

/** Microsoft's site-resiliency model: two distinct peering locations = maximum, an ExpressRoute Metro circuit = high, else standard. */
export function modelOf(s: ScoreInput): ResiliencyModel {
  const usable = s.circuits.filter((c) => c.usable);
  if (usable.length === 0) return s.hasVpnPath ? 'vpn-only' : 'none';
  if (usable.length >= 2 && locationsOf(usable).length >= 2) return 'maximum';
  if (usable.some((c) => c.metroCircuit)) return 'high';
  return 'standard';
}

/** The gateways the zone factor judges: ExpressRoute gateways when there are any, else all (a VPN-only VNet or hub). */
function judgedGateways(gws: ServingGateway[]): ServingGateway[] {
  const er = gws.filter((g) => g.kind === 'expressroute');
  return er.length > 0 ? er : gws;
}

/** The six score factors (100 points), each with its reason and the guidance it follows. */
export function scoreItems(s: ScoreInput): ScoreItem[] {
  const usable = s.circuits.filter((c) => c.usable);
  const locations = locationsOf(usable);
  const metros = uniq(usable.map((c) => (c.peeringLocation ? metroName(c.peeringLocation) : undefined)));
  const providers = uniq(usable.map((c) => c.provider));
  const model = modelOf(s);
  const er = usable.length > 0;
  const unknown = usable.filter((c) => !c.peeringLocation).length;
  const unread = unknown ? ` (+${unknown} circuit${unknown > 1 ? 's' : ''} not readable)` : '';
  const noEr = model === 'vpn-only' ? 'no usable ExpressRoute path (VPN only)' : 'no usable ExpressRoute path';
  const items: ScoreItem[] = [];
  const site = model === 'maximum' ? 40 : model === 'high' ? 20 : model === 'standard' ? 10 : 0;
  items.push({
    factor: 'site', points: site, max: 40, sources: ['maximum', 'high', 'standard', 'insights'],
    reason: model === 'maximum' ? `maximum resiliency: ${usable.length} circuits in ${locations.length} distinct peering locations (${list(locations)})`
      : model === 'high' ? `high resiliency: ExpressRoute Metro circuit ${usable.find((c) => c.metroCircuit)!.name} splits its links across two sites of one metro`
      : model === 'standard' ? `standard resiliency: ${locations.length ? `every ${unknown ? 'readable ' : ''}circuit lands in ${list(locations)}${unread}` : 'one circuit, location not readable'}`
      : noEr,
  });
  items.push({
    factor: 'circuits', points: usable.length >= 2 ? 15 : 0, max: 15, sources: ['advisorCircuits', 'drDesign'],
    reason: usable.length >= 2 ? `${usable.length} usable circuits` : usable.length === 1 ? `one usable circuit (${usable[0]!.name})` : noEr,
  });
  items.push({
    factor: 'geo', points: metros.length >= 2 ? 10 : 0, max: 10, sources: ['geoRedundancy', 'haDesign'],
    reason: metros.length >= 2 ? `circuits in ${metros.length} metros (${list(metros)})` : metros.length === 1 ? `every ${unknown ? 'readable ' : ''}circuit is in the ${metros[0]} metro${unread}: one metro-wide event takes them all` : er ? 'metro unknown (circuit not readable)' : noEr,
  });
  items.push({
    factor: 'providers', points: providers.length >= 2 ? 5 : 0, max: 5, sources: ['drDesign', 'geoRedundancy'],
    reason: providers.length >= 2 ? `${providers.length} providers (${list(providers)})` : providers.length === 1 ? `one provider (${providers[0]})${unread}` : er ? 'provider unknown (circuit not readable)' : noEr,
  });
  const judged = judgedGateways(s.gateways);
  const worst = [...judged].sort((a, b) => a.zoneScore - b.zoneScore)[0];
  items.push({
    factor: 'zones', points: worst ? Math.round(worst.zoneScore * 20) : 0, max: 20, sources: ['zonalGateway', 'reliabilityGateway', 'insights', 'vwanGateways'],
    reason: !worst ? 'no gateway'
      : worst.zoneRedundant ? (judged.length > 1 ? `all ${judged.length} gateways zone-redundant` : `${worst.name} (${worst.sku}) is zone-redundant`)
      : `${worst.name} (${worst.sku}) is not zone-redundant: a zone outage takes it down`,
  });
  const backup = backupItem(s, model);
  items.push(backup);
  return items;
}

function backupItem(s: ScoreInput, model: ResiliencyModel): ScoreItem {
  const sources: ScoreItem['sources'] = ['drSingleCircuit', 'vpnBackupNote', 'advisorGlobalReach'];
  const second = s.backups.find((b) => b.kind === 'second-location');
  const vpn = s.backups.find((b) => b.kind === 'vpn');
  const gr = s.backups.find((b) => b.kind === 'global-reach');
  if (model === 'vpn-only' || model === 'none') return { factor: 'backup', points: 0, max: 10, sources, reason: 'no ExpressRoute path to back up' };
  if (second) return { factor: 'backup', points: 10, max: 10, sources: ['maximum', ...sources], reason: second.text };
  if (vpn) return { factor: 'backup', points: 10, max: 10, sources, reason: `${vpn.text} (not for latency-sensitive or bandwidth-heavy traffic)` };
  if (gr) return { factor: 'backup', points: 5, max: 10, sources, reason: gr.text };
  return { factor: 'backup', points: 0, max: 10, sources, reason: 'no second peering location, VPN or Global Reach path' };
}

/** The single points of failure, named. */
export function spofsOf(s: ScoreInput): Spof[] {
  const usable = s.circuits.filter((c) => c.usable);
  const locations = locationsOf(usable);
  const metros = uniq(usable.map((c) => (c.peeringLocation ? metroName(c.peeringLocation) : undefined)));
  const providers = uniq(usable.map((c) => c.provider));
  const model = modelOf(s);
  const out: Spof[] = [];
  if (model === 'vpn-only' || model === 'none') {
    out.push({ kind: 'no-expressroute', text: model === 'vpn-only' ? 'no usable ExpressRoute path: on-premises depends on VPN over the internet' : 'no usable path to on-premises' });
  }
  if (usable.length === 1) out.push({ kind: 'one-circuit', resourceId: usable[0]!.id, text: `one circuit: ${usable[0]!.name}` });
  const allKnown = usable.every((c) => c.peeringLocation);
  if (usable.length > 0 && allKnown && locations.length === 1 && model !== 'high') out.push({ kind: 'one-peering-location', resourceId: usable[0]!.id, text: `one peering location: ${locations[0]}` });
  if (locations.length >= 2 && allKnown && metros.length === 1) out.push({ kind: 'same-metro', text: `one metro: ${list(locations)} are all in ${metros[0]}` });
  if (usable.length >= 2 && usable.every((c) => c.provider) && providers.length === 1) out.push({ kind: 'one-provider', text: `one provider: ${providers[0]}` });
  for (const g of judgedGateways(s.gateways)) if (!g.zoneRedundant) out.push({ kind: 'gateway-not-zone-redundant', resourceId: g.id, text: `gateway ${g.name} (${g.sku}) is not zone-redundant` });
  // Global Reach joins on-premises sites over Microsoft's backbone but still runs through the serving circuit, so it does
  // not remove the single point; only a VPN (or a second location, which makes the model maximum) does.
  if ((model === 'standard' || model === 'high') && allKnown && !s.backups.some((b) => b.kind === 'vpn')) {
    const gr = s.backups.some((b) => b.kind === 'global-reach');
    out.push({ kind: 'no-backup', text: gr ? `no backup path independent of ${list(locations) || 'the serving circuit'}: Global Reach still runs through it` : 'no backup path: no second peering location, VPN or Global Reach' });
  }
  return out;
}
