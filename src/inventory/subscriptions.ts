import type { ArmConnection } from '../arm/clients.js';
import { ErscopeError } from '../errors.js';
import { redactText } from '../redact.js';
import { listRaw } from '../arm/raw-list.js';
import type { SubscriptionInfo } from './types.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every subscription the caller can see (one tenant-level list), with display names. */
export async function listSubscriptions(conn: ArmConnection, signal?: AbortSignal): Promise<{ subscriptions: SubscriptionInfo[]; pages: number }> {
  try {
    const res = await listRaw((o) => conn.subscriptions().subscriptions.list(o), signal);
    const subscriptions = res.items
      .filter((s) => typeof s.subscriptionId === 'string')
      .map((s) => ({
        subscriptionId: s.subscriptionId as string,
        displayName: typeof s.displayName === 'string' ? s.displayName : (s.subscriptionId as string),
        ...(typeof s.state === 'string' ? { state: s.state } : {}),
      }));
    return { subscriptions, pages: res.pages };
  } catch (err) {
    if (signal?.aborted) throw err;
    const e = err as { statusCode?: number; message?: string; code?: string };
    const why = redactText(String(e.message ?? err).split('\n')[0] ?? '');
    const fix =
      e.code === 'ETIMEDOUT' || e.code === 'DeadlineExceeded'
        ? 'ARM is slow or unreachable: try again, or raise --timeout / --deadline'
        : e.code === 'MalformedResponse'
          ? 'something between you and ARM (a proxy?) answered instead: check the network path'
          : 'check you are signed in (az login) and the endpoint is right';
    throw new ErscopeError(`cannot list subscriptions at ${conn.endpoint}${e.statusCode ? ` (HTTP ${e.statusCode})` : ''}: ${why}; ${fix}`, 4);
  }
}

/**
 * Picks the subscriptions in scope: all visible ones, or those named by id or display name (case-insensitive).
 * An unknown GUID is kept (it may be forbidden: the read then reports it); an unknown name is an error listing the known ones.
 */
export function selectSubscriptions(visible: SubscriptionInfo[], wanted?: string[]): SubscriptionInfo[] {
  if (!wanted || wanted.length === 0) return visible;
  const out: SubscriptionInfo[] = [];
  const seen = new Set<string>();
  for (const raw of wanted) {
    const w = raw.trim().replace(/^@/, '');
    const lw = w.toLowerCase();
    const hit = visible.find((s) => s.subscriptionId.toLowerCase() === lw) ?? visible.find((s) => s.displayName.toLowerCase() === lw);
    const pick = hit ?? (GUID.test(w) ? { subscriptionId: w, displayName: w } : undefined);
    if (!pick) {
      const known = visible.map((s) => `${s.displayName} (${s.subscriptionId})`).join(', ') || 'none';
      throw new ErscopeError(`unknown subscription "${raw}"; known subscriptions: ${known}`);
    }
    if (seen.has(pick.subscriptionId.toLowerCase())) continue;
    seen.add(pick.subscriptionId.toLowerCase());
    out.push(pick);
  }
  return out;
}
