import type { AccessToken, TokenCredential } from '@azure/core-auth';
import {
  AggregateAuthenticationError,
  AzureCliCredential,
  AzureDeveloperCliCredential,
  ChainedTokenCredential,
  CredentialUnavailableError,
  DefaultAzureCredential,
} from '@azure/identity';
import { ErscopeError } from '../errors.js';
import { DEFAULT_CLOUD, type AzureCloud } from './cloud.js';

/** The public cloud's ARM token scope (also forced on clients pointed at the emulator). */
export const ARM_SCOPE = DEFAULT_CLOUD.tokenScope;

/** One-line message for "no way to get a token". */
export const NO_CREDENTIAL_MESSAGE =
  'No Azure credential found: run `az login` (or set AZURE_* env vars), or use --demo to try erscope on the bundled emulator.';

/** Bearer token for the emulator, which accepts any token; each call mints a new one, so a refresh is visible to its token-expiry fault. */
export class EmulatorCredential implements TokenCredential {
  private minted = 0;
  private readonly id = Math.random().toString(36).slice(2, 8);

  async getToken(): Promise<AccessToken> {
    this.minted += 1;
    return { token: `emulator-token-${this.id}-${this.minted}`, expiresOnTimestamp: Date.now() + 3_600_000, tokenType: 'Bearer' };
  }
}

/**
 * Fast-failing Azure credential: Azure CLI and azd first (milliseconds when absent). The full DefaultAzureCredential
 * chain, whose managed-identity probe costs ~1 s on a laptop, only joins when the environment says it can work
 * (service-principal variables, a managed-identity endpoint, workload identity, or AZURE_TOKEN_CREDENTIALS).
 */
export function createAzureCredential(env: NodeJS.ProcessEnv = process.env, cloud: AzureCloud = DEFAULT_CLOUD): TokenCredential {
  const chain: TokenCredential[] = [
    // az and azd sign in at their own configured cloud (`az cloud set`); only the scope they are asked for changes.
    new AzureCliCredential({ processTimeoutInMs: 15_000 }),
    new AzureDeveloperCliCredential({ processTimeoutInMs: 15_000 }),
  ];
  // An explicit AZURE_AUTHORITY_HOST (a private authority) stays stronger than the cloud's public one.
  if (wantsFullChain(env)) chain.push(new DefaultAzureCredential({ authorityHost: env.AZURE_AUTHORITY_HOST || cloud.authorityHost }));
  return new ChainedTokenCredential(...chain);
}

/** Environment markers of a non-interactive identity (CI service principal, managed or workload identity). */
export function wantsFullChain(env: NodeJS.ProcessEnv): boolean {
  return Boolean(
    env.AZURE_CLIENT_ID || env.AZURE_TENANT_ID || env.IDENTITY_ENDPOINT || env.MSI_ENDPOINT || env.AZURE_FEDERATED_TOKEN_FILE || env.AZURE_TOKEN_CREDENTIALS,
  );
}

/** True for the identity errors that mean "nothing is logged in / configured". */
export function isCredentialUnavailable(e: unknown): boolean {
  return (
    e instanceof CredentialUnavailableError ||
    e instanceof AggregateAuthenticationError ||
    (e instanceof Error && (e.name === 'CredentialUnavailableError' || e.name === 'AggregateAuthenticationError'))
  );
}

/** Gets one token up front so a missing login fails at start-up with one clear line; returns the tenant id from the token when it has one. */
export async function assertCredential(cred: TokenCredential, cloud: AzureCloud = DEFAULT_CLOUD): Promise<string | undefined> {
  let token;
  // Outside the public cloud the usual cause is az signed in to another cloud: say how az switches.
  const hint = cloud === DEFAULT_CLOUD ? '' : ` (for ${cloud.name}: az cloud set --name ${cloud.name} && az login)`;
  try {
    token = await cred.getToken(cloud.tokenScope);
    if (!token) throw new CredentialUnavailableError('no token returned');
  } catch (e) {
    if (isCredentialUnavailable(e)) throw new ErscopeError(NO_CREDENTIAL_MESSAGE + hint, SOURCE_UNAVAILABLE_EXIT);
    throw new ErscopeError(`Azure sign-in failed${cloud === DEFAULT_CLOUD ? '' : ` for ${cloud.name}`}: ${(e as Error).message.split('\n')[0]}${hint}`, SOURCE_UNAVAILABLE_EXIT);
  }
  return tenantOf(token.token);
}

/** Exit code for "the source could not be reached" (README: 4). */
const SOURCE_UNAVAILABLE_EXIT = 4;

function tenantOf(jwt: string): string | undefined {
  try {
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as { tid?: unknown };
    return typeof payload.tid === 'string' ? payload.tid : undefined;
  } catch {
    return undefined;
  }
}
