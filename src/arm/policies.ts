import type { PipelinePolicy } from '@azure/core-rest-pipeline';

/** Requests sent through an ArmConnection, counted per try (retries and polls included). */
export class RequestCounter {
  total = 0;
  readonly bySubscription = new Map<string, number>();
  readonly byMethod = new Map<string, number>();

  /** Records one outgoing request URL. */
  record(method: string, url: string): void {
    this.total += 1;
    this.byMethod.set(method, (this.byMethod.get(method) ?? 0) + 1);
    const m = /\/subscriptions\/([^/?#]+)/i.exec(url);
    if (m) {
      const sub = decodeURIComponent(m[1]!).toLowerCase();
      this.bySubscription.set(sub, (this.bySubscription.get(sub) ?? 0) + 1);
    }
  }
}

/** Pipeline policy that feeds a RequestCounter. */
export function countingPolicy(counter: RequestCounter): PipelinePolicy {
  return {
    name: 'erscopeRequestCounter',
    sendRequest: (req, next) => {
      counter.record(req.method, req.url);
      return next(req);
    },
  };
}

/** Hosts a loopback-only connection may reach. */
export const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost'];

/** Error raised by the host guard; never retried (it is not a network error). */
export class HostNotAllowedError extends Error {
  constructor(readonly host: string) {
    super(`erscope refused a request to ${host}: only ${LOOPBACK_HOSTS.join(', ')} are allowed here (tests and emulator runs never reach Azure).`);
    this.name = 'HostNotAllowedError';
  }
}

/** Pipeline policy that refuses every host not in the list — so a test can never reach management.azure.com. */
export function hostGuardPolicy(allowedHosts: string[]): PipelinePolicy {
  const allowed = new Set(allowedHosts.map((h) => h.toLowerCase()));
  return {
    name: 'erscopeHostGuard',
    sendRequest: async (req, next) => {
      const host = new URL(req.url).hostname.toLowerCase().replace(/^\[|\]$/g, '');
      if (!allowed.has(host)) throw new HostNotAllowedError(host);
      return next(req);
    },
  };
}

/** True when running under a test runner, where the host guard is on by default. */
export function inTestEnvironment(): boolean {
  return Boolean(process.env.VITEST) || process.env.NODE_ENV === 'test';
}
