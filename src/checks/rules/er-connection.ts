import { parentId } from '../../arm/arm-id.js';
import { RT } from '../../arm/resource-types.js';
import { DOCS } from '../docs.js';
import { circuitFacts, isErConnection } from '../er-links.js';
import { get, props, refAt } from '../model.js';
import { defineRule, num, shortName } from '../rule-kit.js';
import { keyState } from './authorization.js';

// domain.md §5.8 [GR-ABOUT]: "The circuits must be in different peering locations".
export const globalReachSameLocation = defineRule(
  { id: 'global-reach-same-location', title: 'Global Reach between two circuits in the same peering location', category: 'global-reach', severity: 'high', docs: DOCS.grAbout, source: [{ url: DOCS.grAbout, quote: 'The circuits must be in different peering locations and in supported countries/regions.' }] },
  (m, emit) => {
    for (const c of m.ofType(RT.circuitConnection)) {
      const a = m.get(parentId(parentId(c.id) ?? ''));
      const peer = refAt(c, 'properties.peerExpressRouteCircuitPeering.id');
      const b = peer ? m.get(parentId(peer)) : undefined;
      if (!a || !b || a.stub || b.stub) continue;
      const la = circuitFacts(m, a).peeringLocation;
      const lb = circuitFacts(m, b).peeringLocation;
      if (!la || !lb || la.replace(/\s+/g, '').toLowerCase() !== lb.replace(/\s+/g, '').toLowerCase()) continue;
      emit(c.id, {
        reason: `Global Reach links ${a.name} and ${b.name}, which both peer in ${la}. Global Reach connects circuits in different peering locations; within one location, on-premises sites are joined by the provider or your own network, not by Global Reach.`,
        evidence: { [`${a.name}:peeringLocation`]: la, [`${b.name}:peeringLocation`]: lb, peerCircuit: b.id },
        fix: { kind: 'manual', description: 'Remove this Global Reach connection and join the two sites at the shared location (provider or own network), or use a circuit in another peering location', targetId: c.id },
      });
    }
  },
);

// domain.md §1.6 [VWAN-ER]: 1 SU = 2 Gbps; up to 10 SU = 20 Gbps (aggregate 20 Gbps per vWAN ER gateway [VWAN-LIMITS]).
export const erHubGatewayScaleUnits = defineRule(
  { id: 'er-hub-gateway-scale-units', title: 'vWAN ExpressRoute gateway scale units out of range', category: 'vwan', severity: 'medium', docs: DOCS.vwanEr, source: [{ url: DOCS.vwanEr, quote: '1 SU = 2 Gbps; up to 10 SU = 20 Gbps.' }, { url: DOCS.vwanLimits, quote: 'Aggregate throughput per Virtual WAN ExpressRoute gateway: 20 Gbps.' }] },
  (m, emit) => {
    for (const gw of m.ofType(RT.erGateway)) {
      const min = num(get(gw.body, 'properties.autoScaleConfiguration.bounds.min'));
      const max = num(get(gw.body, 'properties.autoScaleConfiguration.bounds.max'));
      const problems: string[] = [];
      if ((min !== undefined && min < 1) || (max !== undefined && max > 10) || (min !== undefined && min > 10)) problems.push('scale units must stay within 1-10 (2-20 Gbps)');
      if (min !== undefined && max !== undefined && min > max) problems.push('the minimum is above the maximum');
      if (problems.length === 0) continue;
      emit(gw.id, {
        reason: `Hub ExpressRoute gateway ${shortName(gw.id)} has scale units min ${min ?? '-'} / max ${max ?? '-'}: ${problems.join('; ')}. The hub gateway cannot be set to these bounds.`,
        evidence: { 'properties.autoScaleConfiguration.bounds.min': min, 'properties.autoScaleConfiguration.bounds.max': max, allowed: '1-10' },
        fix: { kind: 'manual', description: 'Set the hub gateway scale units between 1 and 10 with min <= max', targetId: gw.id },
      });
    }
  },
);

// domain.md §2.3 / §7.3: "--shared-key cannot be used with an ExpressRoute connection." (azure-cli); a shared key is an
// IPsec setting with no meaning on an ExpressRoute link.
export const erConnectionSharedKey = defineRule(
  { id: 'er-connection-shared-key', title: 'ExpressRoute connection carries a VPN shared key', category: 'connection', severity: 'low', docs: DOCS.cliErSharedKey, source: [{ url: DOCS.cliErSharedKey, quote: '--shared-key cannot be used with an ExpressRoute connection.' }] },
  (m, emit) => {
    for (const conn of m.ofType(RT.connection)) {
      if (!isErConnection(conn) || keyState(props(conn).sharedKey) === 'absent') continue;
      emit(conn.id, {
        reason: `ExpressRoute connection ${conn.name} has a sharedKey set. Shared keys belong to IPsec VPN connections; on an ExpressRoute link the value is meaningless and tools that rebuild the connection reject it.`,
        evidence: { 'properties.connectionType': props(conn).connectionType, 'properties.sharedKey (status)': 'present, value not shown' },
        fix: { kind: 'manual', description: 'Remove sharedKey from the connection definition (template or script) and redeploy', targetId: conn.id },
      });
    }
  },
);

// domain.md §7.1 [IPSEC]: "Custom policy does not apply to ExpressRoute connections."
export const erConnectionIpsecPolicy = defineRule(
  { id: 'er-connection-ipsec-policy', title: 'ExpressRoute connection carries a custom IPsec policy', category: 'connection', severity: 'low', docs: DOCS.ipsec, source: [{ url: DOCS.ipsec, quote: 'One policy per connection, and all fields must be given when a policy is specified. Custom policy does not apply to ExpressRoute connections.' }] },
  (m, emit) => {
    for (const conn of m.ofType(RT.connection)) {
      const policies = props(conn).ipsecPolicies;
      if (!isErConnection(conn) || !Array.isArray(policies) || policies.length === 0) continue;
      emit(conn.id, {
        reason: `ExpressRoute connection ${conn.name} lists ${policies.length} custom IPsec/IKE polic${policies.length > 1 ? 'ies' : 'y'}. Custom IPsec policies do not apply to ExpressRoute connections, so nothing is encrypted by them; if encryption was the intent it is not happening.`,
        evidence: { 'properties.connectionType': props(conn).connectionType, 'properties.ipsecPolicies': policies },
        fix: { kind: 'set-property', description: 'Clear ipsecPolicies on the ExpressRoute connection (use MACsec or IPsec over a VPN gateway for encryption)', targetId: conn.id, patch: { ipsecPolicies: [] } },
      });
    }
  },
);

/** ExpressRoute connection, Global Reach geography and vWAN ER gateway rules (second wave, issue #12). */
export const ER_CONNECTION_RULES = [globalReachSameLocation, erHubGatewayScaleUnits, erConnectionSharedKey, erConnectionIpsecPolicy];
