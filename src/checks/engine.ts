import { ErscopeError } from '../errors.js';
import { isSecretKey, redact, REDACTED } from '../redact.js';
import { RULES, ruleById, unknownRuleMessage } from './catalog.js';
import { applySuppressions, type Suppression } from './suppress.js';
import { SEVERITIES, type Finding, type Rule, type RuleContext } from './types.js';

/** Options for one run: a subset of rules and the user's suppressions. */
export interface RunOptions {
  ruleIds?: string[];
  suppressions?: Suppression[];
  /** Rule set to run instead of the catalog (tests and embedders). */
  rules?: Rule[];
}

/** Evidence keys are JSON paths ("properties.sharedKey"); mask by the last path segment as well as by plain key name. */
function scrubEvidence(evidence: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(redact(evidence ?? {}))) {
    const last = k.split('.').pop()!.replace(/\[\d+\]$/, '');
    out[k] = isSecretKey(last) && v !== null && v !== undefined && v !== '' ? REDACTED : v;
  }
  return out;
}

function ruleError(rule: Rule, err: unknown): Finding {
  const message = err instanceof Error ? err.message : String(err);
  return {
    ruleId: 'rule-error',
    severity: 'info',
    resourceId: '',
    title: `Rule ${rule.id} failed to run`,
    reason: `The rule crashed on this inventory (${message}); its checks were skipped. Please report it.`,
    evidence: { rule: rule.id, error: message },
    docs: rule.docs,
  };
}

/** Orders findings by severity, then rule id, then resource id (case-insensitive), so output is stable. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
      a.ruleId.localeCompare(b.ruleId) ||
      a.resourceId.toLowerCase().localeCompare(b.resourceId.toLowerCase()),
  );
}

/** Picks the rules to run; an unknown id is a user error naming close matches. */
export function selectRules(ruleIds?: string[]): Rule[] {
  if (!ruleIds || ruleIds.length === 0) return RULES;
  return ruleIds.map((id) => {
    const rule = ruleById(id);
    if (!rule) throw new ErscopeError(unknownRuleMessage(id));
    return rule;
  });
}

/** Runs the catalog (or a subset) over the graph; a crashing rule becomes one `rule-error` info finding. */
export function runChecks(ctx: RuleContext, opts: RunOptions = {}): Finding[] {
  const findings: Finding[] = [];
  for (const rule of opts.rules ?? selectRules(opts.ruleIds)) {
    try {
      for (const f of rule.run(ctx)) {
        findings.push({ ...f, reason: String(f.reason), evidence: scrubEvidence(f.evidence), ...(f.fix ? { fix: redact(f.fix) } : {}) });
      }
    } catch (err) {
      findings.push(ruleError(rule, err));
    }
  }
  return sortFindings(applySuppressions(findings, opts.suppressions ?? []));
}
