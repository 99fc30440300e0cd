import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import type { PipelinePolicy, PipelineResponse } from '@azure/core-rest-pipeline';

/**
 * A credential wrapper plus a policy that together survive a token ARM calls expired before its stated expiry (clock
 * skew, a revoked session, a long run): on 401 ExpiredAuthenticationToken the policy gets a fresh token once, resends
 * once, and later requests carry the fresh token (the SDK's bearer policy would keep its cached one until expiry).
 */
export class TokenRefresher {
  private stale = new Set<string>();
  private fresh?: AccessToken;
  private refreshing?: Promise<AccessToken | null>;

  constructor(private readonly inner: TokenCredential, private readonly scopes: string | string[]) {}

  /** The credential handed to the SDK clients. */
  readonly credential: TokenCredential = {
    getToken: (scopes: string | string[], options?: GetTokenOptions) => this.inner.getToken(scopes, options),
  };

  /** perRetry policy (after the bearer policy has set the header). */
  policy(): PipelinePolicy {
    return {
      name: 'erscopeTokenRefresh',
      sendRequest: async (req, next) => {
        const sent = bearerOf(req.headers.get('authorization'));
        if (sent && this.stale.has(sent) && this.fresh) req.headers.set('authorization', `Bearer ${this.fresh.token}`);
        const res = await next(req);
        if (!isExpiredToken(res)) return res;
        const used = bearerOf(req.headers.get('authorization'));
        const token = await this.refresh(used);
        if (!token || token.token === used) return res;
        req.headers.set('authorization', `Bearer ${token.token}`);
        return next(req);
      },
    };
  }

  private async refresh(expired: string | undefined): Promise<AccessToken | null> {
    if (expired && this.fresh && this.fresh.token !== expired && !this.stale.has(this.fresh.token)) return this.fresh;
    if (expired) this.stale.add(expired);
    this.refreshing ??= this.inner.getToken(this.scopes, {}).then(
      (t) => {
        if (t) this.fresh = t;
        return t;
      },
      () => null,
    ).finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }
}

function bearerOf(header: string | undefined): string | undefined {
  return header?.replace(/^Bearer\s+/i, '') || undefined;
}

/** ARM's answer to an expired token: 401 with code ExpiredAuthenticationToken (or a WWW-Authenticate invalid_token). */
export function isExpiredToken(res: PipelineResponse): boolean {
  if (res.status !== 401) return false;
  if (/ExpiredAuthenticationToken/.test(res.bodyAsText ?? '')) return true;
  return /error="invalid_token"/i.test(res.headers.get('www-authenticate') ?? '') && /expir/i.test(res.headers.get('www-authenticate') ?? '');
}
