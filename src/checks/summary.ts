import type { SourceInfo } from '../inventory/types.js';
import { SEVERITIES, type Finding, type Severity } from './types.js';

/** Counts per severity of findings that are not suppressed, plus the number suppressed. */
export type FindingSummary = Record<Severity, number> & { suppressed: number };

/** Report header every formatter stamps: where the data came from and when the check ran. */
export interface CheckMeta {
  source: SourceInfo;
  generatedAt: string;
  erscopeVersion: string;
  incomplete?: boolean;
}

/** Tallies findings; suppressed ones count only under `suppressed`. */
export function summarize(findings: readonly Finding[]): FindingSummary {
  const out: FindingSummary = { high: 0, medium: 0, low: 0, info: 0, suppressed: 0 };
  for (const f of findings) {
    if (f.suppressed) out.suppressed++;
    else out[f.severity]++;
  }
  return out;
}

/** True when an unsuppressed finding is at or above the threshold ('none' never fails). */
export function failsThreshold(findings: readonly Finding[], failOn: Severity | 'none'): boolean {
  if (failOn === 'none') return false;
  const limit = SEVERITIES.indexOf(failOn);
  return findings.some((f) => !f.suppressed && SEVERITIES.indexOf(f.severity) <= limit);
}

/** Exit code of `erscope check`: 1 findings at/above failOn, else 3 when the inventory was incomplete, else 0. */
export function checkExitCode(findings: readonly Finding[], failOn: Severity | 'none', incomplete: boolean): number {
  if (failsThreshold(findings, failOn)) return 1;
  return incomplete ? 3 : 0;
}
