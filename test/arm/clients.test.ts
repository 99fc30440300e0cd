import { AggregateAuthenticationError, ChainedTokenCredential, CredentialUnavailableError } from '@azure/identity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArmConnection } from '../../src/arm/clients.js';
import { EmulatorCredential, NO_CREDENTIAL_MESSAGE, assertCredential, createAzureCredential } from '../../src/arm/credential.js';
import { classifyArmError } from '../../src/arm/errors.js';
import { HostNotAllowedError } from '../../src/arm/policies.js';
import { rawList } from '../../src/arm/raw.js';
import { ErscopeError } from '../../src/errors.js';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { startEmulator } from '../../src/emulator/server.js';
import { S1, S2, SMALL, rejection } from '../emulator/helpers.js';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ scenarioFile: SMALL, pageSize: 1, timeScale: 0 });
});
afterAll(async () => emu.close());

const fast = { maxRetries: 1, retryDelayInMs: 5, maxRetryDelayInMs: 10 };

describe('createArmConnection', () => {
  it('caches clients per subscription and counts every request per subscription and method', async () => {
    const conn = createArmConnection({ endpoint: emu.endpoint, caPem: emu.caPem, retry: fast });
    expect(conn.network(S1)).toBe(conn.network(S1));
    expect(conn.network(S1)).not.toBe(conn.network(S2));
    const raw = await rawList((o) => conn.network(S1).virtualNetworkGateways.list('rg-hub', o));
    expect(raw.map((r) => r.name)).toEqual(['ergw', 'vpngw']);
    expect(raw[0]!.properties!.gatewayType).toBe('ExpressRoute');
    expect(conn.counter.total).toBe(2);
    expect(conn.counter.bySubscription.get(S1)).toBe(2);
    expect(conn.counter.byMethod.get('GET')).toBe(2);
    expect(conn.limit(S1)).toBe(conn.limit(S1.toUpperCase()));
    expect(conn.limit(S1).concurrency).toBe(8);
  });

  it('refuses non-loopback hosts under the test runner (never reaches Azure)', async () => {
    const conn = createArmConnection({ credential: new EmulatorCredential(), retry: fast });
    expect(conn.endpoint).toBe('https://management.azure.com');
    const err = await rejection(rawList((o) => conn.network(S1).expressRouteCircuits.listAll(o)));
    expect(err).toBeInstanceOf(HostNotAllowedError);
    expect(err.message).toContain('management.azure.com');
    expect(conn.counter.total).toBeGreaterThanOrEqual(1);
    const explicit = createArmConnection({ endpoint: emu.endpoint, caPem: emu.caPem, allowedHosts: ['localhost'], retry: fast });
    expect(await rejection(explicit.network(S1).localNetworkGateways.get('rg-hub', 'lng-branch'))).toBeInstanceOf(HostNotAllowedError);
  });

  it('follows nextLink pages and keeps raw bodies from every page', async () => {
    const conn = createArmConnection({ endpoint: emu.endpoint, caPem: emu.caPem, retry: fast });
    const subnets = await rawList((o) => conn.network(S1).subnets.list('rg-hub', 'vnet-hub', o));
    expect(subnets.map((s) => s.properties!.addressPrefix)).toEqual(['10.0.255.0/27', '10.0.0.0/24']);
    expect(conn.counter.total).toBe(2);
  });
});

describe('classifyArmError', () => {
  it('maps RestErrors from the emulator by status', async () => {
    const conn = createArmConnection({ endpoint: emu.endpoint, caPem: emu.caPem, retry: fast });
    expect(classifyArmError(await rejection(conn.network(S1).localNetworkGateways.get('rg-hub', 'nope')))).toMatchObject({
      kind: 'not-found', status: 404, code: 'ResourceNotFound',
    });
    const forbidden = classifyArmError(await rejection(rawList((o) => conn.network('33333333-3333-3333-3333-333333333333').vpnSites.list(o))));
    expect(forbidden).toMatchObject({ kind: 'forbidden', status: 403, code: 'AuthorizationFailed' });
    expect(forbidden.message).not.toContain('\n');
  });

  it('maps connection refused, identity errors and redacts secrets', async () => {
    const closed = await startEmulator({ scenarioFile: SMALL });
    const conn = createArmConnection({ endpoint: closed.endpoint, caPem: closed.caPem, retry: { maxRetries: 0 } });
    await closed.close();
    expect(classifyArmError(await rejection(conn.network(S1).localNetworkGateways.get('rg-hub', 'x')))).toMatchObject({ kind: 'failed', code: 'ECONNREFUSED' });
    expect(classifyArmError(new AggregateAuthenticationError([], 'nothing')).kind).toBe('auth');
    expect(classifyArmError(new Error('bad "authorizationKey": "s3cret" here')).message).not.toContain('s3cret');
  });
});

describe('credentials', () => {
  it('assertCredential maps unavailable credentials to one ErscopeError line', async () => {
    for (const e of [new CredentialUnavailableError('az missing'), new AggregateAuthenticationError([new CredentialUnavailableError('x')], 'chain')]) {
      const err = await rejection(assertCredential({ getToken: async () => Promise.reject(e) }));
      expect(err).toBeInstanceOf(ErscopeError);
      expect(err.message).toBe(NO_CREDENTIAL_MESSAGE);
    }
    await expect(assertCredential(new EmulatorCredential())).resolves.toBeUndefined();
  });

  it('createAzureCredential is a chain (not invoked here: tests never reach Azure)', () => {
    expect(createAzureCredential()).toBeInstanceOf(ChainedTokenCredential);
  });
});

describe('createAzureCredential', () => {
  it('joins the slow managed-identity chain only when the environment names a non-interactive identity', async () => {
    const { wantsFullChain } = await import('../../src/arm/credential.js');
    expect(wantsFullChain({})).toBe(false);
    expect(wantsFullChain({ HOME: '/root' })).toBe(false);
    expect(wantsFullChain({ AZURE_CLIENT_ID: 'x' })).toBe(true);
    expect(wantsFullChain({ IDENTITY_ENDPOINT: 'http://169.254.169.254' })).toBe(true);
    expect(wantsFullChain({ AZURE_TOKEN_CREDENTIALS: 'prod' })).toBe(true);
  });
});
