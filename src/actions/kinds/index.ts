import type { TopologyGraph } from '../../topology/types.js';
import { ErscopeError } from '../../errors.js';
import { activeFields, checkField, withDefaults, type BuildOptions, type Choice, type FieldSpec, type KindSpec } from '../fields.js';
import type { ActionKind, ActionPlan } from '../plan.js';
import { authorizationKind } from './authorization.js';
import { connectionKind } from './connection.js';
import { erConnectionKind } from './er-connection.js';
import { globalReachKind } from './global-reach.js';
import { peeringKind } from './peering.js';
import { vpnConnectionKind } from './vpn-connection.js';

/** Every creatable kind, keyed by the name `erscope create <kind>` takes. */
export const KINDS: Record<ActionKind, KindSpec> = {
  connection: connectionKind,
  'er-connection': erConnectionKind,
  'global-reach': globalReachKind,
  peering: peeringKind,
  'vpn-connection': vpnConnectionKind,
  authorization: authorizationKind,
};

/** The kind spec for a name, or a one-line error listing the kinds. */
export function kindSpec(kind: string): KindSpec {
  const spec = (KINDS as Record<string, KindSpec>)[kind];
  if (!spec) throw new ErscopeError(`unknown kind "${kind}": use one of ${Object.keys(KINDS).join(', ')}`);
  return spec;
}

/** One field as the wizard shows it right now: its spec, the current/default value, choices with reasons, and the error. */
export interface WizardField {
  field: FieldSpec;
  value: string;
  choices: Choice[];
  /** Facts to show next to the input (e.g. "conn-lon → er-lon: weight 40000"). */
  hints: string[];
  error?: string;
}

/**
 * The wizard's view of a kind for the values typed so far: the active fields in order, each with its current value
 * (defaults filled in), its choices (disabled ones carry the reason), and its validation error when a value is set.
 */
export function wizardOptions(graph: TopologyGraph, kind: string, values: Record<string, string>): WizardField[] {
  const spec = kindSpec(kind);
  const full = withDefaults(spec, graph, values);
  return activeFields(spec, graph, full).map((field) => {
    const value = full[field.key] ?? '';
    const choices = field.input === 'select' || field.input === 'multi' ? spec.options(graph, full, field.key) : [];
    const error = value !== '' || values[field.key] !== undefined ? checkField(spec, graph, full, field.key) : undefined;
    const hints = spec.hints?.(graph, full, field.key) ?? [];
    return { field, value, choices, hints, ...(error ? { error } : {}) };
  });
}

/** Builds the pure plan for a kind (no network): validates every field, throws PlanInputError naming each bad one. */
export function buildPlan(graph: TopologyGraph, kind: string, values: Record<string, string>, opts: BuildOptions = {}): ActionPlan {
  return kindSpec(kind).build(graph, values, opts);
}
