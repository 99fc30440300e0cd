import { parentId } from '../../arm/arm-id.js';
import { RT } from '../../arm/resource-types.js';
import { isPrivateV4, overlaps, parse } from '../cidr.js';
import { DOCS } from '../docs.js';
import { gatewayLinks } from '../er-links.js';
import { eqi, get, props, type Model, type Res } from '../model.js';
import { defineRule, shortName } from '../rule-kit.js';

// [PUBLIC-PEERING]: "Public peering is deprecated. You cannot create public peering on new ExpressRoute circuits. If you
// have a new ExpressRoute circuit, instead, use Microsoft peering for your Azure services."
export const peeringPublicDeprecated = defineRule(
  { id: 'peering-public-deprecated', title: 'Circuit still uses deprecated Azure public peering', category: 'peering', severity: 'low', docs: DOCS.publicPeering, source: [{ url: DOCS.publicPeering, quote: 'Public peering is deprecated. You cannot create public peering on new ExpressRoute circuits. If you have a new ExpressRoute circuit, instead, use Microsoft peering for your Azure services.' }, { url: DOCS.specErc, quote: 'peeringType: AzurePublicPeering (deprecated), AzurePrivatePeering, MicrosoftPeering.' }] },
  (m, emit) => {
    for (const p of m.ofType(RT.peering)) {
      if (!eqi(props(p).peeringType, 'AzurePublicPeering')) continue;
      emit(p.id, {
        reason: `Circuit ${shortName(parentId(p.id) ?? '')} still carries Azure public peering, which is deprecated: it cannot be re-created if deleted and gets no new features. Move its traffic to Microsoft peering (with a route filter) and then delete it.`,
        evidence: { 'properties.peeringType': props(p).peeringType, 'properties.state': props(p).state },
        fix: { kind: 'manual', description: 'Configure Microsoft peering with a route filter for the Azure services you use, then delete the public peering', targetId: p.id },
      });
    }
  },
);

/** Address space of the VNets and hubs whose gateways link to each circuit (lower-cased circuit id). */
function linkedSpace(m: Model): Map<string, Array<{ owner: Res; prefix: string }>> {
  const out = new Map<string, Array<{ owner: Res; prefix: string }>>();
  for (const g of gatewayLinks(m)) {
    const served = m.get(g.servesId);
    if (!served || served.stub) continue;
    const prefixes = served.type === RT.hub ? [props(served).addressPrefix] : (get(served.body, 'properties.addressSpace.addressPrefixes') as unknown[] | undefined) ?? [];
    const list = prefixes.filter((x): x is string => typeof x === 'string' && x !== '').map((prefix) => ({ owner: served, prefix }));
    for (const l of g.links) out.set(l.circuitId.toLowerCase(), [...(out.get(l.circuitId.toLowerCase()) ?? []), ...list]);
  }
  return out;
}

// domain.md §5.4 / [ROUTING]: "The address range used for configuring routes can't overlap with address ranges used for
// virtual networks in Azure." Checked against the VNets and hubs linked to the same circuit (where a clash breaks routing).
export const peeringPrefixOverlapsVnet = defineRule(
  { id: 'peering-prefix-overlaps-vnet', title: 'Private peering subnet overlaps a linked VNet or hub', category: 'peering', severity: 'high', docs: DOCS.routing, source: [{ url: DOCS.routing, quote: "You can use either private IP addresses or public IP addresses to configure the peering. The address range used for configuring routes can't overlap with address ranges used for virtual networks in Azure." }] },
  (m, emit) => {
    const space = linkedSpace(m);
    for (const p of m.ofType(RT.peering)) {
      if (!eqi(props(p).peeringType, 'AzurePrivatePeering')) continue;
      const linked = space.get((parentId(p.id) ?? '').toLowerCase()) ?? [];
      if (linked.length === 0) continue;
      for (const path of ['primaryPeerAddressPrefix', 'secondaryPeerAddressPrefix']) {
        const mine = parse(props(p)[path]);
        if (!mine) continue;
        const clash = linked.filter((x) => overlaps(mine, x.prefix));
        if (clash.length === 0) continue;
        emit(p.id, {
          reason: `${shortName(p.id)} ${path} ${String(props(p)[path])} overlaps ${clash.map((x) => `${shortName(x.owner.id)} (${x.prefix})`).join(', ')}, which is linked to this circuit. The peering link subnet must not overlap Azure VNet address space, or the gateway and the MSEE route the same addresses two ways.`,
          evidence: { [`properties.${path}`]: props(p)[path], overlapsWith: clash.map((x) => ({ resource: x.owner.id, prefix: x.prefix })) },
          fix: { kind: 'manual', description: 'Re-address the peering with a /30 pair outside every VNet and hub range (agree it with the provider), or re-address the VNet', targetId: p.id },
        });
      }
    }
  },
);

// [CIRCUIT-PEERINGS]: Microsoft peering: "You must connect to Microsoft cloud services only by using public IP addresses
// that are owned by you or your connectivity provider"; domain.md §5.4: RFC 1918 is not allowed on Microsoft peering.
export const msPeeringAdvertisedPrivate = defineRule(
  { id: 'ms-peering-advertised-private', title: 'Microsoft peering advertises private address space', category: 'peering', severity: 'high', docs: DOCS.circuitPeerings, source: [{ url: DOCS.circuitPeerings, quote: 'You must connect to Microsoft cloud services only by using public IP addresses that are owned by you or your connectivity provider.' }, { url: DOCS.routing, quote: 'Microsoft peering must use public IPs you own (RIR/IRR registered); RFC 1918 is not allowed.' }] },
  (m, emit) => {
    for (const p of m.ofType(RT.peering)) {
      if (!eqi(props(p).peeringType, 'MicrosoftPeering')) continue;
      const path = 'properties.microsoftPeeringConfig.advertisedPublicPrefixes';
      const list = get(p.body, path);
      if (!Array.isArray(list)) continue;
      const bad = list.filter((x) => {
        const c = parse(x);
        return c !== undefined && c.kind === 'ipv4' && isPrivateV4(c);
      });
      if (bad.length === 0) continue;
      emit(p.id, {
        reason: `Microsoft peering ${shortName(p.id)} advertises private (RFC 1918) prefixes ${bad.join(', ')}. Microsoft peering only accepts public prefixes you or your provider own, so these are never validated and the traffic they source is not routed back.`,
        evidence: { [path]: list, privatePrefixes: bad },
        fix: { kind: 'manual', description: 'Advertise public prefixes you own (NAT the private ranges behind them) and remove the RFC 1918 prefixes', targetId: p.id },
      });
    }
  },
);

/** Peering address-plan rules (second wave, issue #12). */
export const PEERING_LIMIT_RULES = [peeringPublicDeprecated, peeringPrefixOverlapsVnet, msPeeringAdvertisedPrivate];
