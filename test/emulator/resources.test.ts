import { RestError } from '@azure/core-rest-pipeline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArmConnection } from '../../src/arm/clients.js';
import { ifMatchOptions, lroOptions, rawGet, rawList } from '../../src/arm/raw.js';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { CIRCUIT, ER, HUB, PEERING, S1, S2, S3, rawRequest, rejection, startSmall } from './helpers.js';

let emu: RunningEmulator;
let conn: ArmConnection;
beforeAll(async () => {
  ({ emu, conn } = await startSmall({ pageSize: 2 }));
});
afterAll(async () => emu.close());

describe('listing through the SDK', () => {
  it('follows nextLink pages of size 2', async () => {
    const before = emu.requestLog.count('GET /subscriptions');
    const subs: string[] = [];
    for await (const s of conn.subscriptions().subscriptions.list()) subs.push(s.displayName!);
    expect(subs).toEqual(['hub-prod', 'connectivity', 'locked']);
    expect(emu.requestLog.count('GET /subscriptions') - before).toBe(2);
  });

  it('lists every resource family with raw bodies (properties nested)', async () => {
    const net = conn.network(S1);
    const rg = 'rg-hub';
    const families: Record<string, Promise<Array<{ name: string; properties?: Record<string, unknown> }>>> = {
      circuits: rawList((o) => conn.network(S2).expressRouteCircuits.listAll(o)),
      peerings: rawList((o) => conn.network(S2).expressRouteCircuitPeerings.list('rg-er', 'er-ams', o)),
      authorizations: rawList((o) => conn.network(S2).expressRouteCircuitAuthorizations.list('rg-er', 'er-ams', o)),
      ports: rawList((o) => net.expressRoutePorts.list(o)),
      routeFilters: rawList((o) => net.routeFilters.list(o)),
      vngs: rawList((o) => net.virtualNetworkGateways.list(rg, o)),
      connections: rawList((o) => net.virtualNetworkGatewayConnections.list(rg, o)),
      lngs: rawList((o) => net.localNetworkGateways.list(rg, o)),
      vnets: rawList((o) => net.virtualNetworks.listAll(o)),
      subnets: rawList((o) => net.subnets.list(rg, 'vnet-hub', o)),
      pips: rawList((o) => net.publicIPAddresses.listAll(o)),
      wans: rawList((o) => net.virtualWans.list(o)),
      hubs: rawList((o) => net.virtualHubs.list(o)),
      hubRouteTables: rawList((o) => net.hubRouteTables.list(rg, 'hub-weu', o)),
      vpnGateways: rawList((o) => net.vpnGateways.list(o)),
      vpnConnections: rawList((o) => net.vpnConnections.listByVpnGateway(rg, 'hub-vpngw', o)),
      vpnLinkConnections: rawList((o) => net.vpnLinkConnections.listByVpnConnection(rg, 'hub-vpngw', 'vc-branch', o)),
      vpnSites: rawList((o) => net.vpnSites.list(o)),
      vpnSiteLinks: rawList((o) => net.vpnSiteLinks.listByVpnSite(rg, 'site-branch', o)),
    };
    const names: Record<string, string[]> = {};
    for (const [k, p] of Object.entries(families)) names[k] = (await p).map((r) => r.name);
    expect(names).toEqual({
      circuits: ['er-ams'], peerings: ['AzurePrivatePeering'], authorizations: ['auth-hub', 'auth-used'], ports: ['port-ams'],
      routeFilters: ['rf-ms'], vngs: ['ergw', 'vpngw'], connections: ['conn-ams'], lngs: ['lng-branch'], vnets: ['vnet-hub'],
      subnets: ['GatewaySubnet', 'default'], pips: ['pip-ergw'], wans: ['wan1'], hubs: ['hub-weu'], hubRouteTables: ['defaultRouteTable'],
      vpnGateways: ['hub-vpngw'], vpnConnections: ['vc-branch'], vpnLinkConnections: ['link1'], vpnSites: ['site-branch'], vpnSiteLinks: ['link1'],
    });
    const vngs = await families.vngs;
    expect(vngs[0]!.properties!.gatewayType).toBe('ExpressRoute');
    const erGws: string[] = [];
    const erList = await conn.network(S1).expressRouteGateways.listBySubscription();
    for (const g of erList.value ?? []) erGws.push(g.name!);
    expect(erGws).toEqual(['hub-ergw']);
  });

  it('resource groups and permissions (default * when no entry applies)', async () => {
    const rgs: string[] = [];
    for await (const g of conn.resources(S2).resourceGroups.list()) rgs.push(g.name!);
    expect(rgs).toEqual(['rg-er']);
    const perms = [];
    for await (const p of conn.authorization(S2).permissions.listForResource('rg-er', 'Microsoft.Network', '', 'expressRouteCircuits', 'er-ams')) perms.push(p);
    expect(perms[0]!.notActions).toEqual(['Microsoft.Network/expressRouteCircuits/join/action']);
    const hubPerms = [];
    for await (const p of conn.authorization(S1).permissions.listForResourceGroup('rg-hub')) hubPerms.push(p);
    expect(hubPerms).toEqual([{ actions: ['*'], notActions: [], dataActions: [], notDataActions: [] }]);
  });
});

describe('embedded children', () => {
  it('circuit GET embeds the same peerings and authorizations the child endpoints return', async () => {
    const circuit = await rawGet((o) => conn.network(S2).expressRouteCircuits.get('rg-er', 'er-ams', o));
    const peering = await rawGet((o) => conn.network(S2).expressRouteCircuitPeerings.get('rg-er', 'er-ams', 'AzurePrivatePeering', o));
    const embedded = (circuit.properties!.peerings as any[])[0];
    expect(embedded.id).toBe(PEERING);
    expect(embedded.properties).toEqual(peering.properties);
    expect((circuit.properties!.authorizations as any[]).map((a) => a.name)).toEqual(['auth-hub', 'auth-used']);
  });

  it('vWAN parents embed expressRouteConnections, vpn connections, link connections and site links; hubs do not embed route tables', async () => {
    const net = conn.network(S1);
    const erGw = await rawGet((o) => net.expressRouteGateways.get('rg-hub', 'hub-ergw', o));
    expect((erGw.properties!.expressRouteConnections as any[])[0].properties.expressRouteCircuitPeering).toEqual({ id: PEERING, properties: {} });
    const vpnGw = await rawGet((o) => net.vpnGateways.get('rg-hub', 'hub-vpngw', o));
    const vc = (vpnGw.properties!.connections as any[])[0];
    expect(vc.properties.vpnLinkConnections[0].name).toBe('link1');
    const site = await rawGet((o) => net.vpnSites.get('rg-hub', 'site-branch', o));
    expect((site.properties!.vpnSiteLinks as any[]).map((l) => l.name)).toEqual(['link1']);
    const hub = await rawGet((o) => net.virtualHubs.get('rg-hub', 'hub-weu', o));
    expect(hub.properties!.hubRouteTables).toBeUndefined();
    const vnet = await rawGet((o) => net.virtualNetworks.get('rg-hub', 'vnet-hub', o));
    expect((vnet.properties!.subnets as any[]).map((s) => s.name)).toEqual(['GatewaySubnet', 'default']);
  });

  it('a child PUT shows up in the parent, and the references carry properties: {}', async () => {
    const net = conn.network(S2);
    await net.expressRouteCircuitAuthorizations.beginCreateOrUpdateAndWait('rg-er', 'er-ams', 'auth-new', {}, lroOptions(conn));
    const circuit = await rawGet((o) => net.expressRouteCircuits.get('rg-er', 'er-ams', o));
    expect((circuit.properties!.authorizations as any[]).map((a) => a.name)).toEqual(['auth-hub', 'auth-used', 'auth-new']);
    const conn1 = await rawGet((o) => conn.network(S1).virtualNetworkGatewayConnections.get('rg-hub', 'conn-ams', o));
    expect(conn1.properties!.virtualNetworkGateway1).toEqual({ id: `${HUB}/virtualNetworkGateways/ergw`, properties: {} });
  });
});

describe('writes', () => {
  it('PUT is an LRO (201, Updating → Succeeded) and DELETE is 202 until gone', async () => {
    const net = conn.network(S1);
    const created: number[] = [];
    const result = await net.localNetworkGateways.beginCreateOrUpdateAndWait(
      'rg-hub', 'lng-new',
      { location: 'westeurope', gatewayIpAddress: '198.51.100.9', localNetworkAddressSpace: { addressPrefixes: ['10.9.0.0/16'] } },
      { ...lroOptions(conn), onResponse: (r) => void created.push(r.status) },
    );
    expect(created[0]).toBe(201);
    expect(result.provisioningState).toBe('Succeeded');
    expect(result.etag).toMatch(/^W\/"[0-9a-f-]{36}"$/);
    await net.localNetworkGateways.beginDeleteAndWait('rg-hub', 'lng-new', lroOptions(conn));
    const err = await rejection(net.localNetworkGateways.get('rg-hub', 'lng-new'));
    expect(err).toBeInstanceOf(RestError);
    expect([err.statusCode, err.code]).toEqual([404, 'ResourceNotFound']);
  });

  it('412 PreconditionFailed on a stale If-Match, success with the current etag', async () => {
    const net = conn.network(S1);
    const current = await net.localNetworkGateways.get('rg-hub', 'lng-branch');
    const body = { location: 'westeurope', gatewayIpAddress: '203.0.113.11' };
    const err = await rejection(net.localNetworkGateways.beginCreateOrUpdateAndWait('rg-hub', 'lng-branch', body, { ...lroOptions(conn), ...ifMatchOptions('W/"stale"') }));
    expect([err.statusCode, err.code]).toEqual([412, 'PreconditionFailed']);
    const ok = await net.localNetworkGateways.beginCreateOrUpdateAndWait('rg-hub', 'lng-branch', body, { ...lroOptions(conn), ...ifMatchOptions(current.etag) });
    expect(ok.gatewayIpAddress).toBe('203.0.113.11');
    expect(ok.etag).not.toBe(current.etag);
  });

  it('rejects an ExpressRoute connection on a Vpn gateway', async () => {
    const err = await rejection(
      conn.network(S1).virtualNetworkGatewayConnections.beginCreateOrUpdateAndWait('rg-hub', 'bad', {
        location: 'westeurope', connectionType: 'ExpressRoute',
        virtualNetworkGateway1: { id: `${HUB}/virtualNetworkGateways/vpngw` } as never, peer: { id: CIRCUIT },
      }, lroOptions(conn)),
    );
    expect([err.statusCode, err.code]).toEqual([400, 'InvalidGatewayTypeForConnection']);
  });

  it('checks authorization keys and marks a redeemed authorization InUse', async () => {
    const net = conn.network(S1);
    const params = (key: string) => ({
      location: 'westeurope', connectionType: 'ExpressRoute' as const,
      virtualNetworkGateway1: { id: `${HUB}/virtualNetworkGateways/ergw` } as never, peer: { id: CIRCUIT }, authorizationKey: key,
    });
    const bad = await rejection(net.virtualNetworkGatewayConnections.beginCreateOrUpdateAndWait('rg-hub', 'c-x', params('wrong-key'), lroOptions(conn)));
    expect([bad.statusCode, bad.code]).toEqual([400, 'InvalidAuthorizationKey']);
    expect(bad.message).not.toContain('wrong-key');
    const used = await rejection(net.virtualNetworkGatewayConnections.beginCreateOrUpdateAndWait('rg-hub', 'c-x', params('key-used-2'), lroOptions(conn)));
    expect(used.code).toBe('AuthorizationAlreadyInUse');
    await net.virtualNetworkGatewayConnections.beginCreateOrUpdateAndWait('rg-hub', 'c-ok', params('key-available-1'), lroOptions(conn));
    const auth = await rawGet((o) => conn.network(S2).expressRouteCircuitAuthorizations.get('rg-er', 'er-ams', 'auth-hub', o));
    expect(auth.properties).toMatchObject({ authorizationUseStatus: 'InUse', connectionResourceUri: `${HUB}/connections/c-ok` });
  });

  it('rejects a Global Reach prefix that is not a /29', async () => {
    const err = await rejection(
      conn.network(S2).expressRouteCircuitConnections.beginCreateOrUpdateAndWait('rg-er', 'er-ams', 'AzurePrivatePeering', 'gr1', {
        addressPrefix: '10.50.0.0/28',
        expressRouteCircuitPeering: { id: PEERING },
        peerExpressRouteCircuitPeering: { id: `${HUB}/expressRouteCircuits/er-fra/peerings/AzurePrivatePeering` },
      }, lroOptions(conn)),
    );
    expect([err.statusCode, err.code]).toEqual([400, 'InvalidGlobalReachAddressPrefix']);
    await conn.network(S2).expressRouteCircuitConnections.beginCreateOrUpdateAndWait('rg-er', 'er-ams', 'AzurePrivatePeering', 'gr1', {
      addressPrefix: '10.50.0.0/29',
      expressRouteCircuitPeering: { id: PEERING },
      peerExpressRouteCircuitPeering: { id: `${HUB}/expressRouteCircuits/er-fra/peerings/AzurePrivatePeering` },
    }, lroOptions(conn));
    const peering = await rawGet((o) => conn.network(S2).expressRouteCircuitPeerings.get('rg-er', 'er-ams', 'AzurePrivatePeering', o));
    expect((peering.properties!.connections as any[]).map((c) => c.name)).toEqual(['gr1']);
  });
});

describe('error shapes', () => {
  it('404 ResourceNotFound / ResourceGroupNotFound / SubscriptionNotFound', async () => {
    const a = await rejection(conn.network(S1).virtualNetworkGateways.get('rg-hub', 'nope'));
    expect([a.statusCode, a.code]).toEqual([404, 'ResourceNotFound']);
    const b = await rejection(conn.network(S1).virtualNetworkGateways.get('rg-missing', 'x'));
    expect([b.statusCode, b.code]).toEqual([404, 'ResourceGroupNotFound']);
    const c = await rejection(conn.subscriptions().subscriptions.get('99999999-9999-9999-9999-999999999999'));
    expect([c.statusCode, c.code]).toEqual([404, 'SubscriptionNotFound']);
  });

  it('403 AuthorizationFailed for a forbidden subscription', async () => {
    const err = await rejection(rawList((o) => conn.network(S3).expressRouteCircuits.listAll(o)));
    expect([err.statusCode, err.code]).toEqual([403, 'AuthorizationFailed']);
  });

  it('400 MissingApiVersionParameter, InvalidRequestContent and NotFound for unknown routes', async () => {
    const noVersion = await rawRequest(emu, 'GET', `/subscriptions/${S1}/providers/Microsoft.Network/virtualNetworkGateways`);
    expect([noVersion.status, noVersion.json.error.code]).toEqual([400, 'MissingApiVersionParameter']);
    const malformed = await rawRequest(emu, 'PUT', `${HUB}/localNetworkGateways/x?api-version=2024-05-01`, '{not json');
    expect([malformed.status, malformed.json.error.code]).toEqual([400, 'InvalidRequestContent']);
    const unknown = await rawRequest(emu, 'GET', `/subscriptions/${S1}/resourceGroups/rg-hub/providers/Microsoft.Network/bananas/x?api-version=1`);
    expect([unknown.status, unknown.json.error.code]).toEqual([404, 'NotFound']);
    const mixedCase = await rawRequest(emu, 'GET', `${ER.toUpperCase().replace('/SUBSCRIPTIONS', '/subscriptions')}/EXPRESSROUTECIRCUITS/ER-AMS?api-version=2024-05-01`);
    expect([mixedCase.status, mixedCase.json.name]).toEqual([200, 'er-ams']);
  });
});
