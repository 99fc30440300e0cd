import type { FullOperationResponse } from '@azure/core-client';
import type { ArmConnection } from '../arm/clients.js';
import { classifyArmError } from '../arm/errors.js';
import { ifMatchOptions, lroOptions, rawBody } from '../arm/raw.js';
import { ErscopeError } from '../errors.js';
import { principalFromAuthorization } from './audit.js';
import type { ArmResource } from '../inventory/types.js';
import { address, sdkGet, sdkPut, toSdkModel } from './sdk-ops.js';

/** Whether the session may write; read-only is the default everywhere. */
export type SessionMode = 'read-only' | 'read-write';

/** One observation while a write runs: the state ARM reported and how long it has been. */
export interface WriteProgress {
  /** ARM's word: Updating / InProgress / Succeeded / Failed (provisioningState or async-operation status). */
  state: string;
  elapsedMs: number;
  /** HTTP responses seen so far (PUT + polls + final GET). */
  responses: number;
}

/** The only object that can change Azure; built from a connection only in read-write mode. */
export interface Writer {
  readonly mode: 'read-write';
  readonly conn: ArmConnection;
  /** Raw GET of one resource; undefined on 404. */
  read(id: string): Promise<ArmResource | undefined>;
  /** Who the writes run as, from the last bearer token sent (see principalFromAuthorization). */
  principal(): string;
  /** PUT through the typed SDK call with If-Match when given; resolves when the LRO ends, with the raw final body. */
  put(id: string, body: Record<string, unknown>, opts?: { ifMatch?: string; onProgress?: (p: WriteProgress) => void; signal?: AbortSignal }): Promise<ArmResource>;
}

/** Builds the writer for a session; read-only sessions get an error instead, so no write path exists for them. */
export function createWriter(conn: ArmConnection | undefined, opts: { mode: SessionMode }): Writer {
  if (opts.mode !== 'read-write') {
    throw new ErscopeError('this session is read-only (--read-only): nothing can be written; start without --read-only to apply, or use --dry-run to review the plan');
  }
  if (!conn) throw new ErscopeError('writes need a live source (Azure or the emulator); a snapshot cannot be changed');
  let auth: string | undefined;
  const seen = (raw: FullOperationResponse) => void (auth = raw.request.headers.get('authorization') ?? auth);
  return {
    mode: 'read-write',
    conn,
    principal: () => principalFromAuthorization(auth, conn.endpoint),
    read: (id) => readRaw(conn, id, seen),
    put: (id, body, o = {}) => putRaw(conn, id, body, o, seen),
  };
}

/** Raw GET through the typed SDK call; 404 → undefined, anything else is thrown. */
export async function readRaw(conn: ArmConnection, id: string, seen?: (raw: FullOperationResponse) => void): Promise<ArmResource | undefined> {
  const a = address(id);
  let body: unknown;
  try {
    await sdkGet(conn.network(a.subscriptionId), a, {
      onResponse: (raw: FullOperationResponse) => {
        seen?.(raw);
        body = rawBody(raw);
      },
    });
  } catch (e) {
    if (classifyArmError(e).kind === 'not-found') return undefined;
    throw e;
  }
  return body as ArmResource;
}

async function putRaw(
  conn: ArmConnection,
  id: string,
  body: Record<string, unknown>,
  o: { ifMatch?: string; onProgress?: (p: WriteProgress) => void; signal?: AbortSignal },
  seen: (raw: FullOperationResponse) => void,
): Promise<ArmResource> {
  const a = address(id);
  const started = Date.now();
  let responses = 0;
  let last: ArmResource | undefined;
  const onResponse = (raw: FullOperationResponse) => {
    responses += 1;
    seen(raw);
    const parsed = rawBody(raw) as Record<string, unknown> | undefined;
    const state = stateOf(parsed);
    if (parsed && typeof parsed.id === 'string' && parsed.properties) last = parsed as ArmResource;
    if (state) o.onProgress?.({ state, elapsedMs: Date.now() - started, responses });
  };
  const base = ifMatchOptions(o.ifMatch);
  const poller = await sdkPut(conn.network(a.subscriptionId), a, toSdkModel(body), {
    ...base,
    ...lroOptions(conn),
    onResponse,
    ...(o.signal ? { abortSignal: o.signal } : {}),
  });
  await poller.pollUntilDone();
  // The poller's final GET already came through onResponse; re-read only when it did not (no body on the last response).
  return last && stateOf(last as unknown as Record<string, unknown>) !== 'Updating' ? last : ((await readRaw(conn, id, seen)) ?? last ?? ({ id } as ArmResource));
}

function stateOf(body: Record<string, unknown> | undefined): string | undefined {
  if (!body) return undefined;
  if (typeof body.status === 'string') return body.status;
  const p = body.properties as Record<string, unknown> | undefined;
  return typeof p?.provisioningState === 'string' ? p.provisioningState : undefined;
}
