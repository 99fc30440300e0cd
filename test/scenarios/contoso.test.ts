import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeId, parseArmId } from '../../src/arm/arm-id.js';
import { RT } from '../../src/arm/resource-types.js';
import { scenarioPath } from '../../src/emulator/scenarios/index.js';
import type { Scenario, ScenarioResource } from '../../src/emulator/scenarios/scenario-types.js';
import { danglingRefs, forbiddenRefs, indexIds, ofType, structuralProblems } from './scenario-checks.js';
import { violations } from './invariants.js';

const AGREED_RULES = `gateway-type-mismatch gateway-basic-sku gateway-circuit-limit gateway-fastpath-unsupported gateway-not-zone-redundant
rbac-missing-permission auth-key-missing-cross-subscription auth-key-unmatched auth-orphaned-in-use auth-limit weight-out-of-range
resiliency-no-backup-path weight-active-active-mismatch weight-backup-equal connection-not-listed-on-peering peering-lists-unknown-connection circuit-not-provisioned
circuit-provisioning-disabled peering-disabled provisioning-failed peering-asn-reserved peering-prefix-invalid peering-prefix-overlap
peering-vlan-duplicate peering-md5-invalid ms-peering-no-route-filter ms-peering-prefix-validation global-reach-prefix-invalid
global-reach-prefix-overlap global-reach-local-sku global-reach-geopolitical single-peering-location single-circuit-on-gateway
connection-not-connected vpn-weak-ipsec vpn-gcm-mismatch vpn-dpd-out-of-range vpn-sa-lifetime-low vpn-shared-key-weak vpn-bgp-one-sided
vpn-apipa-out-of-range vpn-asn-reserved vwan-route-table-missing vwan-hub-no-er-gateway vwan-hub-circuit-limit reference-missing
reference-no-access`.split(/\s+/);

const S1 = '11111111-1111-1111-1111-111111111111';
const S2 = '22222222-2222-2222-2222-222222222222';
const S3 = '33333333-3333-3333-3333-333333333333';
const s = JSON.parse(readFileSync(scenarioPath('contoso'), 'utf8')) as Scenario;
const ids = indexIds(s);
const p = (r: ScenarioResource | undefined) => (r?.properties ?? {}) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const byName = (type: string, name: string) => ofType(s, type).find((r) => r.name === name)!;

describe('contoso.json shape', () => {
  it('has the scenario file shape the emulator loads', () => {
    expect(Object.keys(s).sort()).toEqual(['description', 'diagnostics', 'forbidden', 'name', 'permissions', 'plantedFaults', 'resources', 'subscriptions', 'tenantId', 'timeline']);
    expect(s.name).toBe('contoso');
    expect(s.tenantId).toBe('aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa');
    expect(s.subscriptions.map((x) => `${x.subscriptionId}=${x.displayName}`)).toEqual([`${S1}=connectivity-hub`, `${S2}=prod-spokes`, `${S3}=partner`]);
    expect(s.forbidden).toEqual([`/subscriptions/${S3}`]);
  });

  it('has well-formed ids, matching types, children under their parents, etags, provisioningState and no duplicates', () => {
    expect(structuralProblems(s)).toEqual([]);
    expect(ids.size).toBeGreaterThan(130);
  });

  it('resolves every reference inside the file except the planted dangling ones and the forbidden subscription', () => {
    const dangling = danglingRefs(s).map((r) => `${parseArmId(r.from).name} -> ${parseArmId(r.to).name}`);
    expect([...new Set(dangling)].sort()).toEqual(['auth-dev-weu -> cn-dev-weu-er-ams', 'ercn-er-ams-old -> AzurePrivatePeering', 'vpncn-site-manchester -> rt-branches']);
    expect(forbiddenRefs(s).map((r) => parseArmId(r.from).name)).toEqual(['cn-partner-weu-er-fra']);
  });
});

describe('contoso.json planted faults', () => {
  it('uses agreed rule ids only, at least 25 distinct, each on a resource present in the file', () => {
    const rules = new Set(s.plantedFaults.map((f) => f.ruleId));
    expect([...rules].filter((r) => !AGREED_RULES.includes(r))).toEqual([]);
    expect(rules.size).toBeGreaterThanOrEqual(25);
    for (const f of s.plantedFaults) {
      expect(ids.has(normalizeId(f.resourceId)), f.resourceId).toBe(true);
      expect(f.note.length).toBeGreaterThan(20);
    }
  });

  it('lists every planted fault in the human description as a bullet', () => {
    const bullets = s.description.split('\n').filter((l) => l.startsWith('- '));
    expect(bullets).toHaveLength(s.plantedFaults.length);
    for (const f of s.plantedFaults) expect(s.description).toContain(`- ${f.ruleId}: `);
  });

  it('puts reference faults on the referencing resources', () => {
    const from = (rule: string) => s.plantedFaults.filter((f) => f.ruleId === rule).map((f) => normalizeId(f.resourceId));
    const danglingFrom = new Set(danglingRefs(s).map((r) => normalizeId(r.from)));
    for (const id of from('reference-missing')) expect(danglingFrom.has(id), id).toBe(true);
    expect(from('reference-no-access')).toEqual(forbiddenRefs(s).map((r) => normalizeId(r.from)));
  });

  it('makes the planted faults visible in the data (an independent rule sketch finds them)', () => {
    const found = new Set(violations(s));
    const checkable = new Set(violations(s).map((v) => v.split(':')[0]));
    const missing = s.plantedFaults
      .filter((f) => checkable.has(f.ruleId) && !['rbac-missing-permission', 'gateway-not-zone-redundant', 'global-reach-prefix-overlap', 'peering-vlan-duplicate'].includes(f.ruleId))
      .filter((f) => !found.has(`${f.ruleId}: ${f.resourceId}`));
    expect(missing).toEqual([]);
    expect(checkable.size).toBeGreaterThanOrEqual(25);
  });
});

describe('contoso.json required content', () => {
  it('has circuits in Amsterdam, London and more, one NotProvisioned, each provisioned one with private peering', () => {
    const circuits = ofType(s, RT.circuit);
    const locs = new Set(circuits.map((c) => p(c).serviceProviderProperties.peeringLocation));
    expect(locs).toEqual(new Set(['Amsterdam', 'Amsterdam2', 'London', 'London2', 'Dublin', 'Frankfurt']));
    expect(circuits.filter((c) => p(c).serviceProviderProvisioningState === 'NotProvisioned').map((c) => c.name)).toEqual(['er-ams-expansion']);
    for (const c of circuits.filter((x) => p(x).serviceProviderProvisioningState === 'Provisioned')) {
      expect(p(c).peerings.map((x: ScenarioResource) => x.name), c.name).toContain('AzurePrivatePeering');
    }
    const ms = ofType(s, RT.peering).filter((x) => p(x).peeringType === 'MicrosoftPeering');
    expect(ms.filter((x) => p(x).routeFilter).length).toBeGreaterThanOrEqual(1);
    expect(ms.filter((x) => !p(x).routeFilter).length).toBeGreaterThanOrEqual(1);
  });

  it('has Available and InUse authorizations and a cross-subscription connection whose key matches an InUse one', () => {
    const auths = ofType(s, RT.authorization);
    expect(new Set(auths.map((a) => p(a).authorizationUseStatus))).toEqual(new Set(['Available', 'InUse']));
    const cn = byName(RT.connection, 'cn-prod-weu-er-ams');
    expect(parseArmId(cn.id).subscriptionId).toBe(S2);
    expect(parseArmId(p(cn).peer.id).subscriptionId).toBe(S1);
    const auth = auths.find((a) => p(a).authorizationKey === p(cn).authorizationKey)!;
    expect(p(auth).authorizationUseStatus).toBe('InUse');
    expect(normalizeId(p(auth).connectionResourceUri)).toBe(normalizeId(cn.id));
  });

  it('has Global Reach mirrored as peerConnections on the other circuit', () => {
    const gr = byName(RT.circuitConnection, 'gr-ams-lon');
    const mirror = byName(RT.peerConnection, 'gr-ams-lon');
    expect(normalizeId(p(mirror).peerExpressRouteCircuitPeering.id)).toBe(normalizeId(p(gr).expressRouteCircuitPeering.id));
    expect(normalizeId(p(gr).peerExpressRouteCircuitPeering.id)).toBe(normalizeId(p(mirror).expressRouteCircuitPeering.id));
  });

  it('has ER gateways of several SKUs, a Vpn gateway with an IPsec tunnel, equal and unequal weights', () => {
    const skus = new Set(ofType(s, RT.vnetGateway).map((g) => `${p(g).gatewayType}:${p(g).sku.name}`));
    for (const k of ['ExpressRoute:ErGw1AZ', 'ExpressRoute:Standard', 'ExpressRoute:ErGw3AZ', 'ExpressRoute:UltraPerformance', 'Vpn:VpnGw2AZ', 'Vpn:Basic']) expect(skus).toContain(k);
    const ipsec = ofType(s, RT.connection).filter((c) => p(c).connectionType === 'IPsec');
    expect(ipsec.every((c) => ids.has(normalizeId(p(c).localNetworkGateway2.id)))).toBe(true);
    const weights = (gw: string) => ofType(s, RT.connection).filter((c) => p(c).virtualNetworkGateway1.id.endsWith(gw)).map((c) => p(c).routingWeight);
    expect(weights('vgw-er-prod-weu').sort()).toEqual([100, 90].sort());
    expect(weights('vgw-er-hub-weu').filter((w: number) => w === 100)).toHaveLength(2);
    for (const c of ofType(s, RT.connection)) expect(Object.keys(p(c))).toEqual(expect.arrayContaining(['connectionStatus', 'ingressBytesTransferred', 'egressBytesTransferred']));
  });

  it('has a Virtual WAN with two hubs, route tables, ER and VPN gateways with embedded connections', () => {
    const hubs = ofType(s, RT.hub);
    expect(hubs).toHaveLength(2);
    for (const h of hubs) expect(ids.has(normalizeId(`${h.id}/hubRouteTables/defaultRouteTable`))).toBe(true);
    const ercn = ofType(s, RT.erConnection);
    expect(ercn.length).toBeGreaterThanOrEqual(2);
    for (const c of ercn) expect(p(c).routingConfiguration.associatedRouteTable.id).toMatch(/hubRouteTables/);
    const berlin = byName(RT.vpnConnection, 'vpncn-site-berlin');
    expect(p(berlin).ipsecPolicies[0]).toMatchObject({ ipsecEncryption: 'DES', ipsecIntegrity: 'MD5', dhGroup: 'DHGroup1' });
    expect(ofType(s, RT.vpnLinkConnection).length).toBeGreaterThanOrEqual(4);
    expect(ofType(s, RT.vpnSiteLink).length).toBeGreaterThanOrEqual(4);
  });
});

describe('contoso.json diagnostics, timeline, permissions', () => {
  it('keys diagnostics by resources in the file and covers every private peering and ER gateway', () => {
    for (const k of Object.keys(s.diagnostics)) expect(ids.has(normalizeId(k)), k).toBe(true);
    const privates = ofType(s, RT.peering).filter((x) => p(x).peeringType === 'AzurePrivatePeering' && parseArmId(x.id).subscriptionId !== S3);
    for (const pe of privates) expect(Object.keys(s.diagnostics[pe.id] ?? {}).sort(), pe.id).toEqual(['arpTable', 'routesTable', 'routesTableSummary', 'stats']);
    for (const g of ofType(s, RT.vnetGateway).filter((x) => p(x).gatewayType === 'ExpressRoute')) {
      expect(Object.keys(s.diagnostics[g.id] ?? {}).sort(), g.id).toEqual(['advertisedRoutes', 'bgpPeers', 'learnedRoutes']);
    }
  });

  it('has one peering with an empty secondary ARP table and a neighbor stuck in Active', () => {
    const d = Object.values(s.diagnostics);
    expect(d.some((x) => x.arpTable && x.arpTable.primary.length > 0 && x.arpTable.secondary.length === 0)).toBe(true);
    expect(d.some((x) => x.routesTableSummary?.secondary.some((r) => r.statePfxRcd === 'Active'))).toBe(true);
    const row = d.find((x) => x.arpTable?.primary.length)!.arpTable!.primary[0]!;
    expect(Object.keys(row).sort()).toEqual(['age', 'interface', 'ipAddress', 'macAddress']);
  });

  it('drops a connection at 60 s and restores it at 120 s', () => {
    expect(s.timeline.map((t) => [t.atSeconds, t.patch.properties?.connectionStatus])).toEqual([[60, 'NotConnected'], [120, 'Connected']]);
    expect(ids.has(normalizeId(s.timeline[0]!.patch.id))).toBe(true);
  });

  it('grants * on connectivity-hub and withholds gateway join on one prod-spokes resource group', () => {
    expect(s.permissions).toContainEqual({ scope: `/subscriptions/${S1}`, actions: ['*'], notActions: [] });
    const neu = s.permissions.find((x) => x.scope.endsWith('/rg-prod-neu'))!;
    expect(neu.notActions).toContain('Microsoft.Network/virtualNetworkGateways/join/action');
  });
});
