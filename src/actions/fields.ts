import { ErscopeError } from '../errors.js';
import type { TopologyGraph } from '../topology/types.js';
import type { ActionKind, ActionPlan } from './plan.js';
import type { FieldContext, Validator } from './validate.js';

/** One selectable value with the reason it cannot be chosen (disabled choices are still listed, so the user sees why). */
export interface Choice {
  value: string;
  label: string;
  enabled: boolean;
  /** Why the choice is disabled, or a caution when enabled (e.g. "cross-subscription: needs an authorization key"). */
  reason?: string;
  /** Extra context to show next to the choice (current weight, status, peering location...). */
  detail?: string;
}

/** One form field of a create wizard; values travel as strings (CLI flags and text inputs alike). */
export interface FieldSpec {
  key: string;
  label: string;
  /** What is allowed, shown under the input. */
  help: string;
  input: 'text' | 'number' | 'select' | 'multi' | 'bool' | 'secret';
  required: boolean;
  validate?: Validator;
  /** Default given the other values so far (undefined = no default). */
  default?: (graph: TopologyGraph, values: Record<string, string>) => string | undefined;
  /** Whether the field applies given the other values (hidden otherwise). */
  when?: (graph: TopologyGraph, values: Record<string, string>) => boolean;
}

/** Options passed to a builder. */
export interface BuildOptions {
  /** Accept weak IPsec algorithms and other refusable choices. */
  force?: boolean;
}

/** Everything the wizard and the CLI need for one kind: the fields in order, their choices, and the plan builder. */
export interface KindSpec {
  kind: ActionKind;
  title: string;
  fields: FieldSpec[];
  /** Choices for a select/multi field, each with its reason when not selectable. */
  options(graph: TopologyGraph, values: Record<string, string>, field: string): Choice[];
  /** Facts to show next to a field (other connections' weights, router IPs of a /30, prefixes in use); optional. */
  hints?(graph: TopologyGraph, values: Record<string, string>, field: string): string[];
  /** Extra validation context for the current values (used VLANs, used prefixes, peering type). */
  context(graph: TopologyGraph, values: Record<string, string>): Omit<FieldContext, 'values' | 'graph'>;
  /** Builds the plan from validated values; throws PlanInputError when a value is invalid. */
  build(graph: TopologyGraph, values: Record<string, string>, opts?: BuildOptions): ActionPlan;
}

/** Invalid form input: one message per field; the message is one line naming each field and what is allowed. */
export class PlanInputError extends ErscopeError {
  readonly errors: Record<string, string>;
  constructor(errors: Record<string, string>) {
    super(`invalid input (set fields with --set FIELD=VALUE): ${Object.entries(errors).map(([k, v]) => `${k}: ${v}`).join('; ')}`);
    this.errors = errors;
  }
}

/** Fields that apply to the current values, in order. */
export function activeFields(spec: KindSpec, graph: TopologyGraph, values: Record<string, string>): FieldSpec[] {
  return spec.fields.filter((f) => !f.when || f.when(graph, values));
}

/** Values with select names resolved to ids and defaults filled in, in field order (later defaults depend on earlier fields). */
export function withDefaults(spec: KindSpec, graph: TopologyGraph, values: Record<string, string>): Record<string, string> {
  const out = { ...values };
  for (const f of spec.fields) {
    if (f.when && !f.when(graph, out)) continue;
    if ((out[f.key] === undefined || out[f.key] === '') && f.default) {
      const d = f.default(graph, out);
      if (d !== undefined) out[f.key] = d;
    }
    if (out[f.key] && f.input === 'select') out[f.key] = resolveChoice(spec, graph, out, f.key);
    if (out[f.key] && f.input === 'multi') out[f.key] = resolveMulti(spec, graph, out, f.key).join(',');
  }
  return out;
}

/** Checks one field: required, its validator, and for selects that the value is an enabled choice. */
export function checkField(spec: KindSpec, graph: TopologyGraph, values: Record<string, string>, key: string): string | undefined {
  const f = spec.fields.find((x) => x.key === key);
  if (!f) return `unknown field; fields are ${spec.fields.map((x) => x.key).join(', ')}`;
  const v = values[key] ?? '';
  if (v === '') return f.required ? `required: ${f.help}` : undefined;
  const ctx: FieldContext = { graph, values, ...spec.context(graph, values) };
  const err = f.validate?.(v, ctx);
  if (err) return err;
  if (f.input === 'select' || f.input === 'multi') {
    const choices = spec.options(graph, values, key);
    for (const part of f.input === 'multi' ? v.split(',').map((s) => s.trim()).filter(Boolean) : [v]) {
      const c = choices.find((x) => x.value.toLowerCase() === part.toLowerCase() || x.label.toLowerCase() === part.toLowerCase());
      if (!c) return `"${part}" is not a choice here; choose one of: ${choices.filter((x) => x.enabled).map((x) => x.label).join(', ') || '(none available)'}`;
      if (!c.enabled) return `${c.label} cannot be used: ${c.reason ?? 'not available'}`;
    }
  }
  return undefined;
}

/** Validates every active field; throws PlanInputError listing each bad field, else returns the values with defaults. */
export function validateAll(spec: KindSpec, graph: TopologyGraph, values: Record<string, string>): Record<string, string> {
  const full = withDefaults(spec, graph, values);
  const errors: Record<string, string> = {};
  for (const k of Object.keys(values)) {
    if (!spec.fields.some((f) => f.key === k)) errors[k] = `unknown field for ${spec.kind}; fields are ${spec.fields.map((f) => f.key).join(', ')}`;
  }
  for (const f of activeFields(spec, graph, full)) {
    const e = checkField(spec, graph, full, f.key);
    if (e) errors[f.key] = e;
  }
  if (Object.keys(errors).length) throw new PlanInputError(errors);
  return full;
}

/** Resolves a select value typed as a label (name) to its canonical value (id). */
export function resolveChoice(spec: KindSpec, graph: TopologyGraph, values: Record<string, string>, key: string): string {
  const v = values[key] ?? '';
  const c = spec.options(graph, values, key).find((x) => x.value.toLowerCase() === v.toLowerCase() || x.label.toLowerCase() === v.toLowerCase());
  return c?.value ?? v;
}

/** Resolves a comma-separated multi value to canonical values. */
export function resolveMulti(spec: KindSpec, graph: TopologyGraph, values: Record<string, string>, key: string): string[] {
  const choices = spec.options(graph, values, key);
  return (values[key] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((p) => choices.find((x) => x.value.toLowerCase() === p.toLowerCase() || x.label.toLowerCase() === p.toLowerCase())?.value ?? p);
}
