import { describe, expect, it } from 'vitest';
import type { ArmResource, Inventory } from '../../src/inventory/types.js';
import { buildGraph } from '../../src/topology/graph.js';
import { markPreferred, servicePaths } from '../../src/topology/service-paths.js';
import { CIRCUIT, CIRCUIT2, ER_CONN, ER_CONN2, fixtureInventory, GW, VNET } from './fixture-inventory.js';

const inv = fixtureInventory();

function withWeights(i: Inventory, w1: number, w2: number): Inventory {
  const resources = i.resources.map((r): ArmResource => {
    if (r.id === ER_CONN) return { ...r, properties: { ...r.properties, routingWeight: w1 } };
    if (r.id === ER_CONN2) return { ...r, properties: { ...r.properties, routingWeight: w2 } };
    return r;
  });
  return { ...i, resources };
}

describe('servicePaths', () => {
  it('finds ER and VPN paths from a VNet through its gateway and marks the highest ER weight preferred', () => {
    const paths = servicePaths(buildGraph(inv), VNET);
    const er = paths.filter((p) => p.kind === 'expressroute');
    expect(er.map((p) => [p.connectionId, p.circuitId, p.peeringLocation, p.routingWeight, p.preferred])).toEqual(
      expect.arrayContaining([
        [ER_CONN, CIRCUIT, 'Amsterdam', 10, true],
        [ER_CONN2, CIRCUIT2, 'London', 5, false],
      ]),
    );
    expect(er.every((p) => p.gatewayId === GW)).toBe(true);
    expect(er.find((p) => p.connectionId === ER_CONN)!.peeringId).toBe(`${CIRCUIT}/peerings/AzurePrivatePeering`);
    const vpn = paths.filter((p) => p.kind === 'vpn');
    expect(vpn.length).toBe(2); // S2S to the local gateway and VNet-to-VNet
    expect(vpn.every((p) => !p.preferred)).toBe(true);
    expect(vpn.find((p) => p.connectionId.endsWith('connS2S'))!.peeringLocation).toBe('localgw');
  });

  it('prefers every ER path on a weight tie', () => {
    const paths = servicePaths(buildGraph(withWeights(inv, 7, 7)), VNET).filter((p) => p.kind === 'expressroute');
    expect(paths.map((p) => p.preferred)).toEqual([true, true]);
  });

  it('prefers VPN only when there is no ER path', () => {
    const marked = markPreferred([
      { kind: 'vpn', gatewayId: 'g', connectionId: 'a', peeringLocation: 's', routingWeight: 1, status: 'Connected', preferred: false },
      { kind: 'vpn', gatewayId: 'g', connectionId: 'b', peeringLocation: 's', routingWeight: 3, status: 'Connected', preferred: false },
    ]);
    expect(marked.map((p) => p.preferred)).toEqual([false, true]);
  });

  it('finds hub paths through the ER gateway to the circuit peering', () => {
    const hub = inv.resources.find((r) => r.type === 'Microsoft.Network/virtualHubs')!;
    const paths = servicePaths(buildGraph(inv), hub.id);
    const er = paths.find((p) => p.kind === 'expressroute')!;
    expect(er).toMatchObject({ circuitId: CIRCUIT, peeringId: `${CIRCUIT}/peerings/AzurePrivatePeering`, peeringLocation: 'Amsterdam', routingWeight: 1, preferred: true });
    expect(paths.some((p) => p.kind === 'vpn' && p.peeringLocation === 'vpnSite1' && !p.preferred)).toBe(true);
  });

  it('returns nothing for unknown ids', () => {
    expect(servicePaths(buildGraph(inv), '/subscriptions/x/resourceGroups/y/providers/Microsoft.Network/virtualNetworks/z')).toEqual([]);
  });
});
