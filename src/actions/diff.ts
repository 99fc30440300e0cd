import { isSecretKey, REDACTED } from '../redact.js';

/**
 * Fields ARM sets itself, including runtime state that moves on its own (traffic counters, connection status): showing
 * them as changes would only hide the real change, and a write must not stop because a byte counter moved.
 */
const NOISE = new Set([
  'etag', 'provisioningState', 'resourceGuid',
  'ingressBytesTransferred', 'egressBytesTransferred', 'ingressPacketsDropped', 'egressPacketsDropped',
  'connectionStatus', 'tunnelConnectionStatus',
]);

type Leaf = string | number | boolean | null;

function flatten(value: unknown, path: string, out: Map<string, Leaf>, secret: boolean): void {
  if (Array.isArray(value)) {
    if (value.length === 0) out.set(path, '[]' as Leaf);
    value.forEach((v, i) => flatten(v, `${path}[${i}]`, out, secret));
    return;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0 && path) out.set(path, '{}' as Leaf);
    for (const [k, v] of entries) {
      if (NOISE.has(k)) continue;
      flatten(v, path ? `${path}.${k}` : k, out, secret || isSecretKey(k));
    }
    return;
  }
  if (value === undefined) return;
  out.set(path, secret && typeof value === 'string' && value !== '' ? REDACTED : (value as Leaf));
}

function show(v: Leaf | undefined): string {
  return typeof v === 'string' && v !== '[]' && v !== '{}' ? JSON.stringify(v) : String(v);
}

/** Dotted-path leaves of a body, secrets masked; the building block of diffs and of conflict reports. */
export function leaves(body: unknown): Map<string, Leaf> {
  const out = new Map<string, Leaf>();
  flatten(body, '', out, false);
  return out;
}

/**
 * Readable diff between the current body (undefined for a create) and the body to send:
 * "+ path: value" added, "- path: value" removed, "~ path: old → new" changed. Secrets are masked on both sides,
 * so a changed secret shows as "~ …sharedKey: ***redacted*** → ***redacted*** (changed)".
 */
export function diffBodies(before: unknown, after: unknown): string[] {
  const a = leaves(before);
  const b = leaves(after);
  const lines: string[] = [];
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort(comparePaths);
  for (const k of keys) {
    const has0 = a.has(k);
    const has1 = b.has(k);
    if (has0 && !has1) lines.push(`- ${k}: ${show(a.get(k))}`);
    else if (!has0 && has1) lines.push(`+ ${k}: ${show(b.get(k))}`);
    else if (a.get(k) !== b.get(k)) lines.push(`~ ${k}: ${show(a.get(k))} → ${show(b.get(k))}`);
    else if (a.get(k) === REDACTED && secretChanged(before, after, k)) lines.push(`~ ${k}: ${REDACTED} → ${REDACTED} (changed)`);
  }
  return lines;
}

function secretChanged(before: unknown, after: unknown, path: string): boolean {
  return at(before, path) !== at(after, path);
}

/** Reads a dotted path with [i] indexes (the same spelling diffBodies emits). */
export function at(body: unknown, path: string): unknown {
  let cur: unknown = body;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function comparePaths(x: string, y: string): number {
  return x.localeCompare(y, 'en', { numeric: true });
}
