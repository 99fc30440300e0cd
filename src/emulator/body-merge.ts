/** Pure helpers on raw ARM bodies: timeline/state patches and the `properties: {}` ARM adds to references. */

/** Recursive merge where objects merge and everything else (arrays included) replaces. */
export function deepMerge(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    const b = out[k];
    out[k] =
      v && typeof v === 'object' && !Array.isArray(v) && b && typeof b === 'object' && !Array.isArray(b)
        ? deepMerge(b as Record<string, unknown>, v as Record<string, unknown>)
        : v;
  }
  return out;
}

/** Adds `properties: {}` to every `{ id }`-only reference object, as ARM does (newer SDKs crash without it). */
export function addReferenceProperties(value: unknown): unknown {
  if (Array.isArray(value)) {
    for (const v of value) addReferenceProperties(v);
  } else if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj);
    if (keys.length === 1 && keys[0] === 'id' && typeof obj.id === 'string') obj.properties = {};
    for (const v of Object.values(obj)) addReferenceProperties(v);
  }
  return value;
}
