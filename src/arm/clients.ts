import { AsyncResource } from 'node:async_hooks';
import tls from 'node:tls';
import https from 'node:https';
import type { TokenCredential } from '@azure/core-auth';
import { ServiceClient, type CommonClientOptions } from '@azure/core-client';
import { AuthorizationManagementClient } from '@azure/arm-authorization';
import { NetworkManagementClient } from '@azure/arm-network';
import { ResourceManagementClient } from '@azure/arm-resources';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import pLimit from 'p-limit';
import type { LimitFunction } from 'p-limit';
import { DEFAULT_CLOUD, type AzureCloud } from './cloud.js';
import { ARM_SCOPE, EmulatorCredential, createAzureCredential } from './credential.js';
import { DEFAULT_REQUEST_TIMEOUT_S, deadlinePolicy, requestTimeoutPolicy } from './deadline.js';
import { LOOPBACK_HOSTS, RequestCounter, countingPolicy, hostGuardPolicy, inTestEnvironment } from './policies.js';
import { readBudgetPolicy } from './read-budget.js';
import { responseCheckPolicy } from './response-check.js';
import { TokenRefresher } from './token-refresh.js';

/** Public Azure Resource Manager endpoint. */
export const AZURE_ENDPOINT = DEFAULT_CLOUD.resourceManager;

/** Options for createArmConnection. */
export interface ArmConnectionOptions {
  /** ARM base URL; default the cloud's. Always passed to clients (they would otherwise fall back to public Azure). */
  endpoint?: string;
  /** The Azure cloud (ARM and Resource Graph endpoints, token scope); default AzureCloud. Ignored for the emulator's scope. */
  cloud?: AzureCloud;
  /** Extra CA (the emulator's self-signed certificate) trusted per client via tlsOptions — never a global switch. */
  caPem?: string;
  /** Defaults: EmulatorCredential when caPem is given (emulator), otherwise the Azure CLI-first chain. */
  credential?: TokenCredential;
  retry?: { maxRetries?: number; retryDelayInMs?: number; maxRetryDelayInMs?: number };
  /** Concurrent requests per subscription (default 8). */
  concurrencyPerSubscription?: number;
  /** LRO poll interval (default 2000 ms, tests use 5). */
  pollIntervalMs?: number;
  /** Seconds one try of one request may take, body included (default 30); a late try is retried like a dropped socket. */
  requestTimeoutS?: number;
  /** Hosts requests may go to; defaults to loopback only under a test runner (VITEST / NODE_ENV=test), else unrestricted. */
  allowedHosts?: string[];
}

/** Cached SDK clients for one ARM endpoint, with counting, concurrency limits and (optionally) a host guard. */
export interface ArmConnection {
  endpoint: string;
  /** Where Resource Graph queries go (the cloud's ARM endpoint, or the emulator). */
  resourceGraphEndpoint: string;
  /** The scope every token of this connection is requested for. */
  tokenScope: string;
  pollIntervalMs: number;
  counter: RequestCounter;
  network(subscriptionId: string): NetworkManagementClient;
  authorization(subscriptionId: string): AuthorizationManagementClient;
  resources(subscriptionId: string): ResourceManagementClient;
  subscriptions(): SubscriptionClient;
  /** A bare SDK client (same pipeline: credential, retries, counting, CA) for tenant-level calls such as Resource Graph. */
  generic(): ServiceClient;
  /** p-limit function shared by every call into one subscription. */
  limit(subscriptionId: string): LimitFunction;
  close(): void;
}

/** Builds an ArmConnection; clients are created lazily and cached per subscription. */
export function createArmConnection(opts: ArmConnectionOptions = {}): ArmConnection {
  const cloud = opts.cloud ?? DEFAULT_CLOUD;
  const endpoint = (opts.endpoint ?? cloud.resourceManager).replace(/\/+$/, '');
  const resourceGraphEndpoint = (opts.endpoint ?? cloud.resourceGraph).replace(/\/+$/, '');
  // The emulator accepts any token; a real cloud wants its own audience.
  const tokenScope = opts.caPem ? ARM_SCOPE : cloud.tokenScope;
  const refresher = new TokenRefresher(opts.credential ?? (opts.caPem ? new EmulatorCredential() : createAzureCredential(process.env, cloud)), tokenScope);
  const credential = refresher.credential;
  const counter = new RequestCounter();
  const agent = new https.Agent({
    keepAlive: true,
    // 64, not more: every extra socket costs a TLS handshake on both ends, and at this size the handshakes cost more
    // than the queueing (bench, 458 requests: 1.0 s with 64 sockets, 1.4 s with 256; 32 starts to queue).
    maxSockets: 64,
    // Built once: a `ca` option alone makes Node build a TLS context per socket.
    ...(opts.caPem ? { secureContext: tls.createSecureContext({ ca: opts.caPem }) } : {}),
  });
  const allowedHosts = opts.allowedHosts ?? (inTestEnvironment() ? LOOPBACK_HOSTS : undefined);
  // Outside the retries: the command's deadline also cuts a retry's wait short. Then each try, in this order: a fresh
  // token after an expired one, pacing by the subscription's read budget, counting (only what is really sent), the
  // host guard, the try's own time limit around the wire, and the check that a 2xx body is ARM's JSON.
  const additionalPolicies: NonNullable<CommonClientOptions['additionalPolicies']> = [
    { policy: deadlinePolicy(), position: 'perCall' },
    { policy: refresher.policy(), position: 'perRetry' },
    { policy: readBudgetPolicy(), position: 'perRetry' },
    { policy: countingPolicy(counter), position: 'perRetry' },
  ];
  if (allowedHosts) additionalPolicies.push({ policy: hostGuardPolicy(allowedHosts), position: 'perRetry' });
  additionalPolicies.push(
    { policy: requestTimeoutPolicy((opts.requestTimeoutS ?? DEFAULT_REQUEST_TIMEOUT_S) * 1000), position: 'perRetry' },
    { policy: responseCheckPolicy(), position: 'perRetry' },
  );
  const clientOptions = {
    endpoint,
    credentialScopes: tokenScope,
    // One keep-alive agent for every client: the emulator's CA is trusted here (never globally), and sharing the
    // pool avoids a TLS handshake per subscription client (the inventory bench was CPU-bound on handshakes).
    agent,
    retryOptions: {
      maxRetries: opts.retry?.maxRetries ?? 3,
      retryDelayInMs: opts.retry?.retryDelayInMs ?? 800,
      maxRetryDelayInMs: opts.retry?.maxRetryDelayInMs ?? 30_000,
    },
    additionalPolicies,
    userAgentOptions: { userAgentPrefix: 'erscope' },
  };
  const cache = new Map<string, unknown>();
  const limits = new Map<string, LimitFunction>();
  const cached = <T>(key: string, make: () => T): T => {
    if (!cache.has(key)) cache.set(key, make());
    return cache.get(key) as T;
  };
  return {
    endpoint,
    resourceGraphEndpoint,
    tokenScope,
    pollIntervalMs: opts.pollIntervalMs ?? 2000,
    counter,
    network: (sub) => cached(`net:${sub}`, () => new NetworkManagementClient(credential, sub, clientOptions)),
    authorization: (sub) => cached(`auth:${sub}`, () => new AuthorizationManagementClient(credential, sub, clientOptions)),
    resources: (sub) => cached(`res:${sub}`, () => new ResourceManagementClient(credential, sub, clientOptions)),
    subscriptions: () => cached('subs', () => new SubscriptionClient(credential, clientOptions)),
    generic: () => cached('generic', () => new ServiceClient({ ...clientOptions, credential })),
    limit(sub) {
      const key = sub.toLowerCase();
      if (!limits.has(key)) limits.set(key, contextKeeping(pLimit(opts.concurrencyPerSubscription ?? 8)));
      return limits.get(key)!;
    },
    close() {
      agent.destroy();
      cache.clear();
      limits.clear();
    },
  };
}

/**
 * p-limit starts a queued call from whichever call finished before it; binding each call to its caller's async context
 * keeps the caller's deadline (an explorer refresh's, a command's) on it rather than a neighbour's.
 */
function contextKeeping(limit: LimitFunction): LimitFunction {
  const bound = ((fn: (...a: unknown[]) => unknown, ...args: unknown[]) => limit(AsyncResource.bind(fn), ...args)) as unknown as LimitFunction;
  return Object.defineProperties(bound, {
    activeCount: { get: () => limit.activeCount },
    pendingCount: { get: () => limit.pendingCount },
    concurrency: { get: () => limit.concurrency, set: (n: number) => (limit.concurrency = n) },
    clearQueue: { value: () => limit.clearQueue() },
  });
}
