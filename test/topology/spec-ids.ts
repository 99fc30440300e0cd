import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArmResource } from '../../src/inventory/types.js';

/** Directories holding the published REST API examples (the shared copy is optional: CI has only the fixtures). */
export const SPEC_DIRS = [fileURLToPath(new URL('../fixtures/spec-examples/', import.meta.url)), '/work/shared/spec-examples/'].filter((d) => existsSync(d));

/** Every resource body in every response of every example: `{file, status, body}`; list answers contribute their items. */
export function specBodies(): Array<{ label: string; body: ArmResource }> {
  const out: Array<{ label: string; body: ArmResource }> = [];
  for (const dir of SPEC_DIRS) {
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
      const doc = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { responses?: Record<string, { body?: unknown }> };
      for (const [status, r] of Object.entries(doc.responses ?? {})) {
        const b = r.body as Record<string, unknown> | undefined;
        const items = Array.isArray(b?.value) ? (b!.value as unknown[]) : [b];
        items.forEach((item, i) => {
          if (item && typeof item === 'object' && typeof (item as ArmResource).id === 'string' && /\/providers\//i.test((item as ArmResource).id)) {
            out.push({ label: `${dir.includes('fixtures') ? 'fixtures' : 'shared'}/${f} ${status}${items.length > 1 ? `[${i}]` : ''}`, body: item as ArmResource });
          }
        });
      }
    }
  }
  return out;
}

/** An ARM id string as the issue defines it: `/subscriptions/…/providers/…`. */
export const ARM_ID = /^\/subscriptions\/[^/]+\/(resourceGroups\/[^/]+\/)?providers\/[^/]+\/[^/]+\/[^/]+/i;

/**
 * Every ARM id string in a body with its JSON path, written independently of the product's walker so the test can fail:
 * a plain recursive walk that only skips what another node owns (the inside of an embedded child with its own id,
 * whose `id` itself is still listed).
 */
export function idStrings(body: unknown, embeddedProps: readonly string[], path = ''): Array<{ path: string; id: string }> {
  const out: Array<{ path: string; id: string }> = [];
  const walk = (v: unknown, p: string, depth: number): void => {
    if (typeof v === 'string') {
      if (ARM_ID.test(v)) out.push({ path: p, id: v });
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, `${p}[${i}]`, depth));
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        const cp = p ? `${p}.${k}` : k;
        if (depth === 1 && embeddedProps.includes(k) && Array.isArray(x)) {
          x.forEach((c, i) => {
            if (c && typeof c === 'object' && typeof (c as ArmResource).id === 'string') out.push({ path: `${cp}[${i}].id`, id: (c as ArmResource).id });
            else walk(c, `${cp}[${i}]`, depth + 1);
          });
          continue;
        }
        walk(x, cp, p === '' && k === 'properties' ? 1 : depth + 1);
      }
    }
  };
  walk(body, path, 0);
  return out;
}
