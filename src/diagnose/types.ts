/** Outcome of one troubleshooting step; `skipped` means the step could not run (permission, throttling, timeout, abort). */
export type Verdict = 'pass' | 'fail' | 'warn' | 'skipped';

/** Step ids in the order the official ExpressRoute flow runs them, then the connection side. */
export const STEP_IDS = ['circuit-provisioning', 'peering-config', 'arp', 'bgp-routes', 'traffic', 'gateway', 'connection', 'routing-weight', 'findings'] as const;

/** One step id. */
export type StepId = (typeof STEP_IDS)[number];

/** A machine-readable fault a step found; the conclusion table ranks these. */
export interface StepFault {
  code: string;
  /** Values the conclusion text names (circuit name, service key, device path, ...). */
  params?: Record<string, string | number>;
}

/** One step's verdict and what it saw. */
export interface DiagnosisStep {
  id: StepId;
  title: string;
  verdict: Verdict;
  /** Property values and live results the verdict rests on (no secrets). */
  evidence: Record<string, unknown>;
  /** One or two sentences: what was found, or why the step could not run. */
  detail: string;
  fault?: StepFault;
}

/** The most likely fault and what to do next. */
export interface Conclusion {
  fault: string;
  nextAction: string;
  stepId?: StepId;
}

/** Result of `diagnose()`; the JSON output is exactly this shape. */
export interface Diagnosis {
  resourceId: string;
  /** The circuit the flow ran against (may differ from resourceId for a peering or connection). */
  circuitId?: string;
  peeringId?: string;
  steps: DiagnosisStep[];
  conclusion: Conclusion;
}

/** Process exit code for a diagnosis: 0 all pass (warn counts as pass), 1 any fail, 3 a step could not run and none failed. */
export function diagnosisExitCode(d: Pick<Diagnosis, 'steps'>): number {
  if (d.steps.some((s) => s.verdict === 'fail')) return 1;
  if (d.steps.some((s) => s.verdict === 'skipped')) return 3;
  return 0;
}
