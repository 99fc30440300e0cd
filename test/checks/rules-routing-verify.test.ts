import { describe, expect, it } from 'vitest';
import type { ArmResource } from '../../src/inventory/types.js';
import { circuit, circuitId, erConnection, erGateway, gateway, gatewayId, grConnection, hub, peering, SUB_A } from './builders.js';
import { hits } from './graph-fixture.js';

const GW = gatewayId('gw-er');
type C = { loc: string; mbps: number; tier?: string; weight: number };

function pair(a: C, b: C): ArmResource[] {
  return [
    gateway('gw-er'),
    circuit('ca', { peeringLocation: a.loc, mbps: a.mbps, tier: a.tier }),
    circuit('cb', { peeringLocation: b.loc, mbps: b.mbps, tier: b.tier }),
    erConnection('conn-a', GW, circuitId('ca'), { props: { routingWeight: a.weight } }),
    erConnection('conn-b', GW, circuitId('cb'), { props: { routingWeight: b.weight } }),
  ];
}

describe('weight-out-of-range', () => {
  it.each<[string, unknown, number]>([
    ['40000', 40000, 1],
    ['-1', -1, 1],
    ['32000', 32000, 0],
    ['0', 0, 0],
  ])('routingWeight %s', (_l, w, count) => {
    const f = hits('weight-out-of-range', [gateway('gw-er'), circuit('c1'), erConnection('conn', GW, circuitId('c1'), { props: { routingWeight: w } })]);
    expect(f).toHaveLength(count);
    if (count) expect(f[0]!.evidence['properties.routingWeight']).toBe(w);
  });

  it('checks vWAN ExpressRoute connections too', () => {
    const f = hits('weight-out-of-range', [...hub('hub1'), circuit('c1'), erGateway('hub1-ergw', 'hub1', [{ name: 'erc', peering: `${circuitId('c1')}/peerings/AzurePrivatePeering`, props: { routingWeight: 50000 } }])]);
    expect(f).toHaveLength(1);
    expect(f[0]!.fix).toMatchObject({ kind: 'set-property', patch: { routingWeight: 32000 } });
  });
});

describe('weight-active-active-mismatch', () => {
  it.each<[string, ArmResource[], number]>([
    ['twins in two locations, 100 vs 0', pair({ loc: 'Amsterdam', mbps: 1000, weight: 100 }, { loc: 'London', mbps: 1000, weight: 0 }), 1],
    ['twins in two locations, equal weights', pair({ loc: 'Amsterdam', mbps: 1000, weight: 10 }, { loc: 'London', mbps: 1000, weight: 10 }), 0],
    ['different bandwidth, different weights (primary/backup)', pair({ loc: 'Amsterdam', mbps: 10000, weight: 100 }, { loc: 'London', mbps: 1000, weight: 0 }), 0],
    ['same location, different weights', pair({ loc: 'Amsterdam', mbps: 1000, weight: 100 }, { loc: 'Amsterdam', mbps: 1000, weight: 0 }), 0],
    ['different SKU tier', pair({ loc: 'Amsterdam', mbps: 1000, weight: 100, tier: 'Premium' }, { loc: 'London', mbps: 1000, weight: 0 }), 0],
  ])('%s', (_l, resources, count) => {
    const f = hits('weight-active-active-mismatch', resources);
    expect(f).toHaveLength(count);
    if (count) {
      expect(f[0]!.resourceId).toBe(GW);
      expect(f[0]!.severity).toBe('low');
      expect(f[0]!.fix).toMatchObject({ targetId: erConnection('conn-b', GW, circuitId('cb')).id, patch: { routingWeight: 100 } });
      expect(f[0]!.evidence.preferredPath).toMatchObject({ routingWeight: 100, via: [{ circuit: circuitId('ca') }] });
    }
  });
});

describe('role tags declare intent', () => {
  const tagged = (ra: string, wa: number, rb: string, wb: number) => {
    const r = pair({ loc: 'Amsterdam', mbps: 1000, weight: wa }, { loc: 'London', mbps: 1000, weight: wb });
    r[3]!.tags = { role: ra };
    r[4]!.tags = { Role: rb };
    return r;
  };
  it.each<[string, ArmResource[], Record<string, string[]>]>([
    ['primary/backup both 100', tagged('primary', 100, 'backup', 100), { 'weight-backup-equal': ['medium'], 'weight-active-active-mismatch': [] }],
    ['backup above primary', tagged('primary', 10, 'backup', 20), { 'weight-backup-equal': ['medium'] }],
    ['primary 100, backup 0 (twins, but intent declared)', tagged('primary', 100, 'backup', 0), { 'weight-backup-equal': [], 'weight-active-active-mismatch': [] }],
    ['active-active 100 vs 90', tagged('active-active', 100, 'active-active', 90), { 'weight-active-active-mismatch': ['medium'] }],
    ['active-active equal', tagged('active-active', 100, 'active-active', 100), { 'weight-active-active-mismatch': [] }],
  ])('%s', (_l, resources, expected) => {
    for (const [rule, sev] of Object.entries(expected)) expect(hits(rule, resources).map((f) => f.severity), rule).toEqual(sev);
  });

  it('reports the tagged backup connection itself', () => {
    const [f] = hits('weight-backup-equal', tagged('primary', 100, 'backup', 100));
    expect(f!.resourceId).toBe(erConnection('conn-b', GW, circuitId('cb')).id);
    expect(f!.fix).toMatchObject({ targetId: f!.resourceId, patch: { routingWeight: 0 } });
  });
});

describe('weight-backup-equal', () => {
  it.each<[string, ArmResource[], number]>([
    ['10G and 1G with equal weights (hint only)', pair({ loc: 'Amsterdam', mbps: 10000, weight: 0 }, { loc: 'London', mbps: 1000, weight: 0 }), 1],
    ['10G preferred over 1G', pair({ loc: 'Amsterdam', mbps: 10000, weight: 100 }, { loc: 'London', mbps: 1000, weight: 0 }), 0],
    ['twins with equal weights', pair({ loc: 'Amsterdam', mbps: 1000, weight: 0 }, { loc: 'London', mbps: 1000, weight: 0 }), 0],
  ])('%s', (_l, resources, count) => {
    const f = hits('weight-backup-equal', resources);
    expect(f).toHaveLength(count);
    if (count) expect(f[0]).toMatchObject({ severity: 'info', resourceId: erConnection('conn-b', GW, circuitId('cb')).id, evidence: { preferredPath: { mode: 'ECMP across equal weights' } } });
  });
});

describe('connection-not-listed-on-peering / peering-lists-unknown-connection', () => {
  const CA = circuitId('ca');
  const CB = circuitId('cb');
  const PA = `${CA}/peerings/AzurePrivatePeering`;
  const PB = `${CB}/peerings/AzurePrivatePeering`;
  const gr = grConnection(PA, 'gr-ab', PB);
  const peerView = (from: string, name = 'gr-ab') => ({ id: `${PB}/peerConnections/${name}`, name, properties: { expressRouteCircuitPeering: { id: PB }, peerExpressRouteCircuitPeering: { id: from }, connectionName: name } });
  const build = (aConnections: ArmResource[], bPeered: unknown[] | undefined) => [
    circuit('ca', { peerings: [peering(CA, { props: { connections: aConnections } })] }),
    circuit('cb', { peeringLocation: 'London', peerings: [peering(CB, { props: { vlanId: 200, ...(bPeered ? { peeredConnections: bPeered } : {}) } })] }),
  ];
  it.each<[string, ArmResource[], number, number]>([
    ['both sides consistent', build([gr], [peerView(PA)]), 0, 0],
    ['peer side has no peer connection', build([gr], []), 1, 0],
    ['peer side does not expose peeredConnections', build([gr], undefined), 0, 0],
    ['peer side lists a link nobody created', build([], [peerView(PA, 'ghost')]), 0, 1],
  ])('%s', (_l, resources, forward, reverse) => {
    expect(hits('connection-not-listed-on-peering', resources)).toHaveLength(forward);
    const r = hits('peering-lists-unknown-connection', resources);
    expect(r).toHaveLength(reverse);
    if (reverse) expect(r[0]!.resourceId).toBe(PB);
  });

  it('flags a peering naming a vWAN connection its gateway does not have', () => {
    const ergw = erGateway('hub1-ergw', 'hub1', []);
    const resources = [...hub('hub1'), ergw, circuit('ca', { peerings: [peering(CA, { props: { expressRouteConnection: { id: `${ergw.id}/expressRouteConnections/gone` } } })] })];
    const r = hits('peering-lists-unknown-connection', resources);
    expect(r.map((x) => x.resourceId)).toEqual([PA]);
    expect(hits('reference-missing', resources)).toHaveLength(0);
  });

  it('does not flag VNet gateway connections (ARM lists none on the circuit)', () => {
    const resources = [gateway('gw-er'), circuit('ca', { peerings: [peering(CA)] }), erConnection('c', GW, CA)];
    expect(hits('connection-not-listed-on-peering', resources)).toHaveLength(0);
    expect(SUB_A).toBeTruthy();
  });
});
