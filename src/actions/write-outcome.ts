import type { ArmResource } from '../inventory/types.js';
import { props } from './graph-query.js';

/**
 * Errors after which ARM may or may not have applied a write: the answer was lost (timeout, deadline, dropped or cut
 * connection, a body that was not ARM's JSON, a proxy's 5xx page). A definite ARM error (4xx, a Failed operation) is not.
 */
export function isLostAnswer(e: unknown): boolean {
  const err = (e ?? {}) as { code?: string; statusCode?: number; name?: string };
  if (err.name === 'AbortError') return false;
  if (['ETIMEDOUT', 'DeadlineExceeded', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'MalformedResponse', 'PARSE_ERROR'].includes(err.code ?? '')) return true;
  return err.statusCode === 502 || err.statusCode === 504;
}

/** What reading the target back after a lost answer shows. */
export type ReadBack = { landed: true; resource: ArmResource } | { landed: false } | { unknown: string };

/**
 * Reads the target after a lost answer to learn whether the write landed: a create landed when the resource now
 * exists; an update when its etag moved from the one sent in If-Match. An unreadable target leaves it unknown.
 */
export async function readBack(read: (id: string) => Promise<ArmResource | undefined>, targetId: string, create: boolean, ifMatch: string | undefined): Promise<ReadBack> {
  let current: ArmResource | undefined;
  try {
    current = await read(targetId);
  } catch (e) {
    return { unknown: String((e as Error)?.message ?? e).split('\n')[0]! };
  }
  if (!current) return { landed: false };
  const moved = create ? true : Boolean(ifMatch && current.etag && current.etag !== ifMatch);
  if (!moved) return { landed: false };
  return String(props(current).provisioningState ?? 'Succeeded') === 'Failed' ? { landed: false } : { landed: true, resource: current };
}
