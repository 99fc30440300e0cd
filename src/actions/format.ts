import { redact, redactText } from '../redact.js';
import type { ActionPlan } from './plan.js';
import type { PreflightResult } from './types.js';

/** One-character mark for a pre-flight row: allowed, refused, or not determinable from the permissions API. */
export function preflightMark(r: PreflightResult): string {
  return r.allowed === true ? '✓' : r.allowed === false ? '✗' : '?';
}

/** True when a pre-flight row says the caller lacks a needed action (unknown is not a refusal). */
export function preflightRefused(plan: ActionPlan): PreflightResult[] {
  return plan.preflight.filter((r) => r.allowed === false);
}

/**
 * The plan as plain text for --dry-run and the non-interactive CLI: requests with masked bodies, diff, RBAC,
 * warnings and the az equivalent. Every line passes through redact/redactText.
 */
export function formatPlanText(plan: ActionPlan): string {
  const out: string[] = [];
  out.push(`Plan: ${plan.title}`);
  out.push(`Target: ${plan.targetId} (${plan.operation})`);
  out.push('', 'Requests:');
  for (const r of plan.requests) {
    out.push(`  ${r.method} ${r.url}`);
    if (r.ifMatch) out.push(`  If-Match: ${r.ifMatch}`);
    if (r.body !== undefined) {
      for (const line of JSON.stringify(redact(r.body), null, 2).split('\n')) out.push(`    ${line}`);
    }
  }
  out.push('', 'Changes:');
  if (plan.diff.length === 0) out.push('  (none: the resource already has these values)');
  for (const d of plan.diff) out.push(`  ${d}`);
  out.push('', 'RBAC pre-flight:');
  for (const r of plan.preflight) out.push(`  ${preflightMark(r)} ${r.action} on ${r.scope}`);
  if (plan.preflight.some((r) => r.allowed === 'unknown')) out.push('  (? = could not be read from the permissions API; ARM decides on apply)');
  if (plan.warnings.length) {
    out.push('', 'Warnings:');
    for (const w of plan.warnings) out.push(`  ! ${w}`);
  }
  if (plan.notes.length) {
    out.push('', 'Notes:');
    for (const n of plan.notes) out.push(`  ${n}`);
  }
  out.push('', 'Equivalent az command:');
  for (const line of plan.az.split('\n')) out.push(`  ${line}`);
  out.push('', `To apply, confirm with the name: ${plan.confirmName}`);
  return redactText(out.join('\n')) + '\n';
}
