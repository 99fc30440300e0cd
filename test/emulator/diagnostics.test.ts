import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArmConnection } from '../../src/arm/clients.js';
import { lroOptions, rawGet } from '../../src/arm/raw.js';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { S1, S2, rejection, startSmall } from './helpers.js';

let emu: RunningEmulator;
let conn: ArmConnection;
beforeAll(async () => {
  ({ emu, conn } = await startSmall());
});
afterAll(async () => emu.close());

describe('circuit diagnostics', () => {
  it('ARP, route table and summary come back through the 202 + Location LROs', async () => {
    const er = conn.network(S2).expressRouteCircuits;
    const arp = await er.beginListArpTableAndWait('rg-er', 'er-ams', 'AzurePrivatePeering', 'primary', lroOptions(conn));
    expect(arp.value!.map((e) => e.ipAddress)).toEqual(['172.16.0.1', '172.16.0.2']);
    const secondary = await er.beginListArpTableAndWait('rg-er', 'er-ams', 'AzurePrivatePeering', 'secondary', lroOptions(conn));
    expect(secondary.value).toEqual([]);
    const routes = await er.beginListRoutesTableAndWait('rg-er', 'er-ams', 'AzurePrivatePeering', 'primary', lroOptions(conn));
    expect(routes.value![0]!.network).toBe('10.0.0.0/16');
    const summary = await er.beginListRoutesTableSummaryAndWait('rg-er', 'er-ams', 'AzurePrivatePeering', 'primary', lroOptions(conn));
    expect(summary.value![0]).toMatchObject({ neighbor: '172.16.0.1', statePfxRcd: '12' });
    const bad = await rejection(er.beginListArpTableAndWait('rg-er', 'er-ams', 'AzurePrivatePeering', 'tertiary', lroOptions(conn)));
    expect([bad.statusCode, bad.code]).toEqual([400, 'InvalidDevicePath']);
  });

  it('stats grow with emulator time at the scenario rate (idle counters stay 0)', async () => {
    const er = conn.network(S2).expressRouteCircuits;
    const before = await er.getStats('rg-er', 'er-ams');
    emu.advance(10);
    const after = await er.getStats('rg-er', 'er-ams');
    expect(after.primarybytesIn! - before.primarybytesIn!).toBe(100);
    expect(after.secondarybytesIn).toBe(0);
    const peering = await er.getPeeringStats('rg-er', 'er-ams', 'AzurePrivatePeering');
    expect(peering.primarybytesOut).toBe(after.primarybytesOut);
  });
});

describe('gateway diagnostics', () => {
  it('BGP peer status (all and by peer), learned and advertised routes', async () => {
    const gw = conn.network(S1).virtualNetworkGateways;
    const all = await gw.beginGetBgpPeerStatusAndWait('rg-hub', 'vpngw', lroOptions(conn));
    expect(all.value!.map((p) => [p.neighbor, p.state])).toEqual([['169.254.21.1', 'Connected'], ['169.254.22.1', 'Connecting']]);
    const one = await gw.beginGetBgpPeerStatusAndWait('rg-hub', 'vpngw', { ...lroOptions(conn), peer: '169.254.22.1' });
    expect(one.value!.map((p) => p.neighbor)).toEqual(['169.254.22.1']);
    const learned = await gw.beginGetLearnedRoutesAndWait('rg-hub', 'vpngw', lroOptions(conn));
    expect(learned.value![0]!.network).toBe('192.168.0.0/16');
    const adv = await gw.beginGetAdvertisedRoutesAndWait('rg-hub', 'vpngw', '169.254.21.1', lroOptions(conn));
    expect(adv.value![0]!.network).toBe('10.0.0.0/16');
  });
});

describe('timeline and live counters', () => {
  it('connection bytes grow until the timeline disconnects it, with a new etag', async () => {
    const c = () => rawGet((o) => conn.network(S1).virtualNetworkGatewayConnections.get('rg-hub', 'conn-ams', o));
    const t0 = await c();
    emu.advance(5);
    const t1 = await c();
    expect((t1.properties!.ingressBytesTransferred as number) - (t0.properties!.ingressBytesTransferred as number)).toBe(500);
    expect(t1.properties!.connectionStatus).toBe('Connected');
    emu.advance(30);
    const t2 = await c();
    expect(t2.properties!.connectionStatus).toBe('NotConnected');
    expect(t2.etag).not.toBe(t1.etag);
    emu.advance(100);
    const t3 = await c();
    expect(t3.properties!.ingressBytesTransferred).toBe(t2.properties!.ingressBytesTransferred);
  });
});
