/** One HTTP request a plan will send; bodies are stored unmasked in memory and masked by `redact` on every display path. */
export interface PlannedRequest {
  method: 'PUT' | 'PATCH' | 'DELETE' | 'POST';
  /** Path + query relative to the ARM endpoint, e.g. /subscriptions/.../connections/x?api-version=2025-05-01 */
  url: string;
  body?: unknown;
  /** Etag the plan was made from; sent as If-Match. Undefined for creates. */
  ifMatch?: string;
}

/** Result of checking one RBAC action on one scope before a write. */
export interface PreflightResult {
  scope: string;
  action: string;
  allowed: boolean | 'unknown';
}

/** A reviewed write: what will be sent, what changes, whether the caller may, and the az equivalent. */
export interface Plan {
  title: string;
  /** Resource name the user must type to confirm. */
  confirmName: string;
  targetId: string;
  requests: PlannedRequest[];
  /** Readable diff lines ("+ properties.routingWeight: 10", "- ...", "~ a: 1 → 2"). */
  diff: string[];
  preflight: PreflightResult[];
  az: string;
}
