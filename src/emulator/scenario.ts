import { EmulatorInputError } from './input-error.js';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import type { FaultConfig, FaultRule } from './faults.js';
import { parseFaultSpec } from './faults.js';
import type { ArmBody } from './store.js';
import type { TimelineEvent } from './timeline.js';

const armId = z
  .string({ error: 'must be an ARM resource id (/subscriptions/...)' })
  .regex(/^\/subscriptions\/[^/]+(\/.*)?$/i, 'must be an ARM resource id (/subscriptions/...)');

const resourceSchema = z.looseObject({
  id: armId.regex(/\/providers\/[^/]+\/[^/]+\/[^/]+/i, 'must be an ARM resource id with a provider type and name'),
  name: z.string().optional(),
  type: z.string().optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
});

const faultRuleSchema = z.looseObject({
  kind: z.enum(['429', '5xx', '403', 'drop', 'lro-fail', 'hang', 'slow-body', 'truncate', 'malformed', 'token-expiry', 'throttle-subscription']),
  status: z.number().int().optional(),
  every: z.number().int().positive().optional(),
  p: z.number().min(0).max(1).optional(),
  path: z.string().optional(),
  times: z.number().int().optional(),
  retryAfterMs: z.number().optional(),
  retryAfterSeconds: z.number().optional(),
  code: z.string().optional(),
  bytesPerSecond: z.number().positive().optional(),
  as: z.enum(['json', 'content-type', 'html']).optional(),
  after: z.number().int().positive().optional(),
  reads: z.number().int().positive().optional(),
  refill: z.number().positive().optional(),
});

const scenarioSchema = z.looseObject({
  name: z.string().default('scenario'),
  tenantId: z.string().optional(),
  description: z.string().optional(),
  subscriptions: z
    .array(z.looseObject({ subscriptionId: z.string().min(1), displayName: z.string().optional(), state: z.string().optional() }))
    .default([]),
  resourceGroups: z.array(z.looseObject({ id: armId, location: z.string().optional() })).default([]),
  resources: z.array(resourceSchema).default([]),
  permissions: z
    .array(z.looseObject({ scope: armId, actions: z.array(z.string()), notActions: z.array(z.string()).default([]) }))
    .default([]),
  forbidden: z.array(armId).default([]),
  diagnostics: z.record(z.string(), z.looseObject({})).default({}),
  timeline: z
    .array(
      z.object({
        atSeconds: z.number().min(0, 'must be >= 0'),
        patch: z.object({ id: armId, properties: z.record(z.string(), z.unknown()) }),
      }),
    )
    .default([]),
  faults: z.union([z.array(z.union([z.string(), faultRuleSchema])), z.looseObject({ latencyMs: z.number().optional() })]).optional(),
  plantedFaults: z.array(z.looseObject({})).default([]),
});

/** A validated scenario (the file shape in the team brief, with defaults filled in). */
export interface Scenario {
  name: string;
  tenantId?: string;
  description?: string;
  subscriptions: Array<{ subscriptionId: string; displayName?: string; state?: string }>;
  resourceGroups: Array<{ id: string; location?: string }>;
  resources: ArmBody[];
  permissions: Array<{ scope: string; actions: string[]; notActions: string[]; dataActions?: string[]; notDataActions?: string[] }>;
  forbidden: string[];
  diagnostics: Record<string, Record<string, unknown>>;
  timeline: TimelineEvent[];
  faults?: FaultConfig;
  plantedFaults: Array<Record<string, unknown>>;
  /** The label messages about this scenario start with (its file name); set by the loader, not read from the file. */
  loadedFrom?: string;
  [extra: string]: unknown;
}

/** Formats a zod path as `resources[3].id`. */
function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? String(p) : `.${String(p)}`;
  return out || '(root)';
}

/** Validates a parsed scenario object; throws Error with ONE line `label: json.path: problem`. */
export function parseScenario(input: unknown, label = 'scenario'): Scenario {
  const res = scenarioSchema.safeParse(input);
  if (!res.success) {
    const issue = res.error.issues[0]!;
    throw new EmulatorInputError(`${label}: ${formatPath(issue.path)}: ${issue.message}`);
  }
  const data = res.data as unknown as Scenario & { faults?: unknown };
  // Keep the caller's resource objects (zod reorders keys); they passed validation unchanged.
  data.resources = structuredClone((input as { resources?: ArmBody[] }).resources ?? []);
  const seen = new Map<string, number>();
  data.resources.forEach((r, i) => {
    const key = r.id.toLowerCase();
    if (seen.has(key)) throw new EmulatorInputError(`${label}: resources[${i}].id: duplicate of resources[${seen.get(key)}].id (${r.id})`);
    seen.set(key, i);
  });
  data.faults = normaliseFaults(data.faults, label);
  data.loadedFrom = label;
  return data;
}

function normaliseFaults(raw: unknown, label: string): FaultConfig | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) return raw as FaultConfig;
  const out: FaultConfig = { rules: [] };
  raw.forEach((f, i) => {
    if (typeof f !== 'string') return out.rules!.push(f as FaultRule);
    try {
      const part = parseFaultSpec(f);
      if (part.latencyMs !== undefined) out.latencyMs = part.latencyMs;
      out.rules!.push(...(part.rules ?? []));
    } catch (e) {
      throw new EmulatorInputError(`${label}: faults[${i}]: ${(e as Error).message}`);
    }
  });
  return out;
}

/** Reads and validates a scenario file; every failure is one line naming the file. */
export function loadScenarioFile(file: string): Scenario {
  const label = basename(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new EmulatorInputError(`${label}: cannot read scenario file (${(e as NodeJS.ErrnoException).code ?? 'error'}): ${file}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new EmulatorInputError(`${label}: not valid JSON: ${(e as Error).message.split('\n')[0]}`);
  }
  return parseScenario(json, label);
}

/** Builds a scenario in memory for tests and benchmarks; `build()` validates like a file. */
export class ScenarioBuilder {
  private readonly data: Record<string, unknown> & {
    subscriptions: unknown[]; resources: unknown[]; permissions: unknown[]; forbidden: string[];
    diagnostics: Record<string, unknown>; timeline: unknown[];
  };

  constructor(name = 'in-memory') {
    this.data = { name, subscriptions: [], resources: [], permissions: [], forbidden: [], diagnostics: {}, timeline: [] };
  }

  /** Adds a subscription. */
  subscription(subscriptionId: string, displayName = subscriptionId): this {
    this.data.subscriptions.push({ subscriptionId, displayName });
    return this;
  }

  /** Adds resources (raw ARM bodies; children may be embedded). */
  resource(...bodies: Array<Record<string, unknown>>): this {
    this.data.resources.push(...bodies);
    return this;
  }

  /** Adds an effective-permissions entry for a scope. */
  permission(scope: string, actions: string[], notActions: string[] = []): this {
    this.data.permissions.push({ scope, actions, notActions });
    return this;
  }

  /** Makes every request under a scope answer 403 AuthorizationFailed. */
  forbid(scope: string): this {
    this.data.forbidden.push(scope);
    return this;
  }

  /** Sets the diagnostic data for a resource id (peering, circuit, gateway or connection). */
  diagnostics(id: string, data: Record<string, unknown>): this {
    this.data.diagnostics[id] = data;
    return this;
  }

  /** Schedules a properties patch at an emulator time. */
  at(atSeconds: number, id: string, properties: Record<string, unknown>): this {
    this.data.timeline.push({ atSeconds, patch: { id, properties } });
    return this;
  }

  /** Sets any other top-level field (faults, tenantId...). */
  set(key: string, value: unknown): this {
    this.data[key] = value;
    return this;
  }

  /** The validated scenario. */
  build(): Scenario {
    return parseScenario(structuredClone(this.data), String(this.data.name));
  }
}
