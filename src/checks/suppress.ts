import { readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { normalizeId } from '../arm/arm-id.js';
import { ErscopeError } from '../errors.js';
import { closeRuleIds, ruleById } from './catalog.js';
import type { Finding } from './types.js';

/** One user suppression: a rule everywhere, or a rule on one resource, with the reason reports show. */
export interface Suppression {
  rule: string;
  resource?: string;
  reason: string;
}

/** The config file looked for in the working directory when no --config is given. */
export const DEFAULT_CONFIG = '.erscope.yaml';

const schema = z.object({
  suppress: z
    .array(
      z.object({
        rule: z.string().trim().min(1),
        resource: z.string().trim().min(1).optional(),
        reason: z.string().trim().min(1),
      }),
    )
    .optional(),
});

/** A zod issue path as the user wrote it in YAML: `suppress[0].rule`, `keys.quit`. */
export function pathText(p: ReadonlyArray<PropertyKey>): string {
  return p.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), '') || '(top level)';
}

/** Parses and validates config text; every problem is a one-line ErscopeError naming the file, the path and the fix. */
export function parseSuppressions(text: string, file: string): Suppression[] {
  let data: unknown;
  try {
    data = YAML.parse(text) ?? {};
  } catch (err) {
    const msg = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    throw new ErscopeError(`${file}: not valid YAML (${msg}). Fix the syntax, e.g. "suppress: [{ rule: peering-disabled, reason: \\"lab\\" }]".`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const missing = issue.code === 'invalid_type' && /undefined/.test(issue.message);
    throw new ErscopeError(`${file}: ${pathText(issue.path)}: ${missing ? 'is required' : issue.message}. Each entry needs "rule" and "reason" (and optionally "resource").`);
  }
  const list = parsed.data.suppress ?? [];
  list.forEach((s, i) => {
    if (ruleById(s.rule)) return;
    const close = closeRuleIds(s.rule);
    throw new ErscopeError(`${file}: suppress[${i}].rule: unknown rule id "${s.rule}".${close.length ? ` Did you mean ${close.join(', ')}?` : ''} Run "erscope rules" for the list.`);
  });
  return list.map((s) => ({ rule: ruleById(s.rule)!.id, ...(s.resource ? { resource: s.resource } : {}), reason: s.reason }));
}

/** Loads suppressions from `--config FILE` (must exist) or `.erscope.yaml` in `cwd` (optional; absent means none). */
export function loadSuppressions(config?: string, cwd: string = process.cwd()): Suppression[] {
  const file = config ? path.resolve(cwd, config) : path.join(cwd, DEFAULT_CONFIG);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (!config && code === 'ENOENT') return [];
    throw new ErscopeError(`${config ?? file}: cannot read the config file (${code ?? String(err)}). Check the --config path.`);
  }
  return parseSuppressions(text, config ?? DEFAULT_CONFIG);
}

/** Marks findings a suppression matches (rule id, and resource id case-insensitively when given); nothing is dropped. */
export function applySuppressions(findings: Finding[], suppressions: Suppression[]): Finding[] {
  if (suppressions.length === 0) return findings;
  return findings.map((f) => {
    const hit = suppressions.find((s) => s.rule.toLowerCase() === f.ruleId.toLowerCase() && (!s.resource || normalizeId(s.resource) === normalizeId(f.resourceId)));
    return hit ? { ...f, suppressed: { reason: hit.reason } } : f;
  });
}
