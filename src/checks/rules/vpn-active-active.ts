import { DOCS } from '../docs.js';
import { eqi, get, props } from '../model.js';
import { defineRule } from '../rule-kit.js';
import { skuName } from './gateway.js';
import { gatewayPublicIps, isPolicyBased, sku, vpnGateways } from './vpn-topology.js';

// https://learn.microsoft.com/azure/vpn-gateway/about-active-active-gateways: "You can't configure an active-active gateway
// using the Basic gateway SKU." and "The VPN must be route based. It can't be policy based."
export const vpnActiveActiveUnsupported = defineRule(
  {
    id: 'vpn-active-active-unsupported',
    title: 'Active-active on a Basic or policy-based VPN gateway',
    category: 'vpn',
    severity: 'high',
    docs: DOCS.vpnActiveActive,
    source: [{ url: DOCS.vpnActiveActive, quote: "You can't configure an active-active gateway using the Basic gateway SKU. The VPN must be route based. It can't be policy based." }],
  },
  (m, emit) => {
    for (const gw of vpnGateways(m)) {
      if (props(gw).activeActive !== true || (sku(gw) !== 'basic' && !isPolicyBased(gw))) continue;
      emit(gw.id, {
        reason: `${gw.name} has activeActive true but is ${isPolicyBased(gw) ? 'policy-based' : 'Basic SKU'}. Active-active needs a route-based gateway on VpnGw1 or larger, so the second instance never carries a tunnel and the on-premises device waits for one that is not there.`,
        evidence: { 'properties.activeActive': true, 'properties.sku.name': sku(gw), 'properties.vpnType': props(gw).vpnType ?? 'RouteBased' },
        fix: { kind: 'manual', description: 'Re-create the gateway as route-based VpnGw1AZ or larger to run active-active, or configure the device for one tunnel', targetId: gw.id },
      });
    }
  },
);

// about-active-active-gateways: "Two public IP addresses are required. Both must be Standard SKU public IP addresses that are
// assigned as Static." Each instance has "a unique public IP address".
export const vpnActiveActivePublicIps = defineRule(
  {
    id: 'vpn-active-active-public-ips',
    title: 'Active-active VPN gateway without two distinct Standard static public IPs',
    category: 'vpn',
    severity: 'high',
    docs: DOCS.vpnActiveActive,
    source: [{ url: DOCS.vpnActiveActive, quote: 'Two public IP addresses are required. Both must be Standard SKU public IP addresses that are assigned as Static. ... each Azure gateway instance has a unique public IP address.' }],
  },
  (m, emit) => {
    for (const gw of vpnGateways(m)) {
      if (props(gw).activeActive !== true || sku(gw) === 'basic' || isPolicyBased(gw)) continue;
      const ips = gatewayPublicIps(m, gw);
      const distinct = new Set(ips.map((x) => x.pipId?.toLowerCase()).filter(Boolean));
      const problems: string[] = [];
      if (ips.length < 2 || distinct.size < 2) problems.push(`only ${distinct.size} distinct public IP${distinct.size === 1 ? '' : 's'} across ${ips.length} IP configuration${ips.length === 1 ? '' : 's'} (two are required, one per instance)`);
      for (const x of ips) {
        if (!x.pip) continue;
        const pipSku = String(get(x.pip.body, 'sku.name') ?? '');
        const alloc = String(get(x.pip.body, 'properties.publicIPAllocationMethod') ?? '');
        if (pipSku && !eqi(pipSku, 'Standard')) problems.push(`${x.pip.name} is ${pipSku} SKU`);
        if (alloc && !eqi(alloc, 'Static')) problems.push(`${x.pip.name} is ${alloc}`);
      }
      if (problems.length === 0) continue;
      emit(gw.id, {
        reason: `${gw.name} is active-active but ${problems.join('; ')}. Active-active needs two Standard, Static public IPs, one per instance; otherwise the second tunnel cannot be built and a maintenance event on the lone instance drops the site.`,
        evidence: { 'properties.activeActive': true, ipConfigurations: ips.map((x) => ({ name: x.config, publicIPAddress: x.pipId ?? null, sku: x.pip ? get(x.pip.body, 'sku.name') ?? null : null, allocation: x.pip ? get(x.pip.body, 'properties.publicIPAllocationMethod') ?? null : null })) },
        fix: { kind: 'manual', description: 'Give each IP configuration its own Standard, Static public IP (add a second configuration if there is only one)', targetId: gw.id },
      });
    }
  },
);

// https://learn.microsoft.com/azure/vpn-gateway/about-zone-redundant-vnet-gateways: "Zone-redundant gateways and zonal gateways
// both rely on the Azure public IP resource Standard SKU... If you create a public IP resource with a Basic SKU, the gateway
// will not have any zone redundancy, and the gateway resources will be regional." and "When you create a public IP address
// using the Standard public IP SKU and specify the Zone (1, 2, or 3), all the gateway instances will be deployed in the same zone."
export const vpnAzSkuPublicIp = defineRule(
  {
    id: 'vpn-az-sku-public-ip',
    title: 'AZ VPN gateway whose public IP makes it regional or single-zone',
    category: 'vpn',
    severity: 'medium',
    docs: DOCS.vpnZoneRedundant,
    source: [
      { url: DOCS.vpnZoneRedundant, quote: 'If you create a public IP resource with a Basic SKU, the gateway will not have any zone redundancy, and the gateway resources will be regional.' },
      { url: DOCS.vpnZoneRedundant, quote: 'When you create a public IP address using the Standard public IP SKU and specify the Zone (1, 2, or 3), all the gateway instances will be deployed in the same zone.' },
    ],
  },
  (m, emit) => {
    for (const gw of vpnGateways(m)) {
      if (!sku(gw).endsWith('az')) continue;
      for (const x of gatewayPublicIps(m, gw)) {
        if (!x.pip) continue;
        const pipSku = String(get(x.pip.body, 'sku.name') ?? '');
        const zones = get(x.pip.body, 'zones');
        const zoneList = Array.isArray(zones) ? zones.map(String) : [];
        const basic = eqi(pipSku, 'Basic');
        if (!basic && zoneList.length !== 1) continue;
        emit(gw.id, {
          severity: basic ? 'medium' : 'low',
          reason: basic
            ? `${gw.name} is ${skuName(gw)} but its public IP ${x.pip.name} is Basic SKU, so the gateway is deployed regional: you pay for the AZ SKU and get no zone redundancy.`
            : `${gw.name} is ${skuName(gw)} but its public IP ${x.pip.name} is pinned to zone ${zoneList[0]}, so every instance runs in that one zone (zonal, not zone-redundant); a zone outage takes the gateway down.`,
          evidence: { 'properties.sku.name': sku(gw), publicIp: x.pip.id, 'publicIp.sku.name': pipSku || null, 'publicIp.zones': zoneList },
          fix: { kind: 'manual', description: 'Use a Standard public IP without a zone (or with zones 1, 2, 3) so the instances spread across zones', targetId: gw.id },
        });
      }
    }
  },
);

/** Active-active and zone rules for VPN gateways. */
export const VPN_ACTIVE_ACTIVE_RULES = [vpnActiveActiveUnsupported, vpnActiveActivePublicIps, vpnAzSkuPublicIp];
