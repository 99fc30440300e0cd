import { normalizeId, parentId } from '../../arm/arm-id.js';
import { RT } from '../../arm/resource-types.js';
import { prefixLength } from '../cidr.js';
import { DOCS } from '../docs.js';
import { eqi, get, props, refAt, type Model, type Res } from '../model.js';
import { defineRule, shortName } from '../rule-kit.js';
import { overlapping, strings } from './vpn-topology.js';

/** Resources grouped by the virtual WAN they belong to (`properties.virtualWan.id`), keyed by normalized WAN id. */
function byWan(list: Res[]): Map<string, Res[]> {
  const out = new Map<string, Res[]>();
  for (const r of list) {
    const w = refAt(r, 'properties.virtualWan.id');
    if (w) out.set(normalizeId(w), [...(out.get(normalizeId(w)) ?? []), r]);
  }
  return out;
}

const hubPrefix = (h: Res) => (typeof props(h).addressPrefix === 'string' ? (props(h).addressPrefix as string) : undefined);

// https://learn.microsoft.com/azure/virtual-wan/virtual-wan-faq: "while Virtual WAN hubs are deployed with a minimum size of /24,
// the recommended hub address space at creation time for user to input is /23."
export const hubAddressPrefixSize = defineRule(
  { id: 'hub-address-prefix-size', title: 'Virtual hub address space smaller than documented', category: 'vwan', severity: 'high', docs: DOCS.vwanFaq, source: [{ url: DOCS.vwanFaq, quote: 'The recommended Virtual WAN hub address space is /23. ... while Virtual WAN hubs are deployed with a minimum size of /24, the recommended hub address space at creation time for user to input is /23.' }] },
  (m, emit) => {
    for (const hub of m.ofType(RT.hub)) {
      const p = hubPrefix(hub);
      const bits = prefixLength(p);
      if (!p || bits === undefined || p.includes(':') || bits < 24) continue;
      const tooSmall = bits > 24;
      emit(hub.id, {
        severity: tooSmall ? 'high' : 'low',
        reason: tooSmall
          ? `Hub ${hub.name} has address space ${p}; a hub needs at least a /24 for its gateways, router and firewall subnets, so gateways cannot be deployed into it.`
          : `Hub ${hub.name} has a /24 (${p}), the minimum. Virtual WAN carves subnets for every gateway, the router, firewall and NVAs; /23 is the recommended size and the space cannot be grown later without re-creating the hub.`,
        evidence: { 'properties.addressPrefix': p, minimum: '/24', recommended: '/23' },
        fix: { kind: 'manual', description: 'Plan a /23 for the hub (the address space is fixed at creation; moving means a new hub)', targetId: hub.id },
      });
    }
  },
);

// https://learn.microsoft.com/azure/virtual-wan/expressroute-powershell: "A virtual hub is a virtual network that is created
// and used by Virtual WAN. The address range that you specify for the virtual hub can't overlap with any of your existing
// virtual networks that you connect to." virtual-wan-faq: "All hubs are connected in full mesh in a Standard Virtual WAN".
export const hubPrefixOverlap = defineRule(
  { id: 'hub-prefix-overlap', title: 'Two hubs of one virtual WAN have overlapping address spaces', category: 'vwan', severity: 'high', docs: DOCS.vwanErPowershell, source: [{ url: DOCS.vwanErPowershell, quote: "A virtual hub is a virtual network that is created and used by Virtual WAN. The address range that you specify for the virtual hub can't overlap with any of your existing virtual networks that you connect to." }, { url: DOCS.vwanFaq, quote: 'All hubs are connected in full mesh in a Standard Virtual WAN.' }] },
  (m, emit) => {
    for (const [, hubs] of byWan(m.ofType(RT.hub))) {
      const list = hubs.filter((h) => hubPrefix(h)).sort((a, b) => a.key.localeCompare(b.key));
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          if (overlapping([hubPrefix(list[j]!)!], [hubPrefix(list[i]!)!]).length === 0) continue;
          emit(list[j]!.id, {
            reason: `Hub ${list[j]!.name} (${hubPrefix(list[j]!)}) overlaps hub ${list[i]!.name} (${hubPrefix(list[i]!)}) in the same virtual WAN. Hubs are meshed and each is a virtual network in its own right, so router and gateway addresses collide across the mesh.`,
            evidence: { 'properties.addressPrefix': hubPrefix(list[j]!), otherHub: list[i]!.id, 'otherHub.properties.addressPrefix': hubPrefix(list[i]!) },
            fix: { kind: 'manual', description: 'Give each hub its own non-overlapping /23 (a hub address space is fixed: re-create the hub)', targetId: list[j]!.id },
          });
        }
      }
    }
  },
);

// expressroute-powershell: the hub range "also can't overlap with your address ranges that you connect to on-premises".
// VPN sites of the same virtual WAN are those on-premises ranges.
export const hubPrefixOverlapsSite = defineRule(
  { id: 'hub-prefix-overlaps-site', title: 'Hub address space overlaps a VPN site of the same virtual WAN', category: 'vwan', severity: 'high', docs: DOCS.vwanErPowershell, source: [{ url: DOCS.vwanErPowershell, quote: "The address range that you specify for the virtual hub can't overlap with any of your existing virtual networks that you connect to. It also can't overlap with your address ranges that you connect to on-premises." }] },
  (m, emit) => {
    const sites = byWan(m.ofType(RT.vpnSite));
    for (const hub of m.ofType(RT.hub)) {
      const p = hubPrefix(hub);
      const w = refAt(hub, 'properties.virtualWan.id');
      if (!p || !w) continue;
      for (const site of sites.get(normalizeId(w)) ?? []) {
        const space = strings(get(site.body, 'properties.addressSpace.addressPrefixes'));
        const hits = overlapping(space, [p]);
        if (hits.length === 0) continue;
        emit(hub.id, {
          reason: `Hub ${hub.name} (${p}) overlaps ${hits.map(([a]) => a).join(', ')} of VPN site ${site.name}. The hub's own router and gateway addresses fall in a range the hub also routes to the branch, so part of the branch is unreachable (or the hub is).`,
          evidence: { 'properties.addressPrefix': p, site: site.id, 'site.properties.addressSpace.addressPrefixes': space },
          fix: { kind: 'manual', description: `Renumber the overlapping branch range, or move the hub to a range no site uses`, targetId: site.id },
        });
      }
    }
  },
);

/** Virtual WAN type (Basic/Standard) of a hub, when its WAN was read. */
function wanType(m: Model, hub: Res): string | undefined {
  const wan = m.get(refAt(hub, 'properties.virtualWan.id'));
  return wan && !wan.stub ? String(props(wan).type ?? '') : undefined;
}

// https://learn.microsoft.com/azure/virtual-wan/hub-settings (Basic and Standard): "Basic | Basic | Site-to-site VPN only";
// Standard: ExpressRoute, User VPN (P2S), VPN (site-to-site), inter-hub and VNet-to-VNet transit.
export const vwanBasicTypeUnsupported = defineRule(
  { id: 'vwan-basic-type-unsupported', title: 'ExpressRoute or point-to-site gateway in a Basic virtual WAN', category: 'vwan', severity: 'high', docs: DOCS.vwanHubSettings, source: [{ url: DOCS.vwanHubSettings, quote: 'Virtual WAN type Basic, hub type Basic: Site-to-site VPN only. Standard: ExpressRoute, User VPN (P2S), VPN (site-to-site), Inter-hub and VNet-to-VNet transiting through the virtual hub.' }] },
  (m, emit) => {
    for (const hub of m.ofType(RT.hub)) {
      if (!eqi(wanType(m, hub), 'Basic')) continue;
      const extra = [['expressRouteGateway', 'an ExpressRoute gateway'], ['p2SVpnGateway', 'a point-to-site (User VPN) gateway']].filter(([k]) => refAt(hub, `properties.${k}.id`));
      if (extra.length === 0) continue;
      emit(hub.id, {
        reason: `Hub ${hub.name} belongs to a Basic virtual WAN but references ${extra.map(([, l]) => l).join(' and ')}. Basic supports site-to-site VPN only; ExpressRoute, User VPN and transit need a Standard WAN.`,
        evidence: { virtualWan: refAt(hub, 'properties.virtualWan.id'), 'virtualWan.properties.type': 'Basic', ...Object.fromEntries(extra.map(([k]) => [`properties.${k}.id`, refAt(hub, `properties.${k}.id`)])) },
        fix: { kind: 'manual', description: 'Upgrade the virtual WAN to Standard (one way: Standard cannot go back to Basic)', targetId: refAt(hub, 'properties.virtualWan.id') ?? hub.id },
      });
    }
  },
);

// https://learn.microsoft.com/azure/virtual-wan/about-virtual-hub-routing (Association): "All VPN, ExpressRoute, and User VPN
// connections are associated to the same (default) route table." and "Each virtual hub has its own Default route table".
export const vwanBranchCustomAssociation = defineRule(
  { id: 'vwan-branch-custom-association', title: 'Branch connection associated with a route table other than its hub’s default', category: 'vwan', severity: 'medium', docs: DOCS.vwanHubRouting, source: [{ url: DOCS.vwanHubRouting, quote: 'All VPN, ExpressRoute, and User VPN connections are associated to the same (default) route table. By default, all connections are associated to a Default route table in a virtual hub. Each virtual hub has its own Default route table.' }] },
  (m, emit) => {
    for (const conn of [...m.ofType(RT.vpnConnection), ...m.ofType(RT.erConnection)]) {
      const rt = refAt(conn, 'properties.routingConfiguration.associatedRouteTable.id');
      const gw = m.get(parentId(conn.id));
      const hubId = gw && !gw.stub ? refAt(gw, 'properties.virtualHub.id') : undefined;
      if (!rt || !hubId) continue;
      const expected = `${hubId}/hubRouteTables/defaultRouteTable`;
      if (normalizeId(rt) === normalizeId(expected)) continue;
      const target = m.get(rt);
      const otherHub = normalizeId(parentId(rt) ?? '') !== normalizeId(hubId);
      if (!otherHub && !(target && !target.stub)) continue; // a missing table of the same hub is vwan-route-table-missing's finding
      emit(conn.id, {
        reason: `This ${conn.type === RT.erConnection ? 'ExpressRoute' : 'VPN'} connection is associated with ${otherHub ? `a route table of another hub (${shortName(rt)})` : `custom route table ${rt.split('/').pop()}`}. Branch connections (VPN, ExpressRoute, User VPN) are associated with their own hub's Default route table; anything else leaves the branch with a different view of the VNets than the docs promise.`,
        evidence: { 'properties.routingConfiguration.associatedRouteTable.id': rt, expected },
        fix: { kind: 'pick-route-table', description: 'Associate the connection with its hub’s defaultRouteTable', targetId: conn.id, choices: [{ label: 'defaultRouteTable', value: expected }] },
      });
    }
  },
);

// virtual-wan-faq: "Up to 1,000 connections are supported per virtual hub." / "Virtual WAN supports up to 1000 connections or
// 2000 IPsec tunnels per virtual hub."
export const vwanHubVpnConnectionLimit = defineRule(
  { id: 'vwan-hub-vpn-connection-limit', title: 'More VPN connections on a hub than Virtual WAN supports', category: 'vwan', severity: 'high', docs: DOCS.vwanFaq, source: [{ url: DOCS.vwanFaq, quote: 'Up to 1,000 connections are supported per virtual hub. ... Virtual WAN supports up to 1000 connections or 2000 IPsec tunnels per virtual hub.' }] },
  (m, emit) => {
    const perHub = new Map<string, { hub: string; conns: string[] }>();
    for (const gw of m.ofType(RT.vpnGateway)) {
      const hub = refAt(gw, 'properties.virtualHub.id') ?? gw.id;
      const entry = perHub.get(normalizeId(hub)) ?? { hub, conns: [] };
      entry.conns.push(...m.children(gw.id, RT.vpnConnection).map((c) => c.id));
      perHub.set(normalizeId(hub), entry);
    }
    for (const { hub, conns } of perHub.values()) {
      if (conns.length <= 1000) continue;
      const subject = m.get(hub);
      emit(subject && !subject.stub ? subject.id : hub, {
        reason: `${conns.length} VPN connections terminate on this hub; a virtual hub supports up to 1,000 (2,000 tunnels). Sites beyond that cannot connect here; spread them over another hub.`,
        evidence: { connections: conns.length, limit: 1000 },
        fix: { kind: 'manual', description: 'Move some VPN sites to another hub (same or nearby region)', targetId: hub },
      });
    }
  },
);

/** Virtual hub address, type, association and scale rules (second wave). */
export const VWAN_HUB_RULES = [hubAddressPrefixSize, hubPrefixOverlap, hubPrefixOverlapsSite, vwanBasicTypeUnsupported, vwanBranchCustomAssociation, vwanHubVpnConnectionLimit];
