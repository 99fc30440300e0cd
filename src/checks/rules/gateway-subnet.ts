import { parentId } from '../../arm/arm-id.js';
import { RT } from '../../arm/resource-types.js';
import { parse } from '../cidr.js';
import { DOCS } from '../docs.js';
import { gatewaysByVnet } from '../er-links.js';
import { eqi, get, props, type Model, type Res } from '../model.js';
import { defineRule, shortName } from '../rule-kit.js';
import { skuName } from './gateway.js';

/** The GatewaySubnet a VNet gateway sits in (its first IP configuration's subnet): id, name, and the subnet if read. */
export function gatewaySubnet(m: Model, gw: Res): { id: string; name: string; subnet?: Res } | undefined {
  const configs = props(gw).ipConfigurations;
  if (!Array.isArray(configs)) return undefined;
  for (const c of configs) {
    const id = get(c, 'properties.subnet.id');
    if (typeof id !== 'string' || !id) continue;
    const subnet = m.get(id);
    return { id, name: id.split('/').pop() ?? '', ...(subnet && !subnet.stub ? { subnet } : {}) };
  }
  return undefined;
}

/** IPv4 prefix length of a subnet (`addressPrefix`, else the first IPv4 entry of `addressPrefixes`). */
function v4Bits(subnet: Res): { prefix: string; bits: number } | undefined {
  const all = [props(subnet).addressPrefix, ...((props(subnet).addressPrefixes as unknown[] | undefined) ?? [])];
  for (const v of all) {
    const c = parse(v);
    if (c && c.kind === 'ipv4') return { prefix: String(v), bits: c.bits };
  }
  return undefined;
}

const isEr = (gw: Res) => eqi(props(gw).gatewayType, 'ExpressRoute');
const isVpn = (gw: Res) => eqi(props(gw).gatewayType, 'Vpn');

// domain.md §1.5 [ER-GW]: "The gateway subnet must be named GatewaySubnet for Azure to recognize it and deploy the gateway
// components correctly."
export const gatewaySubnetName = defineRule(
  { id: 'gateway-subnet-name', title: 'Gateway is not in a subnet named GatewaySubnet', category: 'gateway', severity: 'high', docs: DOCS.erGateway, source: [{ url: DOCS.erGateway, quote: 'The gateway subnet must be named GatewaySubnet for Azure to recognize it and deploy the gateway components correctly.' }] },
  (m, emit) => {
    for (const gw of m.ofType(RT.vnetGateway)) {
      const s = gatewaySubnet(m, gw);
      if (!s || s.name.toLowerCase() === 'gatewaysubnet') continue;
      emit(gw.id, {
        reason: `${shortName(gw.id)} sits in subnet "${s.name}". A virtual network gateway must be deployed into the subnet named exactly GatewaySubnet; anything else is not recognised as a gateway subnet.`,
        evidence: { 'properties.ipConfigurations[0].properties.subnet.id': s.id, subnetName: s.name },
        fix: { kind: 'manual', description: `Create a subnet named GatewaySubnet (/27 or larger) in ${shortName(parentId(s.id) ?? '')} and re-create the gateway in it`, targetId: gw.id },
      });
    }
  },
);

// domain.md §1.5 [ER-GW]: recommended size /27 or larger; /26 or larger is required for 16 circuit connections
// (UltraPerformance, ErGw3Az, ErGwScale).
export const gatewaySubnetTooSmall = defineRule(
  { id: 'gateway-subnet-too-small', title: 'GatewaySubnet smaller than the ExpressRoute gateway needs', category: 'gateway', severity: 'low', docs: DOCS.erGateway, source: [{ url: DOCS.erGateway, quote: 'Recommended size is /27 or larger. /26 or larger is required for 16 circuit connections (UltraPerformance, ErGw3Az, ErGwScale).' }] },
  (m, emit) => {
    for (const gw of m.ofType(RT.vnetGateway)) {
      if (!isEr(gw)) continue;
      const s = gatewaySubnet(m, gw);
      const size = s?.subnet ? v4Bits(s.subnet) : undefined;
      if (!s || !size) continue;
      const sku = skuName(gw).toLowerCase();
      const big = ['ultraperformance', 'ergw3az', 'ergwscale'].includes(sku);
      const need = big ? 26 : 27;
      if (size.bits <= need) continue;
      emit(gw.id, {
        severity: big ? 'medium' : 'low',
        reason: big
          ? `${skuName(gw)} can carry 16 circuit connections, which needs a GatewaySubnet of /26 or larger; ${shortName(s.id)} is ${size.prefix} (/${size.bits}). Scaling out or adding circuits will fail for lack of addresses.`
          : `${shortName(s.id)} is ${size.prefix} (/${size.bits}); ExpressRoute gateways need /27 or larger, and a VPN gateway cannot be added beside it on a /28 or /29.`,
        evidence: { subnet: s.id, addressPrefix: size.prefix, prefixLength: size.bits, 'properties.sku.name': skuName(gw), required: `/${need}` },
        fix: { kind: 'manual', description: `Enlarge GatewaySubnet to /${need} or larger (delete the gateway, resize the subnet, re-create the gateway)`, targetId: s.id },
      });
    }
  },
);

// Built-in Azure Policy "Gateway subnets should not be configured with a network security group": "Assigning a network
// security group to a gateway subnet will cause the gateway to stop functioning."
export const gatewaySubnetNsg = defineRule(
  { id: 'gateway-subnet-nsg', title: 'Network security group on GatewaySubnet', category: 'gateway', severity: 'high', docs: DOCS.policyGatewayNsg, source: [{ url: DOCS.policyGatewayNsg, quote: 'Gateway subnets should not be configured with a network security group. Assigning a network security group to a gateway subnet will cause the gateway to stop functioning.' }, { url: DOCS.erGateway, quote: 'Never deploy anything else into the gateway subnet.' }] },
  (m, emit) => {
    for (const gw of m.ofType(RT.vnetGateway)) {
      const s = gatewaySubnet(m, gw);
      const nsg = s?.subnet ? get(s.subnet.body, 'properties.networkSecurityGroup.id') : undefined;
      if (!s || typeof nsg !== 'string' || !nsg) continue;
      emit(gw.id, {
        reason: `${shortName(s.id)} (the subnet of ${shortName(gw.id)}) has network security group ${shortName(nsg)} attached. A network security group on the gateway subnet stops the gateway from working (Azure's built-in policy denies it).`,
        evidence: { subnet: s.id, 'subnet.properties.networkSecurityGroup.id': nsg },
        fix: { kind: 'manual', description: `Dissociate ${shortName(nsg)} from GatewaySubnet`, targetId: s.id },
      });
    }
  },
);

// domain.md §1.1 [COEXIST]: a VPN gateway can coexist with an ExpressRoute gateway only if it is route-based and not Basic.
export const gatewayCoexistVpnUnsupported = defineRule(
  { id: 'gateway-coexist-vpn-unsupported', title: 'VPN gateway beside an ExpressRoute gateway is policy-based or Basic', category: 'gateway', severity: 'high', docs: DOCS.coexist, source: [{ url: DOCS.coexist, quote: 'VPN gateways can coexist with an ExpressRoute gateway only if the VPN gateway is route-based and not the Basic SKU.' }] },
  (m, emit) => {
    for (const gws of gatewaysByVnet(m).values()) {
      const er = gws.find(isEr);
      if (!er) continue;
      for (const vpn of gws.filter(isVpn)) {
        const policy = eqi(props(vpn).vpnType, 'PolicyBased');
        const basic = skuName(vpn).toLowerCase() === 'basic';
        if (!policy && !basic) continue;
        emit(vpn.id, {
          reason: `${shortName(vpn.id)} shares its VNet with ExpressRoute gateway ${shortName(er.id)} but is ${[policy ? 'policy-based' : '', basic ? 'the Basic SKU' : ''].filter(Boolean).join(' and ')}. Coexistence needs a route-based VPN gateway that is not Basic; this pair is unsupported and the VPN side fails when the configuration is reapplied.`,
          evidence: { 'properties.vpnType': props(vpn).vpnType, 'properties.sku.name': skuName(vpn), expressRouteGateway: er.id },
          fix: { kind: 'manual', description: 'Re-create the VPN gateway as route-based on a VpnGw*AZ SKU (the type and Basic SKU cannot be changed in place)', targetId: vpn.id },
        });
      }
    }
  },
);

// domain.md §1.5 [COEXIST]: coexisting ER and VPN gateways need /27 or shorter; with /28 or /29 adding the second gateway fails.
export const gatewayCoexistSubnetSmall = defineRule(
  { id: 'gateway-coexist-subnet-small', title: 'Coexisting gateways share a GatewaySubnet smaller than /27', category: 'gateway', severity: 'medium', docs: DOCS.coexist, source: [{ url: DOCS.coexist, quote: 'Coexisting ER and VPN gateways need /27 or shorter. With /28 or /29 you get an error when adding the second gateway, and you must delete the gateway and enlarge the subnet.' }] },
  (m, emit) => {
    for (const gws of gatewaysByVnet(m).values()) {
      const er = gws.find(isEr);
      const vpn = gws.find(isVpn);
      if (!er || !vpn) continue;
      const s = gatewaySubnet(m, er);
      const size = s?.subnet ? v4Bits(s.subnet) : undefined;
      if (!s || !size || size.bits <= 27) continue;
      emit(s.id, {
        reason: `${shortName(s.id)} is ${size.prefix} (/${size.bits}) and holds both ${shortName(er.id)} (ExpressRoute) and ${shortName(vpn.id)} (VPN). Coexisting gateways need /27 or larger; on /28 or /29 re-creating either gateway fails.`,
        evidence: { addressPrefix: size.prefix, prefixLength: size.bits, expressRouteGateway: er.id, vpnGateway: vpn.id, required: '/27' },
        fix: { kind: 'manual', description: 'Enlarge GatewaySubnet to /27 or larger (delete both gateways, resize, re-create)', targetId: s.id },
      });
    }
  },
);

/** GatewaySubnet and coexistence rules (second wave, issue #12). */
export const GATEWAY_SUBNET_RULES = [gatewaySubnetName, gatewaySubnetTooSmall, gatewaySubnetNsg, gatewayCoexistVpnUnsupported, gatewayCoexistSubnetSmall];
