import type { Finding, FixSpec, Rule, RuleContext, Severity } from './types.js';
import { model, type Model } from './model.js';

/** What a rule body reports for one resource; metadata (rule id, docs, default severity and title) is filled in. */
export interface Hit {
  reason: string;
  evidence: Record<string, unknown>;
  fix?: FixSpec;
  severity?: Severity;
  title?: string;
  docs?: string;
}

/** Collects a rule's hits as findings. */
export type Emit = (resourceId: string, hit: Hit) => void;

/** Declares a catalog rule: metadata plus a body that reads the indexed graph and emits hits. */
export function defineRule(meta: Omit<Rule, 'run'>, body: (m: Model, emit: Emit, ctx: RuleContext) => void): Rule {
  return {
    ...meta,
    run(ctx: RuleContext): Finding[] {
      const out: Finding[] = [];
      body(model(ctx.graph), (resourceId, hit) => {
        out.push({
          ruleId: meta.id,
          severity: hit.severity ?? meta.severity,
          resourceId,
          title: hit.title ?? meta.title,
          reason: hit.reason,
          evidence: hit.evidence,
          ...(hit.fix ? { fix: hit.fix } : {}),
          docs: hit.docs ?? meta.docs,
        });
      }, ctx);
      return out;
    },
  };
}

/** A number from an unknown property value, or undefined. */
export function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

/** Short display name for messages: the resource's name path (circuit/peering), from its id. */
export function shortName(id: string): string {
  const m = /\/providers\/[^/]+\/(.+)$/i.exec(id);
  if (!m) return id;
  return m[1]!.split('/').filter((_, i) => i % 2 === 1).join('/');
}
