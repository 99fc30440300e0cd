import { describe, expect, it } from 'vitest';
import { analyzeResiliency } from '../../src/checks/resiliency/analyze.js';
import { metroOf } from '../../src/checks/resiliency/circuits.js';
import { zoneScoreOfSku } from '../../src/checks/resiliency/gateways.js';
import type { ArmResource } from '../../src/inventory/types.js';
import { circuit, circuitId, erConnection, erGateway, gateway, gatewayId, grConnection, hub, localGateway, peering, SUB_A, vpnConnection } from './builders.js';
import { graphOf, hits } from './graph-fixture.js';

const VNET = `/subscriptions/${SUB_A}/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub`;
const vnet: ArmResource = {
  id: VNET, name: 'vnet-hub', type: 'Microsoft.Network/virtualNetworks', location: 'westeurope',
  properties: { provisioningState: 'Succeeded', addressSpace: { addressPrefixes: ['10.0.0.0/16'] }, subnets: [{ id: `${VNET}/subnets/GatewaySubnet`, name: 'GatewaySubnet', properties: { addressPrefix: '10.0.255.0/27' } }] },
};

interface C { name: string; loc: string; provider?: string; weight?: number; props?: Record<string, unknown>; status?: string }

/** A VNet with one ER gateway (SKU `sku`) linked to the given circuits, and optionally a coexisting VPN gateway with one tunnel. */
function estate(circuits: C[], o: { sku?: string; vpn?: boolean; vpnActive?: boolean; extra?: ArmResource[] } = {}): ArmResource[] {
  const gw = gatewayId('vgw-er');
  const out: ArmResource[] = [vnet, gateway('vgw-er', { sku: o.sku ?? 'ErGw1AZ', vnet: 'vnet-hub' })];
  for (const c of circuits) {
    out.push(circuit(c.name, { peeringLocation: c.loc, props: { serviceProviderProperties: { serviceProviderName: c.provider ?? 'Equinix' }, ...(c.props ?? {}) } }));
    out.push(erConnection(`cn-${c.name}`, gw, circuitId(c.name), { props: { routingWeight: c.weight ?? 0, ...(c.status ? { connectionStatus: c.status } : {}) } }));
  }
  if (o.vpn) {
    out.push(gateway('vgw-vpn', { type: 'Vpn', sku: 'VpnGw2AZ', vnet: 'vnet-hub', props: { activeActive: o.vpnActive ?? true } }));
    out.push(localGateway('lgw-dc1'), vpnConnection('cn-s2s-dc1', gatewayId('vgw-vpn'), `/subscriptions/${SUB_A}/resourceGroups/rg-hub/providers/Microsoft.Network/localNetworkGateways/lgw-dc1`));
  }
  return [...out, ...(o.extra ?? [])];
}

const only = (r: ArmResource[]) => analyzeResiliency(graphOf(r)).find((t) => t.name === 'vnet-hub')!;

describe('resiliency analysis of a VNet', () => {
  it.each<[string, C[], { sku?: string; vpn?: boolean }, number, string, string[]]>([
    ['two locations, two metros, two providers, AZ gateway', [{ name: 'c-ams', loc: 'Amsterdam', weight: 100 }, { name: 'c-lon', loc: 'London', provider: 'Colt' }], {}, 100, 'maximum', []],
    ['two sites of one metro', [{ name: 'c-lon', loc: 'London', provider: 'Colt' }, { name: 'c-lon2', loc: 'London2', provider: 'BT' }], {}, 90, 'maximum', ['same-metro']],
    ['two circuits, one location, one provider', [{ name: 'c-a', loc: 'Amsterdam' }, { name: 'c-b', loc: 'Amsterdam' }], {}, 45, 'standard', ['one-peering-location', 'one-provider', 'no-backup']],
    ['one circuit, non-AZ gateway', [{ name: 'c-dub', loc: 'Dublin' }], { sku: 'Standard' }, 10, 'standard', ['one-circuit', 'one-peering-location', 'gateway-not-zone-redundant', 'no-backup']],
    ['one circuit with a VPN backup', [{ name: 'c-dub', loc: 'Dublin' }], { vpn: true }, 40, 'standard', ['one-circuit', 'one-peering-location']],
    ['ExpressRoute Metro circuit', [{ name: 'c-metro', loc: 'Amsterdam Metro' }], {}, 40, 'high', ['one-circuit', 'no-backup']],
    ['UltraPerformance counts 2 of 10 (Resiliency Insights)', [{ name: 'c-ams', loc: 'Amsterdam' }, { name: 'c-lon', loc: 'London', provider: 'Colt' }], { sku: 'UltraPerformance' }, 84, 'maximum', ['gateway-not-zone-redundant']],
    ['second circuit not provisioned is not counted', [{ name: 'c-ams', loc: 'Amsterdam' }, { name: 'c-lon', loc: 'London', props: { serviceProviderProvisioningState: 'NotProvisioned' } }], {}, 30, 'standard', ['one-circuit', 'one-peering-location', 'no-backup']],
    ['second connection NotConnected is not counted', [{ name: 'c-ams', loc: 'Amsterdam' }, { name: 'c-lon', loc: 'London', status: 'NotConnected' }], {}, 30, 'standard', ['one-circuit', 'one-peering-location', 'no-backup']],
  ])('%s', (_l, circuits, o, score, model, spofs) => {
    const t = only(estate(circuits, o));
    expect(t.items.reduce((s, i) => s + i.max, 0)).toBe(100);
    expect({ score: t.score, model: t.model, spofs: t.spofs.map((s) => s.kind) }).toEqual({ score, model, spofs });
  });

  it('names the circuits, locations, providers and the gateway, and every reason cites a source', () => {
    const t = only(estate([{ name: 'c-ams', loc: 'Amsterdam', weight: 100 }, { name: 'c-lon', loc: 'London', provider: 'Colt' }]));
    expect(t.circuits.map((c) => [c.name, c.peeringLocation, c.metro, c.provider])).toEqual([['c-ams', 'Amsterdam', 'amsterdam', 'Equinix'], ['c-lon', 'London', 'london', 'Colt']]);
    expect(t.peeringLocations).toEqual(['Amsterdam', 'London']);
    expect(t.gateways).toMatchObject([{ name: 'vgw-er', sku: 'ErGw1AZ', zoneRedundant: true }]);
    expect(t.backups[0]!.text).toBe('c-lon in London carries the traffic if Amsterdam fails');
    for (const i of t.items) expect(i.sources.length, i.factor).toBeGreaterThan(0);
    expect(t.paths).toHaveLength(2);
  });

  it('counts Global Reach to another location as a partial backup that still leaves the single point named', () => {
    const far = circuit('c-fra', { peeringLocation: 'Frankfurt' });
    const pDub = `${circuitId('c-dub')}/peerings/AzurePrivatePeering`;
    const withGr = circuit('c-dub', { peeringLocation: 'Dublin', peerings: [{ ...peering(circuitId('c-dub')), properties: { ...peering(circuitId('c-dub')).properties, connections: [grConnection(pDub, 'gr-dub-fra', `${circuitId('c-fra')}/peerings/AzurePrivatePeering`)] } }] });
    const r = estate([], { extra: [withGr, far, erConnection('cn-c-dub', gatewayId('vgw-er'), circuitId('c-dub'))] });
    const t = only(r);
    expect(t.backups.map((b) => b.kind)).toEqual(['global-reach']);
    expect(t.items.find((i) => i.factor === 'backup')!.points).toBe(5);
    expect(t.spofs.find((s) => s.kind === 'no-backup')!.text).toContain('Global Reach still runs through it');
  });

  it('judges an unreadable circuit as unknown, never as a single location', () => {
    const stubCircuit = '/subscriptions/33333333-3333-3333-3333-333333333333/resourceGroups/rg-p/providers/Microsoft.Network/expressRouteCircuits/c-partner';
    const r = estate([{ name: 'c-ams', loc: 'Amsterdam' }], { extra: [erConnection('cn-partner', gatewayId('vgw-er'), stubCircuit)] });
    const t = analyzeResiliency(graphOf(r, { forbidden: ['/subscriptions/33333333-3333-3333-3333-333333333333'] })).find((x) => x.name === 'vnet-hub')!;
    expect(t.circuits.find((c) => c.name === 'c-partner')).toMatchObject({ stub: 'no-access', usable: true });
    expect(t.spofs.map((s) => s.kind)).toEqual([]);
    expect(t.items.find((i) => i.factor === 'site')!.reason).toContain('(+1 circuit not readable)');
  });

  it('skips VNets without a gateway and scores a hub with vWAN gateways as zone-redundant', () => {
    const pAms = `${circuitId('c-ams')}/peerings/AzurePrivatePeering`;
    const pLon = `${circuitId('c-lon')}/peerings/AzurePrivatePeering`;
    const r: ArmResource[] = [
      { ...vnet, id: VNET.replace('vnet-hub', 'vnet-spoke'), name: 'vnet-spoke', properties: { subnets: [] } },
      ...hub('hub-weu', { ergw: `/subscriptions/${SUB_A}/resourceGroups/rg-wan/providers/Microsoft.Network/expressRouteGateways/ergw` }),
      erGateway('ergw', 'hub-weu', [{ name: 'ercn-ams', peering: pAms }, { name: 'ercn-lon', peering: pLon }]),
      circuit('c-ams', { peeringLocation: 'Amsterdam' }), circuit('c-lon', { peeringLocation: 'London', props: { serviceProviderProperties: { serviceProviderName: 'Colt' } } }),
    ];
    const all = analyzeResiliency(graphOf(r));
    expect(all.map((t) => [t.kind, t.name, t.score, t.model])).toEqual([['hub', 'hub-weu', 100, 'maximum']]);
    expect(all[0]!.gateways[0]).toMatchObject({ kind: 'expressroute', zoneRedundant: true, sku: 'vWAN 2 SU' });
  });
});

describe('resiliency helpers', () => {
  it.each([['London2', 'london'], ['Washington DC2', 'washington dc'], ['Amsterdam Metro', 'amsterdam'], ['Silicon Valley', 'silicon valley']])('metro of %s is %s', (loc, metro) => {
    expect(metroOf(loc)).toBe(metro);
  });
  it.each<[string, boolean, number | undefined, number]>([
    ['Standard', true, undefined, 0], ['HighPerformance', true, undefined, 0], ['UltraPerformance', true, undefined, 0.2], ['ErGw2AZ', true, undefined, 1],
    ['ErGwScale', true, 2, 0.8], ['ErGwScale', true, 4, 1], ['VpnGw1', false, undefined, 0], ['VpnGw1AZ', false, undefined, 1], ['Basic', false, undefined, 0],
  ])('zone score of %s', (sku, er, su, score) => {
    expect(zoneScoreOfSku(sku, er, su)).toBe(score);
  });
});

describe('resiliency- rules', () => {
  const twoSites = (a: string, b: string, provB = 'Colt') => estate([{ name: 'c-1', loc: a }, { name: 'c-2', loc: b, provider: provB }]);
  it.each<[string, ArmResource[], number]>([
    ['London + London2', twoSites('London', 'London2'), 1],
    ['Amsterdam + London', twoSites('Amsterdam', 'London'), 0],
    ['one location (single-peering-location says it)', twoSites('London', 'London'), 0],
  ])('resiliency-circuits-same-metro: %s', (_l, r, n) => {
    const f = hits('resiliency-circuits-same-metro', r);
    expect(f).toHaveLength(n);
    if (n) {
      expect(f[0]).toMatchObject({ resourceId: VNET, evidence: { peeringLocations: ['London', 'London2'], metro: 'london' } });
      expect(f[0]!.reason).toContain('but all in the London metro');
    }
  });

  it.each<[string, ArmResource[], number]>([
    ['two circuits, one provider', twoSites('Amsterdam', 'London', 'Equinix'), 1],
    ['two providers', twoSites('Amsterdam', 'London', 'Colt'), 0],
    ['one circuit (single-circuit-on-gateway says it)', estate([{ name: 'c-1', loc: 'Amsterdam' }]), 0],
  ])('resiliency-single-provider: %s', (_l, r, n) => {
    expect(hits('resiliency-single-provider', r)).toHaveLength(n);
  });

  it.each<[string, ArmResource[], number]>([
    ['one location, no VPN', estate([{ name: 'c-1', loc: 'Dublin' }]), 1],
    ['one location with a VPN tunnel', estate([{ name: 'c-1', loc: 'Dublin' }], { vpn: true }), 0],
    ['two locations', twoSites('Amsterdam', 'London'), 0],
    ['no ExpressRoute at all', [vnet, gateway('vgw-vpn', { type: 'Vpn', sku: 'VpnGw1AZ', vnet: 'vnet-hub' })], 0],
  ])('resiliency-no-backup-path: %s', (_l, r, n) => {
    const f = hits('resiliency-no-backup-path', r);
    expect(f).toHaveLength(n);
    if (n) expect(f[0]).toMatchObject({ severity: 'low', resourceId: VNET, evidence: { model: 'standard', peeringLocations: ['Dublin'] } });
  });

  it.each<[string, ArmResource[], number]>([
    ['VpnGw2AZ active-standby', estate([], { vpn: true, vpnActive: false }), 1],
    ['VpnGw2AZ active-active', estate([], { vpn: true, vpnActive: true }), 0],
    ['Basic (gateway-basic-sku says it)', [vnet, gateway('vgw-b', { type: 'Vpn', sku: 'Basic', vnet: 'vnet-hub', props: { activeActive: false } })], 0],
    ['ExpressRoute gateway', [vnet, gateway('vgw-e', { vnet: 'vnet-hub', props: { activeActive: false } })], 0],
  ])('resiliency-vpn-active-standby: %s', (_l, r, n) => {
    expect(hits('resiliency-vpn-active-standby', r)).toHaveLength(n);
  });
});

describe('spoke VNets (gateway transit)', () => {
  const spoke = (state: string, useRemote: boolean): ArmResource => ({
    id: VNET.replace('vnet-hub', 'vnet-spoke'), name: 'vnet-spoke', type: 'Microsoft.Network/virtualNetworks', location: 'westeurope',
    properties: { subnets: [], virtualNetworkPeerings: [{ id: `${VNET.replace('vnet-hub', 'vnet-spoke')}/virtualNetworkPeerings/to-hub`, name: 'to-hub', properties: { peeringState: state, useRemoteGateways: useRemote, remoteVirtualNetwork: { id: VNET } } }] },
  });
  it.each<[string, string, boolean, boolean]>([
    ['Connected peering with useRemoteGateways', 'Connected', true, true],
    ['Disconnected peering', 'Disconnected', true, false],
    ['peering without gateway transit', 'Connected', false, false],
  ])('%s', (_l, state, useRemote, inherits) => {
    const r = estate([{ name: 'c-dub', loc: 'Dublin' }], { extra: [spoke(state, useRemote)] });
    const all = analyzeResiliency(graphOf(r));
    const s = all.find((t) => t.name === 'vnet-spoke');
    expect(Boolean(s)).toBe(inherits);
    if (s) expect({ via: s.via, score: s.score, spofs: s.spofs.length }).toEqual({ via: VNET, score: only(r).score, spofs: only(r).spofs.length });
    // The rules judge the VNet that owns the gateways, once.
    expect(hits('resiliency-no-backup-path', r).map((f) => f.resourceId)).toEqual([VNET]);
  });
});
