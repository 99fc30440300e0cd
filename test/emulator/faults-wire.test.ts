import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TokenCredential } from '@azure/core-auth';
import { createArmConnection, type ArmConnection } from '../../src/arm/clients.js';
import { runWithDeadline } from '../../src/arm/deadline.js';
import { classifyArmError } from '../../src/arm/errors.js';
import { parseFaultSpec } from '../../src/emulator/faults.js';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { S1, rawRequest, rejection, startSmall } from './helpers.js';

// The faults real ARM (and what stands between it and you) produces on the wire, each through the real SDK pipeline.
let emu: RunningEmulator;
let conn: ArmConnection;
beforeAll(async () => {
  ({ emu } = await startSmall());
  conn = connect();
});
afterAll(async () => {
  conn.close();
  await emu.close();
});
beforeEach(() => {
  emu.setFaults({});
  emu.requestLog.reset();
});

function connect(extra: { credential?: TokenCredential; timeoutS?: number } = {}): ArmConnection {
  return createArmConnection({
    endpoint: emu.endpoint,
    caPem: emu.caPem,
    requestTimeoutS: extra.timeoutS ?? 0.3,
    retry: { maxRetries: 1, retryDelayInMs: 5, maxRetryDelayInMs: 10 },
    ...(extra.credential ? { credential: extra.credential } : {}),
  });
}

const LNG = 'GET /subscriptions/{sub}/resourcegroups/{rg}/providers/microsoft.network/localnetworkgateways/{name}';
const getLng = (c = conn) => c.network(S1).localNetworkGateways.get('rg-hub', 'lng-branch');

describe('hang and slow-body: the per-try timeout, retried, and the overall deadline', () => {
  it('a request that is never answered times out per try, is retried once, then fails ETIMEDOUT', async () => {
    emu.setFaults(parseFaultSpec('hang:path=localNetworkGateways'));
    const err = await rejection(getLng());
    expect([err.code, err.message]).toEqual(['ETIMEDOUT', 'no complete answer within 0.3 s (--timeout)']);
    expect(emu.requestLog.count(LNG)).toBe(2);
    expect(classifyArmError(err).kind).toBe('failed');
  });

  it('a hang that lets go after one try is answered on the retry', async () => {
    emu.setFaults(parseFaultSpec('hang:path=localNetworkGateways,times=1'));
    expect((await getLng()).name).toBe('lng-branch');
    expect(emu.requestLog.count(LNG)).toBe(2);
  });

  it('the deadline stops a request whose tries would each be allowed far longer', async () => {
    const slow = connect({ timeoutS: 600 });
    try {
      emu.setFaults(parseFaultSpec('hang'));
      const err = await rejection(runWithDeadline(0.3, () => getLng(slow)));
      expect(err.code).toBe('DeadlineExceeded');
      expect(err.message).toBe('stopped at the 0.3 s deadline (--deadline) before ARM answered');
      expect(emu.requestLog.count(LNG)).toBe(1);
    } finally {
      slow.close();
    }
  });

  it('a body that trickles counts against the try (headers arriving in time are not enough)', async () => {
    emu.setFaults(parseFaultSpec('slow-body:path=localNetworkGateways,bytes-per-s=10'));
    expect((await rejection(getLng())).code).toBe('ETIMEDOUT');
    emu.setFaults(parseFaultSpec('slow-body:path=localNetworkGateways,bytes-per-s=100000'));
    expect((await getLng()).name).toBe('lng-branch');
  });
});

describe('truncate and malformed: a named error, never undefined.value', () => {
  it('a body cut off with the connection closed is retried like a dropped connection', async () => {
    emu.setFaults(parseFaultSpec('truncate:path=localNetworkGateways,times=1'));
    expect((await getLng()).name).toBe('lng-branch');
    emu.setFaults(parseFaultSpec('truncate:path=localNetworkGateways'));
    const err = await rejection(getLng());
    expect(emu.requestLog.count(LNG)).toBe(4);
    expect(classifyArmError(err).kind).toBe('failed');
    expect(err.message).not.toMatch(/\n/);
  });

  it.each([
    ['json', /broken JSON body \(\d+ bytes, cut short or garbled\)/],
    ['content-type', /with text\/plain instead of JSON \(a proxy in the way\?\)/],
  ])('malformed as=%s fails with MalformedResponse naming what came back', async (as, message) => {
    emu.setFaults(parseFaultSpec(`malformed:path=localNetworkGateways,as=${as}`));
    const err = await rejection(getLng());
    expect(err.code).toBe('MalformedResponse');
    expect(err.message).toMatch(message);
    expect(err.message).toMatch(/^ARM answered GET \/subscriptions\/.*localNetworkGateways\/lng-branch/);
  });

  it("a proxy's HTML 502 page is retried as a server error and ends as HTTP 502 in one line", async () => {
    emu.setFaults(parseFaultSpec('malformed:path=localNetworkGateways,as=html'));
    const err = await rejection(getLng());
    expect(err.statusCode).toBe(502);
    expect(emu.requestLog.count(LNG)).toBe(2);
    expect(classifyArmError(err)).toMatchObject({ kind: 'failed', status: 502 });
    expect(classifyArmError(err).message).not.toMatch(/\n/);
  });
});

describe('token-expiry: refresh once and carry on', () => {
  it('after N requests ARM answers 401 ExpiredAuthenticationToken; the client refreshes its token, resends once, and later requests use the new token', async () => {
    emu.setFaults(parseFaultSpec('token-expiry:after=3'));
    const c = connect();
    try {
      for (let i = 0; i < 10; i++) expect((await getLng(c)).name).toBe('lng-branch');
      // 10 answers plus one refused request for each of the three expiries (after requests 3, 6 and 9 of a token).
      expect(emu.requestLog.count(LNG)).toBe(13);
    } finally {
      c.close();
    }
  });

  it('a credential that keeps handing out the expired token ends in one auth error, not a loop', async () => {
    emu.setFaults(parseFaultSpec('token-expiry:after=1'));
    const fixed: TokenCredential = { getToken: async () => ({ token: 'same-token', expiresOnTimestamp: Date.now() + 3_600_000 }) };
    const c = connect({ credential: fixed });
    try {
      expect((await getLng(c)).name).toBe('lng-branch');
      const err = await rejection(getLng(c));
      expect([err.statusCode, err.code]).toEqual([401, 'ExpiredAuthenticationToken']);
      expect(classifyArmError(err).kind).toBe('auth');
      expect(emu.requestLog.count(LNG)).toBe(2);
    } finally {
      c.close();
    }
  });
});

describe("throttle-subscription: ARM's per-subscription read bucket", () => {
  it('counts x-ms-ratelimit-remaining-subscription-reads down and answers 429 with Retry-After when spent', async () => {
    emu.setFaults(parseFaultSpec('throttle-subscription:reads=3,refill=0.01'));
    const path = `/subscriptions/${S1}/resourceGroups/rg-hub/providers/Microsoft.Network/localNetworkGateways/lng-branch?api-version=2024-05-01`;
    const left = [];
    for (let i = 0; i < 3; i++) left.push((await rawRequest(emu, 'GET', path)).headers['x-ms-ratelimit-remaining-subscription-reads']);
    expect(left).toEqual(['2', '1', '0']);
    const spent = await rawRequest(emu, 'GET', path);
    expect([spent.status, spent.json.error.code]).toEqual([429, 'SubscriptionRequestsThrottled']);
    expect(Number(spent.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });

  it('the client paces a subscription whose remaining reads run low, so a burst never meets a 429', async () => {
    emu.setFaults(parseFaultSpec('throttle-subscription:reads=30'));
    const c = connect({ timeoutS: 30 });
    try {
      const names = await Promise.all(Array.from({ length: 60 }, () => c.limit(S1)(() => getLng(c))));
      expect(names.every((r) => r.name === 'lng-branch')).toBe(true);
      // One request per call: none was refused and retried.
      expect(c.counter.total).toBe(60);
    } finally {
      c.close();
    }
  });
});
