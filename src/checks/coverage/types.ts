/** Area a documented constraint belongs to (one coverage file per area or pair of areas). */
export type ConstraintArea = 'expressroute' | 'vpn' | 'vwan' | 'resiliency' | 'rbac' | 'arm';

/**
 * One documented constraint and how erscope covers it: the rules that check it, or why it cannot be read from ARM
 * bodies (`unreadable`, required when `ruleIds` is empty).
 */
export interface Constraint {
  /** Stable kebab-case id, prefixed by area. */
  id: string;
  area: ConstraintArea;
  /** The documented fact, in the page's words where possible. */
  fact: string;
  /** Page the fact comes from. */
  source: string;
  /** Catalog rules that check it (empty when it cannot be read). */
  ruleIds: string[];
  /** Why the constraint cannot be checked from ARM bodies (runtime state, data plane, a change rather than a state...). */
  unreadable?: string;
}
