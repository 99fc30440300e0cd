import { RestError } from '@azure/core-rest-pipeline';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ArmConnection } from '../../src/arm/clients.js';
import { classifyArmError } from '../../src/arm/errors.js';
import { lroOptions } from '../../src/arm/raw.js';
import { mergeFaults, parseFaultSpec } from '../../src/emulator/faults.js';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { S1, rejection, startSmall } from './helpers.js';

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

describe('parseFaultSpec', () => {
  it('parses the documented forms', () => {
    expect(parseFaultSpec('latency=50')).toEqual({ latencyMs: 50 });
    expect(parseFaultSpec('429:every=5')).toEqual({ rules: [{ kind: '429', every: 5 }] });
    expect(parseFaultSpec('500:path=arpTables')).toEqual({ rules: [{ kind: '5xx', status: 500, path: 'arpTables' }] });
    expect(parseFaultSpec('drop:p=0.1')).toEqual({ rules: [{ kind: 'drop', p: 0.1 }] });
    expect(parseFaultSpec('lro-fail:path=connections/x')).toEqual({ rules: [{ kind: 'lro-fail', path: 'connections/x' }] });
    expect(mergeFaults(parseFaultSpec('latency=5'), parseFaultSpec('drop'))).toEqual({ latencyMs: 5, rules: [{ kind: 'drop' }] });
  });

  it('rejects bad specs with one line', () => {
    expect(() => parseFaultSpec('404')).toThrow(/^bad --fault "404": kind must be/);
    expect(() => parseFaultSpec('429:every=x')).toThrow('bad --fault "429:every=x": every needs a number');
    expect(() => parseFaultSpec('lro-fail')).toThrow('lro-fail needs path=REGEX');
  });
});
