import { describe, expect, it } from 'vitest';
import type { ArmResource, PermissionEntry } from '../../src/inventory/types.js';
import { authorization, circuit, circuitId, erConnection, erGateway, gateway, gatewayId, grConnection, hub, peering, SUB_A, SUB_B } from './builders.js';
import { hits } from './graph-fixture.js';

const GW = gatewayId('gw-er');
const C_B = circuitId('c-remote', SUB_B, 'rg-remote');
const KEY = 'a8f1c0de-1111-4222-8333-944455556666';

function remoteCircuit(auths: ArmResource[] = []): ArmResource {
  return circuit('c-remote', { sub: SUB_B, rg: 'rg-remote', authorizations: auths });
}

describe('auth-key-missing-cross-subscription', () => {
  it.each<[string, ArmResource[], number]>([
    ['cross-sub connection, no key', [gateway('gw-er'), remoteCircuit(), erConnection('conn', GW, C_B)], 1],
    ['cross-sub connection with redacted key', [gateway('gw-er'), remoteCircuit(), erConnection('conn', GW, C_B, { props: { authorizationKey: '***redacted***' } })], 0],
    ['cross-sub connection with key', [gateway('gw-er'), remoteCircuit(), erConnection('conn', GW, C_B, { props: { authorizationKey: KEY } })], 0],
    ['same-sub connection, no key', [gateway('gw-er'), circuit('c1'), erConnection('conn', GW, circuitId('c1'))], 0],
    ['cross-sub circuit unreadable, no key', [gateway('gw-er'), erConnection('conn', GW, C_B)], 1],
    ['vWAN connection to another subscription, no key', [...hub('hub1'), remoteCircuit(), erGateway('hub1-ergw', 'hub1', [{ name: 'erc', peering: `${C_B}/peerings/AzurePrivatePeering` }])], 1],
    ['Global Reach to another subscription, no key', [circuit('c1', { peerings: [peering(circuitId('c1'), { props: { connections: [grConnection(`${circuitId('c1')}/peerings/AzurePrivatePeering`, 'gr', `${C_B}/peerings/AzurePrivatePeering`)] } })] }), remoteCircuit()], 1],
  ])('%s', (_l, resources, count) => {
    const f = hits('auth-key-missing-cross-subscription', resources);
    expect(f).toHaveLength(count);
    if (count) expect(f[0]!.fix?.kind).toBe('pick-authorization');
  });

  it('offers the circuit’s available authorizations as choices', () => {
    const auths = [authorization(C_B, 'free', { authorizationKey: KEY }), authorization(C_B, 'used', { authorizationUseStatus: 'InUse' })];
    const [f] = hits('auth-key-missing-cross-subscription', [gateway('gw-er'), remoteCircuit(auths), erConnection('conn', GW, C_B)]);
    expect(f!.fix!.choices).toEqual([{ label: 'free', value: `${C_B}/authorizations/free` }]);
  });
});

describe('auth-key-unmatched', () => {
  const conn = (key: string) => erConnection('conn', GW, C_B, { props: { authorizationKey: key } });
  const connId = conn(KEY).id;
  it.each<[string, ArmResource[], number]>([
    ['key matches an available authorization', [gateway('gw-er'), remoteCircuit([authorization(C_B, 'a1', { authorizationKey: KEY })]), conn(KEY)], 0],
    ['key matches the authorization used by this connection', [gateway('gw-er'), remoteCircuit([authorization(C_B, 'a1', { authorizationKey: KEY, authorizationUseStatus: 'InUse', connectionResourceUri: connId })]), conn(KEY)], 0],
    ['key matches nothing', [gateway('gw-er'), remoteCircuit([authorization(C_B, 'a1', { authorizationKey: 'other-key' })]), conn(KEY)], 1],
    ['key used by another connection', [gateway('gw-er'), remoteCircuit([authorization(C_B, 'a1', { authorizationKey: KEY, authorizationUseStatus: 'InUse', connectionResourceUri: `${connId}-other` })]), conn(KEY)], 1],
    ['circuit authorizations redacted: not evaluable', [gateway('gw-er'), remoteCircuit([authorization(C_B, 'a1', { authorizationKey: '***redacted***' })]), conn(KEY)], 0],
    ['connection key redacted: not evaluable', [gateway('gw-er'), remoteCircuit([authorization(C_B, 'a1', { authorizationKey: 'other' })]), conn('***redacted***')], 0],
    ['circuit unreadable: not evaluable', [gateway('gw-er'), conn(KEY)], 0],
  ])('%s', (_l, resources, count) => {
    const f = hits('auth-key-unmatched', resources);
    expect(f).toHaveLength(count);
    expect(JSON.stringify(f)).not.toContain(KEY);
  });
});

describe('auth-orphaned-in-use', () => {
  const C1 = circuitId('c1');
  const gone = `/subscriptions/${SUB_A}/resourceGroups/rg-hub/providers/Microsoft.Network/connections/deleted-conn`;
  const live = erConnection('live-conn', GW, C1);
  it.each<[string, ArmResource[], { forbidden?: string[]; subscriptions?: string[] }, number]>([
    ['InUse by a connection that is gone', [gateway('gw-er'), circuit('c1', { authorizations: [authorization(C1, 'a1', { authorizationUseStatus: 'InUse', connectionResourceUri: gone })] })], {}, 1],
    ['InUse by an existing connection', [gateway('gw-er'), live, circuit('c1', { authorizations: [authorization(C1, 'a1', { authorizationUseStatus: 'InUse', connectionResourceUri: live.id })] })], {}, 0],
    ['InUse by a connection in an unreadable subscription', [circuit('c1', { authorizations: [authorization(C1, 'a1', { authorizationUseStatus: 'InUse', connectionResourceUri: gone.replace(SUB_A, SUB_B) })] })], {}, 0],
    ['InUse, connection resource group forbidden', [circuit('c1', { authorizations: [authorization(C1, 'a1', { authorizationUseStatus: 'InUse', connectionResourceUri: gone })] })], { forbidden: [`/subscriptions/${SUB_A}/resourceGroups/rg-hub`] }, 0],
    ['Available', [circuit('c1', { authorizations: [authorization(C1, 'a1')] })], {}, 0],
  ])('%s', (_l, resources, opts, count) => {
    expect(hits('auth-orphaned-in-use', resources, opts)).toHaveLength(count);
  });
});

describe('auth-limit', () => {
  const C1 = circuitId('c1');
  const withAuths = (n: number) => [circuit('c1', { authorizations: Array.from({ length: n }, (_, i) => authorization(C1, `a${i}`)) })];
  it.each<[number, number, string | undefined]>([
    [7, 0, undefined],
    [8, 1, 'low'],
    [10, 1, 'medium'],
  ])('%i authorizations', (n, count, severity) => {
    const f = hits('auth-limit', withAuths(n));
    expect(f).toHaveLength(count);
    if (severity) expect(f[0]).toMatchObject({ severity, evidence: { authorizationCount: n, limit: 10 } });
  });
});

describe('rbac-missing-permission', () => {
  const rg = (sub: string, name: string) => `/subscriptions/${sub}/resourceGroups/${name}`;
  const estate = [gateway('gw-er'), circuit('c1'), erConnection('conn', GW, circuitId('c1'))];
  const all = (scope: string): PermissionEntry => ({ scope, actions: ['*'], notActions: [] });
  it.each<[string, PermissionEntry[], number, string[]]>([
    ['Owner on both scopes', [all(rg(SUB_A, 'rg-hub')), all(rg(SUB_A, 'rg-er'))], 0, []],
    ['no permission data: rule silent', [], 0, []],
    ['Reader on the circuit scope', [all(rg(SUB_A, 'rg-hub')), { scope: rg(SUB_A, 'rg-er'), actions: ['*/read'], notActions: [] }], 1, ['Microsoft.Network/expressRouteCircuits/join/action']],
    ['notActions removes join on the gateway scope', [{ scope: rg(SUB_A, 'rg-hub'), actions: ['Microsoft.Network/*'], notActions: ['Microsoft.Network/virtualNetworkGateways/join/*'] }, all(rg(SUB_A, 'rg-er'))], 1, ['Microsoft.Network/virtualNetworkGateways/join/action']],
    ['circuit scope not covered: unknown, not reported', [all(rg(SUB_A, 'rg-hub'))], 0, []],
  ])('%s', (_l, permissions, count, missing) => {
    const f = hits('rbac-missing-permission', estate, { permissions });
    expect(f).toHaveLength(count);
    if (count) expect(f[0]!.evidence.missingActions).toEqual(missing);
  });

  it('asks the circuit owner for authorizations/write across subscriptions', () => {
    const f = hits('rbac-missing-permission', [gateway('gw-er'), circuit('c-remote', { sub: SUB_B, rg: 'rg-remote' }), erConnection('conn', GW, C_B)], {
      permissions: [all(rg(SUB_A, 'rg-hub')), { scope: rg(SUB_B, 'rg-remote'), actions: ['Microsoft.Network/expressRouteCircuits/join/action'], notActions: [] }],
    });
    expect(f.map((x) => x.evidence)).toEqual([{ scope: rg(SUB_B, 'rg-remote'), missingActions: ['Microsoft.Network/expressRouteCircuits/authorizations/write'], neededFor: [erConnection('conn', GW, C_B).id] }]);
  });
});
