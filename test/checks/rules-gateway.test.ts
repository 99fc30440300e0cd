import { describe, expect, it } from 'vitest';
import type { ArmResource } from '../../src/inventory/types.js';
import { circuit, circuitId, erConnection, gateway, gatewayId, localGateway, vpnConnection } from './builders.js';
import { hits } from './graph-fixture.js';

const GW = gatewayId('gw-er');
const C1 = circuitId('c1');

/** n circuits in distinct (or one) peering locations, each connected to gw-er. */
function linked(n: number, gwOpts: Parameters<typeof gateway>[1], sameLocation = false): ArmResource[] {
  const out: ArmResource[] = [gateway('gw-er', gwOpts)];
  for (let i = 0; i < n; i++) {
    out.push(circuit(`c${i}`, { peeringLocation: sameLocation ? 'Amsterdam' : `Loc${i}` }));
    out.push(erConnection(`conn${i}`, GW, circuitId(`c${i}`)));
  }
  return out;
}

describe('gateway-type-mismatch', () => {
  it.each<[string, ArmResource[], number]>([
    ['ER connection on a Vpn gateway', [gateway('gw-er', { type: 'Vpn', sku: 'VpnGw1AZ' }), circuit('c1'), erConnection('conn', GW, C1)], 1],
    ['ER connection on an ExpressRoute gateway', [gateway('gw-er'), circuit('c1'), erConnection('conn', GW, C1)], 0],
    ['IPsec connection on an ExpressRoute gateway', [gateway('gw-er'), localGateway('lng'), vpnConnection('vpn', GW, localGateway('lng').id)], 1],
    ['IPsec connection on a Vpn gateway', [gateway('gw-er', { type: 'Vpn', sku: 'VpnGw1AZ' }), localGateway('lng'), vpnConnection('vpn', GW, localGateway('lng').id)], 0],
  ])('%s', (_label, resources, count) => {
    const f = hits('gateway-type-mismatch', resources);
    expect(f).toHaveLength(count);
    if (count) expect(f[0]!.evidence['gateway.properties.gatewayType']).toMatch(/Vpn|ExpressRoute/);
  });
});

describe('gateway-basic-sku', () => {
  it.each<[string, string, number]>([
    ['Basic', 'Basic', 1],
    ['VpnGw1AZ', 'VpnGw1AZ', 0],
    ['ErGw1AZ', 'ErGw1AZ', 0],
  ])('%s', (_l, sku, count) => {
    expect(hits('gateway-basic-sku', [gateway('gw-er', { type: sku.startsWith('Er') ? 'ExpressRoute' : 'Vpn', sku })])).toHaveLength(count);
  });
});

describe('gateway-circuit-limit', () => {
  it.each<[string, ArmResource[], number]>([
    ['5 circuits on ErGw1AZ (limit 4)', linked(5, { sku: 'ErGw1AZ' }), 1],
    ['4 circuits on ErGw1AZ', linked(4, { sku: 'ErGw1AZ' }), 0],
    ['5 circuits on Standard (limit 4)', linked(5, { sku: 'Standard' }), 1],
    ['8 circuits on HighPerformance', linked(8, { sku: 'HighPerformance' }), 0],
    ['9 circuits on ErGw2AZ (limit 8)', linked(9, { sku: 'ErGw2AZ' }), 1],
    ['9 circuits on ErGwScale min 2 SU (limit 8)', linked(9, { sku: 'ErGwScale', props: { autoScaleConfiguration: { bounds: { min: 2, max: 10 } } } }), 1],
    ['9 circuits on ErGwScale min 10 SU (limit 16)', linked(9, { sku: 'ErGwScale', props: { autoScaleConfiguration: { bounds: { min: 10, max: 20 } } } }), 0],
    ['5 circuits from one peering location on ErGw3AZ', linked(5, { sku: 'ErGw3AZ' }, true), 1],
  ])('%s', (_l, resources, count) => {
    const f = hits('gateway-circuit-limit', resources);
    expect(f).toHaveLength(count);
    if (count) expect(f[0]!.resourceId).toBe(GW);
  });
});

describe('gateway-fastpath-unsupported', () => {
  const fp = { props: { expressRouteGatewayBypass: true } };
  it.each<[string, ArmResource[], number]>([
    ['FastPath on ErGw1AZ', [gateway('gw-er', { sku: 'ErGw1AZ' }), circuit('c1'), erConnection('conn', GW, C1, fp)], 1],
    ['Private Link FastPath on Standard', [gateway('gw-er', { sku: 'Standard' }), circuit('c1'), erConnection('conn', GW, C1, { props: { enablePrivateLinkFastPath: true } })], 1],
    ['FastPath on ErGw3AZ', [gateway('gw-er', { sku: 'ErGw3AZ' }), circuit('c1'), erConnection('conn', GW, C1, fp)], 0],
    ['FastPath on UltraPerformance', [gateway('gw-er', { sku: 'UltraPerformance' }), circuit('c1'), erConnection('conn', GW, C1, fp)], 0],
    ['FastPath on ErGwScale 4 SU', [gateway('gw-er', { sku: 'ErGwScale', props: { autoScaleConfiguration: { bounds: { min: 4 } } } }), circuit('c1'), erConnection('conn', GW, C1, fp)], 1],
    ['FastPath on ErGwScale 10 SU', [gateway('gw-er', { sku: 'ErGwScale', props: { autoScaleConfiguration: { bounds: { min: 10 } } } }), circuit('c1'), erConnection('conn', GW, C1, fp)], 0],
    ['FastPath off on ErGw1AZ', [gateway('gw-er', { sku: 'ErGw1AZ' }), circuit('c1'), erConnection('conn', GW, C1)], 0],
  ])('%s', (_l, resources, count) => {
    const f = hits('gateway-fastpath-unsupported', resources);
    expect(f).toHaveLength(count);
    if (count) expect(f[0]!.fix).toMatchObject({ kind: 'set-property', patch: { expressRouteGatewayBypass: false } });
  });
});

describe('gateway-not-zone-redundant', () => {
  it.each<[string, string, string, number]>([
    ['Standard ER', 'ExpressRoute', 'Standard', 1],
    ['UltraPerformance ER', 'ExpressRoute', 'UltraPerformance', 1],
    ['ErGw2AZ', 'ExpressRoute', 'ErGw2AZ', 0],
    ['ErGwScale', 'ExpressRoute', 'ErGwScale', 0],
    ['VpnGw2 (non-AZ)', 'Vpn', 'VpnGw2', 1],
    ['VpnGw2AZ', 'Vpn', 'VpnGw2AZ', 0],
  ])('%s', (_l, type, sku, count) => {
    const f = hits('gateway-not-zone-redundant', [gateway('gw-er', { type, sku })]);
    expect(f).toHaveLength(count);
    if (count) expect(f[0]!.severity).toBe('info');
  });
});
