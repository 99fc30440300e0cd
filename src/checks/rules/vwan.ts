import { parentId } from '../../arm/arm-id.js';
import { RT } from '../../arm/resource-types.js';
import { DOCS } from '../docs.js';
import { circuitFacts, distinctCircuits, gatewayLinks } from '../er-links.js';
import { refAt, type Res } from '../model.js';
import { defineRule, shortName } from '../rule-kit.js';

/** Route tables every hub has; an inventory that skipped them must not make references to them look dangling. */
const BUILT_IN = new Set(['defaultroutetable', 'noneroutetable']);

// domain.md §1.6 / [SPEC-VWAN]: an ExpressRoute connection's routingConfiguration.associatedRouteTable is a hub route
// table of the same hub; a table that does not exist leaves the connection with no route table to use.
export const vwanRouteTableMissing = defineRule(
  { id: 'vwan-route-table-missing', title: 'vWAN connection associated with a missing route table', category: 'vwan', severity: 'high', docs: DOCS.specVwan, source: [{ url: DOCS.specVwan, quote: 'routingConfiguration.associatedRouteTable of an ExpressRoute connection references a hub route table (virtualHubs/hubRouteTables).' }] },
  (m, emit) => {
    for (const conn of [...m.ofType(RT.erConnection), ...m.ofType(RT.vpnConnection)]) {
      const rt = refAt(conn, 'properties.routingConfiguration.associatedRouteTable.id');
      if (!rt) continue;
      const target = m.get(rt);
      if (target && !target.stub) continue;
      const hub = parentId(rt) ?? '';
      const known = m.children(hub, RT.hubRouteTable);
      const name = rt.split('/').pop() ?? '';
      const missing = target?.stub === 'missing' || (!target && known.length > 0 && !BUILT_IN.has(name.toLowerCase()));
      if (!missing) continue;
      emit(conn.id, {
        reason: `This ${conn.type === RT.erConnection ? 'ExpressRoute' : 'VPN'} connection is associated with route table ${shortName(rt)}, which does not exist in its hub. Its routes have no table to land in, so on-premises prefixes are not programmed for the VNets.`,
        evidence: { 'properties.routingConfiguration.associatedRouteTable.id': rt, hubRouteTables: known.map((t) => t.id) },
        fix: { kind: 'pick-route-table', description: 'Associate the connection with an existing hub route table', targetId: conn.id, choices: known.map((t) => ({ label: t.name, value: t.id })) },
      });
    }
  },
);

// domain.md §1.6 [VWAN-ER]: ExpressRoute connections to a hub live on the hub's ExpressRoute gateway; a hub that does not
// reference the gateway (or a gateway with no hub) cannot carry the circuit's routes.
export const vwanHubNoErGateway = defineRule(
  { id: 'vwan-hub-no-er-gateway', title: 'ExpressRoute connection on a hub without an ExpressRoute gateway', category: 'vwan', severity: 'high', docs: DOCS.vwanEr, source: [{ url: DOCS.vwanEr, quote: "ExpressRoute connections to a hub live on the hub's ExpressRoute gateway (virtualHub.expressRouteGateway)." }] },
  (m, emit) => {
    for (const gw of m.ofType(RT.erGateway)) {
      const conns = m.children(gw.id, RT.erConnection);
      if (conns.length === 0) continue;
      const hubId = refAt(gw, 'properties.virtualHub.id');
      const hub: Res | undefined = hubId ? m.get(hubId) : undefined;
      if (hub?.stub === 'no-access') continue;
      const hubGw = hub && !hub.stub ? refAt(hub, 'properties.expressRouteGateway.id') : undefined;
      const ok = hub && !hub.stub && hubGw && hubGw.toLowerCase() === gw.id.toLowerCase();
      if (ok || (hubId && !hub)) continue;
      emit(hub && !hub.stub ? hub.id : gw.id, {
        reason: !hubId || !hub || hub.stub
          ? `ExpressRoute gateway ${gw.name} carries ${conns.length} circuit connection(s) but its hub ${hubId ? shortName(hubId) : '(none)'} does not exist, so the circuits reach no VNet.`
          : `Hub ${hub.name} has ${conns.length} ExpressRoute connection(s) on gateway ${gw.name}, but the hub ${hubGw ? `points at a different ExpressRoute gateway (${shortName(hubGw)})` : 'has no ExpressRoute gateway'}; the circuits' routes are not programmed in the hub.`,
        evidence: { 'gateway.properties.virtualHub.id': hubId ?? null, 'hub.properties.expressRouteGateway.id': hubGw ?? null, connections: conns.map((c) => c.id) },
      });
    }
    // Inference: a hub with no ExpressRoute gateway while a circuit in its own region is connected through another hub —
    // that region's on-premises traffic hairpins through the remote hub.
    const region = (x?: string) => (x ?? '').replace(/\s+/g, '').toLowerCase();
    const served = gatewayLinks(m).filter((g) => g.gateway.type === RT.erGateway);
    const servedHubs = new Set(served.map((g) => g.servesId?.toLowerCase()));
    // Circuits reached through some hub's gateway, per region of the circuit, in gateway then link order.
    const byRegion = new Map<string, Array<{ circuit: string; via: string }>>();
    for (const g of served) {
      for (const l of g.links) {
        if (!l.circuit || l.circuit.stub) continue;
        const list = byRegion.get(region(l.circuit.location)) ?? [];
        list.push({ circuit: l.circuitId, via: g.servesId ?? g.gateway.id });
        byRegion.set(region(l.circuit.location), list);
      }
    }
    for (const hub of m.ofType(RT.hub)) {
      if (refAt(hub, 'properties.expressRouteGateway.id') || servedHubs.has(hub.id.toLowerCase())) continue;
      const remote = region(hub.location) ? [...(byRegion.get(region(hub.location)) ?? [])] : [];
      if (remote.length === 0) continue;
      emit(hub.id, {
        severity: 'low',
        reason: `Hub ${hub.name} (${hub.location}) has no ExpressRoute gateway, yet ${remote.map((r) => shortName(r.circuit)).join(', ')} in the same region reaches Azure through ${[...new Set(remote.map((r) => shortName(r.via)))].join(', ')}. Traffic for this region hairpins through the remote hub; add an ExpressRoute gateway here and connect the circuit.`,
        evidence: { 'properties.expressRouteGateway': null, location: hub.location, circuitsInRegion: remote },
      });
    }
  },
);

// domain.md §1.6 [VWAN-ER], [VWAN-LIMITS]: at most 8 circuits per hub, and at most 4 from one peering location.
export const vwanHubCircuitLimit = defineRule(
  { id: 'vwan-hub-circuit-limit', title: 'More circuits on a hub than vWAN allows', category: 'vwan', severity: 'high', docs: DOCS.vwanEr, source: [{ url: DOCS.vwanEr, quote: 'Circuits per hub: at most 4 from the same peering location and 8 from different peering locations, whatever the SU count.' }, { url: DOCS.vwanLimits, quote: 'ExpressRoute circuit connections per hub: 8.' }] },
  (m, emit) => {
    for (const g of gatewayLinks(m)) {
      if (g.gateway.type !== RT.erGateway) continue;
      const circuits = [...distinctCircuits(g).values()];
      const subject = g.servesId && m.get(g.servesId) && !m.get(g.servesId)!.stub ? m.get(g.servesId)!.id : g.gateway.id;
      if (circuits.length > 8) {
        emit(subject, {
          reason: `${circuits.length} circuits connect to this hub; a vWAN hub supports at most 8 ExpressRoute circuit connections whatever its scale units.`,
          evidence: { circuits: circuits.map((l) => l.circuitId), limit: 8 },
        });
      }
      const byLoc = new Map<string, string[]>();
      for (const l of circuits) {
        const loc = circuitFacts(m, l.circuit).peeringLocation;
        if (loc) byLoc.set(loc.toLowerCase(), [...(byLoc.get(loc.toLowerCase()) ?? []), l.circuitId]);
      }
      for (const [loc, ids] of byLoc) {
        if (ids.length <= 4) continue;
        emit(subject, { reason: `${ids.length} circuits from peering location ${loc} connect to this hub; at most 4 from one peering location are supported.`, evidence: { peeringLocation: loc, circuits: ids, limit: 4 } });
      }
    }
  },
);

/** Virtual WAN rules. */
export const VWAN_RULES = [vwanRouteTableMissing, vwanHubNoErGateway, vwanHubCircuitLimit];
