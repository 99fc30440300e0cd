import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArmConnection } from '../../src/arm/clients.js';
import { lroOptions, rawGet, rawList } from '../../src/arm/raw.js';
import { loadScenarioFile } from '../../src/emulator/scenario.js';
import { loadIntoStore } from '../../src/emulator/seed.js';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { seededEtag } from '../../src/emulator/store.js';
import { CIRCUIT, HUB, PEERING, S1, S2, SMALL, rejection, startSmall } from './helpers.js';

let emu: RunningEmulator;
let conn: ArmConnection;
beforeAll(async () => {
  ({ emu, conn } = await startSmall());
});
afterAll(async () => emu.close());

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const FRA_PEERING = `${HUB}/expressRouteCircuits/er-fra/peerings/AzurePrivatePeering`;

describe('authorizations: the service generates the key', () => {
  it('PUT ignores a key in the body, returns a GUID key Available/Succeeded, the circuit embeds it, a re-PUT keeps it', async () => {
    const net = conn.network(S2);
    const created = await net.expressRouteCircuitAuthorizations.beginCreateOrUpdateAndWait(
      'rg-er', 'er-ams', 'auth-gen', { authorizationKey: 'chosen-by-client', authorizationUseStatus: 'InUse' }, lroOptions(conn),
    );
    expect(created.authorizationKey).toMatch(GUID);
    expect(created).toMatchObject({ authorizationUseStatus: 'Available', provisioningState: 'Succeeded' });
    const circuit = await rawGet((o) => net.expressRouteCircuits.get('rg-er', 'er-ams', o));
    const embedded = (circuit.properties!.authorizations as any[]).find((a) => a.name === 'auth-gen');
    expect(embedded.properties).toMatchObject({ authorizationKey: created.authorizationKey, authorizationUseStatus: 'Available', provisioningState: 'Succeeded' });
    const again = await net.expressRouteCircuitAuthorizations.beginCreateOrUpdateAndWait('rg-er', 'er-ams', 'auth-gen', {}, lroOptions(conn));
    expect(again.authorizationKey).toBe(created.authorizationKey);
    const other = await net.expressRouteCircuitAuthorizations.beginCreateOrUpdateAndWait('rg-er', 'er-ams', 'auth-gen2', {}, lroOptions(conn));
    expect(other.authorizationKey).toMatch(GUID);
    expect(other.authorizationKey).not.toBe(created.authorizationKey);
  });
});

describe('Global Reach: the peer circuit lists the connection under peerConnections', () => {
  const params = (key?: string) => ({
    addressPrefix: '192.168.77.0/29',
    expressRouteCircuitPeering: { id: FRA_PEERING },
    peerExpressRouteCircuitPeering: { id: PEERING },
    ...(key !== undefined ? { authorizationKey: key } : {}),
  });
  const put = (key?: string) =>
    conn.network(S1).expressRouteCircuitConnections.beginCreateOrUpdateAndWait('rg-hub', 'er-fra', 'AzurePrivatePeering', 'gr-fra-ams', params(key), lroOptions(conn));
  const peerList = () => rawList((o) => conn.network(S2).peerExpressRouteCircuitConnections.list('rg-er', 'er-ams', 'AzurePrivatePeering', o));

  it('a key that matches no authorization of the cross-subscription peer circuit is InvalidAuthorizationKey, and nothing is mirrored', async () => {
    const err = await rejection(put('not-a-key'));
    expect([err.statusCode, err.code]).toEqual([400, 'InvalidAuthorizationKey']);
    expect(err.message).not.toContain('not-a-key');
    expect(await peerList()).toEqual([]);
  });

  it('PUT with the Available key: Connected, mirrored on the peer peering the way ARM shows it, key InUse; DELETE removes both', async () => {
    const gr = await put('key-available-1');
    expect(gr).toMatchObject({ provisioningState: 'Succeeded', circuitConnectionStatus: 'Connected' });
    const peering = await rawGet((o) => conn.network(S2).expressRouteCircuitPeerings.get('rg-er', 'er-ams', 'AzurePrivatePeering', o));
    const mirrors = peering.properties!.peeredConnections as any[];
    expect(mirrors).toHaveLength(1);
    expect(mirrors[0]).toMatchObject({
      id: `${PEERING}/peerConnections/gr-fra-ams`,
      name: 'gr-fra-ams',
      type: 'Microsoft.Network/expressRouteCircuits/peerings/peerConnections',
      properties: {
        expressRouteCircuitPeering: { id: PEERING },
        peerExpressRouteCircuitPeering: { id: FRA_PEERING },
        addressPrefix: '192.168.77.0/29',
        circuitConnectionStatus: 'Connected',
        connectionName: 'gr-fra-ams',
        provisioningState: 'Succeeded',
      },
    });
    expect(mirrors[0].properties.authResourceGuid).toMatch(GUID);
    const viaSdk = await conn.network(S2).peerExpressRouteCircuitConnections.get('rg-er', 'er-ams', 'AzurePrivatePeering', 'gr-fra-ams');
    expect(viaSdk.connectionName).toBe('gr-fra-ams');
    const auth = await rawGet((o) => conn.network(S2).expressRouteCircuitAuthorizations.get('rg-er', 'er-ams', 'auth-hub', o));
    expect(auth.properties).toMatchObject({ authorizationUseStatus: 'InUse', connectionResourceUri: `${FRA_PEERING}/connections/gr-fra-ams` });
    // The local circuit lists it under connections, not peerConnections.
    const local = await rawGet((o) => conn.network(S1).expressRouteCircuitPeerings.get('rg-hub', 'er-fra', 'AzurePrivatePeering', o));
    expect((local.properties!.connections as any[]).map((c) => c.name)).toEqual(['gr-fra-ams']);
    expect(local.properties!.peeredConnections ?? []).toEqual([]);

    await conn.network(S1).expressRouteCircuitConnections.beginDeleteAndWait('rg-hub', 'er-fra', 'AzurePrivatePeering', 'gr-fra-ams', lroOptions(conn));
    expect(await peerList()).toEqual([]);
    const freed = await rawGet((o) => conn.network(S2).expressRouteCircuitAuthorizations.get('rg-er', 'er-ams', 'auth-hub', o));
    expect(freed.properties!.authorizationUseStatus).toBe('Available');
  });

  it('a same-subscription peer needs no key', async () => {
    const net = conn.network(S2);
    await net.expressRouteCircuits.beginCreateOrUpdateAndWait('rg-er', 'er-ams2', {
      location: 'westeurope', sku: { name: 'Premium_MeteredData', tier: 'Premium', family: 'MeteredData' },
      peerings: [{ name: 'AzurePrivatePeering', peeringType: 'AzurePrivatePeering', peerASN: 65030, vlanId: 300 }],
    }, lroOptions(conn));
    await net.expressRouteCircuitConnections.beginCreateOrUpdateAndWait('rg-er', 'er-ams2', 'AzurePrivatePeering', 'gr-same', {
      addressPrefix: '192.168.78.0/29', peerExpressRouteCircuitPeering: { id: PEERING }, authorizationKey: 'ignored-here',
    }, lroOptions(conn));
    expect((await peerList()).map((p) => [p.name, (p.properties!.peerExpressRouteCircuitPeering as any).id])).toEqual([
      ['gr-same', `${CIRCUIT}2/peerings/AzurePrivatePeering`],
    ]);
  });
});

describe('scenario etags', () => {
  it('resources without an etag get one derived from the id (same every load); given etags are kept', async () => {
    const fra = await conn.network(S1).expressRouteCircuits.get('rg-hub', 'er-fra');
    expect(fra.etag).toBe(seededEtag(`${HUB}/expressRouteCircuits/er-fra`));
    expect(fra.etag).toMatch(/^W\/"[0-9a-f-]{36}"$/);
    expect((await conn.network(S2).expressRouteCircuits.get('rg-er', 'er-ams')).etag).toBe('W/"c1"');
    const a = loadIntoStore(loadScenarioFile(SMALL), () => 0);
    const b = loadIntoStore(loadScenarioFile(SMALL), () => 0);
    expect(a.keys().map((k) => a.getRaw(k)!.etag)).toEqual(b.keys().map((k) => b.getRaw(k)!.etag));
    expect(new Set(a.keys().map((k) => a.getRaw(k)!.etag)).size).toBeGreaterThan(a.keys().length / 2);
  });
});
