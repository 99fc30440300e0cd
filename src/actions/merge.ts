/** JSON merge patch (RFC 7386): objects merge recursively, arrays and scalars replace, null deletes. Never mutates inputs. */
export function mergePatch<T>(target: T, patch: unknown): T {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return structuredClone(patch) as T;
  const base: Record<string, unknown> =
    target && typeof target === 'object' && !Array.isArray(target) ? structuredClone(target as Record<string, unknown>) : {};
  for (const [k, v] of Object.entries(patch as Record<string, unknown>)) {
    if (v === null) delete base[k];
    else base[k] = mergePatch(base[k], v);
  }
  return base as T;
}

/** The body to PUT for an update: the current body with the patch merged and server-owned fields removed. */
export function putBodyFrom<T extends Record<string, unknown>>(current: T, patch: unknown): T {
  const merged = mergePatch(current, patch) as Record<string, unknown>;
  delete merged.etag;
  return merged as T;
}
