/** Marker that replaces every secret value in output, snapshots and logs. */
export const REDACTED = '***redacted***';

const SECRET_KEYS = new Set(['authorizationkey', 'sharedkey', 'psk', 'presharedkey', 'primarysharedkey', 'secondarysharedkey']);

/** True when a property name holds a secret (authorization keys, VPN/BGP/MD5 shared keys). */
export function isSecretKey(key: string): boolean {
  return SECRET_KEYS.has(key.toLowerCase());
}

/** Deep copy with every secret-named string replaced by REDACTED; the one masking function every output path uses. */
export function redact<T>(value: T): T {
  return redactInner(value, new WeakMap()) as T;
}

function redactInner(value: unknown, seen: WeakMap<object, unknown>): unknown {
  if (Array.isArray(value)) return value.map((v) => redactInner(v, seen));
  if (value && typeof value === 'object') {
    const cached = seen.get(value as object);
    if (cached) return cached;
    const out: Record<string, unknown> = {};
    seen.set(value as object, out);
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out[k] = isSecretKey(k) && typeof v === 'string' && v !== '' ? REDACTED : redactInner(v, seen);
    }
    return out;
  }
  return value;
}

/** Masks secrets in free text (error messages, logged URLs) by the known key=value and JSON shapes. */
export function redactText(text: string): string {
  return text.replace(/("?(?:authorizationKey|sharedKey|psk)"?\s*[:=]\s*"?)([^"\s,}&]+)/gi, (_m, k: string) => `${k}${REDACTED}`);
}
