import { RestError } from '@azure/core-rest-pipeline';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ArmConnection } from '../../src/arm/clients.js';
import { classifyArmError } from '../../src/arm/errors.js';
import { lroOptions } from '../../src/arm/raw.js';
import { mergeFaults, parseFaultSpec } from '../../src/emulator/faults.js';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { PEERING, S1, S2, SMALL, rejection, startSmall } from './helpers.js';
import { loadScenarioFile, parseScenario } from '../../src/emulator/scenario.js';

let emu: RunningEmulator;
let conn: ArmConnection;
beforeAll(async () => {
  ({ emu, conn } = await startSmall());
});
afterAll(async () => emu.close());
beforeEach(() => {
  emu.setFaults({});
  emu.requestLog.reset();
});

const LNG = 'GET /subscriptions/{sub}/resourcegroups/{rg}/providers/microsoft.network/localnetworkgateways/{name}';
const getLng = () => conn.network(S1).localNetworkGateways.get('rg-hub', 'lng-branch');

describe('faults through the SDK retry policy', () => {
  it('429 with retry-after-ms is retried and then succeeds', async () => {
    emu.setFaults({ rules: [{ kind: '429', path: 'localNetworkGateways', times: 2, retryAfterMs: 5 }] });
    expect((await getLng()).name).toBe('lng-branch');
    expect(emu.requestLog.count(LNG)).toBe(3);
  });

  it('429 every time exhausts the retries (1 + 3 requests) with a RestError 429', async () => {
    emu.setFaults(parseFaultSpec('429:path=localNetworkGateways,retry-after-ms=5'));
    const err = await rejection(getLng());
    expect(err).toBeInstanceOf(RestError);
    expect([err.statusCode, err.code]).toEqual([429, 'TooManyRequests']);
    expect(emu.requestLog.count(LNG)).toBe(4);
    expect(classifyArmError(err).kind).toBe('throttled');
  });

  it('every=N throttles only every Nth matching request', async () => {
    emu.setFaults(parseFaultSpec('429:every=2,path=localNetworkGateways,retry-after-ms=5'));
    await getLng();
    await getLng();
    expect(emu.requestLog.count(LNG)).toBe(3);
  });

  it('5xx is retried with backoff and surfaces as failed', async () => {
    emu.setFaults(parseFaultSpec('503:path=localNetworkGateways'));
    const err = await rejection(getLng());
    expect(err.statusCode).toBe(503);
    expect(emu.requestLog.count(LNG)).toBe(4);
    expect(classifyArmError(err)).toMatchObject({ kind: 'failed', status: 503 });
  });

  it('a dropped connection is retried; always dropping fails with a socket error', async () => {
    emu.setFaults(parseFaultSpec('drop:path=localNetworkGateways,times=1'));
    expect((await getLng()).name).toBe('lng-branch');
    expect(emu.requestLog.count(LNG)).toBe(2);
    emu.setFaults(parseFaultSpec('drop:path=localNetworkGateways'));
    const err = await rejection(getLng());
    const c = classifyArmError(err);
    expect(c.kind).toBe('failed');
    expect(c.code).toMatch(/ECONNRESET|EPIPE|socket/i);
  });

  it('lro-fail makes the async operation end Failed (plain Error, classified failed)', async () => {
    emu.setFaults(parseFaultSpec('lro-fail:path=localNetworkGateways/lng-doomed,code=GatewayConnectionFailed'));
    const err = await rejection(
      conn.network(S1).localNetworkGateways.beginCreateOrUpdateAndWait('rg-hub', 'lng-doomed', { location: 'westeurope', gatewayIpAddress: '198.51.100.7' }, lroOptions(conn)),
    );
    expect(err).not.toBeInstanceOf(RestError);
    expect(classifyArmError(err)).toMatchObject({ kind: 'failed', code: 'GatewayConnectionFailed' });
    expect((await conn.network(S1).localNetworkGateways.get('rg-hub', 'lng-doomed')).provisioningState).toBe('Failed');
  });
});

describe('403 faults', () => {
  it('403:path=arpTables answers AuthorizationFailed naming the action and scope, and the SDK does not retry it', async () => {
    emu.setFaults(parseFaultSpec('403:path=arpTables'));
    const err = await rejection(conn.network(S2).expressRouteCircuits.beginListArpTableAndWait('rg-er', 'er-ams', 'AzurePrivatePeering', 'primary', lroOptions(conn)));
    expect(err).toBeInstanceOf(RestError);
    expect([err.statusCode, err.code]).toEqual([403, 'AuthorizationFailed']);
    expect(err.message).toBe(
      `The client 'emulator-user' with object id '00000000-0000-0000-0000-00000000e5c0' does not have authorization to perform action 'Microsoft.Network/expressRouteCircuits/peerings/arpTables/read' over scope '${PEERING}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
    );
    expect(classifyArmError(err).kind).toBe('forbidden');
    expect(emu.requestLog.snapshot().total).toBe(1);
    expect((await getLng()).name).toBe('lng-branch');
  });

  it('code= overrides the error code of 403, 429 and 5xx answers; a write names the write action', async () => {
    emu.setFaults(parseFaultSpec('403:path=localNetworkGateways,code=LinkedAuthorizationFailed'));
    const forbidden = await rejection(
      conn.network(S1).localNetworkGateways.beginCreateOrUpdateAndWait('rg-hub', 'lng-x', { location: 'westeurope' }, lroOptions(conn)),
    );
    expect([forbidden.statusCode, forbidden.code]).toEqual([403, 'LinkedAuthorizationFailed']);
    expect(forbidden.message).toContain("perform action 'Microsoft.Network/localNetworkGateways/write' over scope '/subscriptions/");
    emu.setFaults(parseFaultSpec('503:path=localNetworkGateways,code=ServerTimeout'));
    expect((await rejection(getLng())).code).toBe('ServerTimeout');
    emu.setFaults(parseFaultSpec('429:path=localNetworkGateways,retry-after-ms=5,code=SubscriptionRequestsThrottled'));
    expect((await rejection(getLng())).code).toBe('SubscriptionRequestsThrottled');
  });

  it('a forbidden scenario scope names the ARM action too', async () => {
    const err = await rejection(conn.network('33333333-3333-3333-3333-333333333333').expressRouteCircuits.get('rg-locked', 'x'));
    expect(err.message).toContain("perform action 'Microsoft.Network/expressRouteCircuits/read' over scope '/subscriptions/33333333-3333-3333-3333-333333333333");
  });

  it('scenario files accept 403 faults as strings and objects', () => {
    const s = parseScenario({ ...loadScenarioFile(SMALL), faults: ['403:path=arpTables,times=1', { kind: '403', path: 'routeTables', code: 'X' }] });
    expect(s.faults!.rules).toEqual([{ kind: '403', path: 'arpTables', times: 1 }, { kind: '403', path: 'routeTables', code: 'X' }]);
  });
});

describe('parseFaultSpec', () => {
  it('parses the documented forms', () => {
    expect(parseFaultSpec('latency=50')).toEqual({ latencyMs: 50 });
    expect(parseFaultSpec('429:every=5')).toEqual({ rules: [{ kind: '429', every: 5 }] });
    expect(parseFaultSpec('500:path=arpTables')).toEqual({ rules: [{ kind: '5xx', status: 500, path: 'arpTables' }] });
    expect(parseFaultSpec('drop:p=0.1')).toEqual({ rules: [{ kind: 'drop', p: 0.1 }] });
    expect(parseFaultSpec('403:path=arpTables')).toEqual({ rules: [{ kind: '403', path: 'arpTables' }] });
    expect(parseFaultSpec('502:code=BadGateway')).toEqual({ rules: [{ kind: '5xx', status: 502, code: 'BadGateway' }] });
    expect(parseFaultSpec('lro-fail:path=connections/x')).toEqual({ rules: [{ kind: 'lro-fail', path: 'connections/x' }] });
    expect(mergeFaults(parseFaultSpec('latency=5'), parseFaultSpec('drop'))).toEqual({ latencyMs: 5, rules: [{ kind: 'drop' }] });
  });

  it('rejects bad specs with one line', () => {
    expect(() => parseFaultSpec('404')).toThrow(/^bad --fault "404": kind must be/);
    expect(() => parseFaultSpec('429:every=x')).toThrow('bad --fault "429:every=x": every needs a number');
    expect(() => parseFaultSpec('lro-fail')).toThrow('lro-fail needs path=REGEX');
  });
});
