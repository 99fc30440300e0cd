import type { PermissionEntry } from '../inventory/types.js';
import type { TopologyGraph } from '../topology/types.js';

/** Finding severity, highest first. */
export type Severity = 'high' | 'medium' | 'low' | 'info';

/** Severities in descending order, for sorting and thresholds. */
export const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low', 'info'];

/** A machine-applicable remedy the fix-in-place flow turns into a plan. */
export interface FixSpec {
  /** Fix kind the actions layer knows how to plan, e.g. "set-property", "enable-peering", "pick-authorization", "ipsec-preset", "pick-route-table". */
  kind: string;
  /** What to change, in words. */
  description: string;
  /** Resource the write goes to (may differ from the finding's resource). */
  targetId: string;
  /** JSON-merge patch to apply to the target body's `properties`, when the change is fully known. */
  patch?: Record<string, unknown>;
  /** Candidate values when the user must choose (authorization ids, route table ids, weights...). */
  choices?: Array<{ label: string; value: unknown }>;
}

/** One result of one rule on one resource. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  resourceId: string;
  title: string;
  /** Why this matters, in plain words. */
  reason: string;
  /** The property values that triggered it (secrets never included). */
  evidence: Record<string, unknown>;
  fix?: FixSpec;
  docs: string;
  /** Set when a user config suppressed it; suppressed findings are reported but do not fail CI. */
  suppressed?: { reason: string };
}

/** Live values a rule may use when available (connection status polled, etc.). */
export interface LiveData {
  connectionStatus?: Record<string, string>;
}

/** Input to every rule: the graph and optional extras, nothing else (rules are pure). */
export interface RuleContext {
  graph: TopologyGraph;
  permissions?: PermissionEntry[];
  live?: LiveData;
}

/** Where a rule's fact is documented: the page and the documented sentence it checks (domain.md style). */
export interface RuleSource {
  url: string;
  /** The documented fact, quoted (or closely paraphrased from domain.md when the page is a table). */
  quote: string;
}

/** A catalog entry: metadata plus the pure function. */
export interface Rule {
  id: string;
  title: string;
  category: 'gateway' | 'rbac' | 'authorization' | 'routing' | 'verify' | 'circuit' | 'peering' | 'global-reach' | 'resiliency' | 'connection' | 'vpn' | 'vwan' | 'reference';
  severity: Severity;
  docs: string;
  /** The documented facts this rule checks; `erscope rules --format json` and the coverage table print them. */
  source: RuleSource[];
  run(ctx: RuleContext): Finding[];
}
