import { describe, expect, it } from 'vitest';
import { normalizeId } from '../../src/arm/arm-id.js';
import { runChecks } from '../../src/checks/engine.js';
import type { Finding } from '../../src/checks/types.js';
import { loadBundledScenario, type Scenario } from '../../src/emulator/scenarios/index.js';
import type { ArmResource } from '../../src/inventory/types.js';
import { flattenAll } from '../../src/inventory/flatten.js';
import { buildGraph } from '../../src/topology/graph.js';

/** What the inventory would read from the scenario: everything outside forbidden scopes, children flattened. */
function findingsOf(s: Scenario): Finding[] {
  const forbidden = (s.forbidden ?? []).map(normalizeId);
  const readable = (r: ArmResource) => !forbidden.some((f) => normalizeId(r.id).startsWith(`${f}/`));
  const graph = buildGraph({
    source: { kind: 'emulator', label: s.name },
    subscriptions: s.subscriptions.map((x) => ({ subscriptionId: x.subscriptionId, displayName: x.displayName })),
    resources: flattenAll((s.resources as ArmResource[]).filter(readable)),
    issues: [],
    permissions: s.permissions ?? [],
    forbiddenScopes: s.forbidden ?? [],
    startedAt: '',
    finishedAt: '',
  });
  return runChecks({ graph, permissions: s.permissions ?? [] });
}

describe('bundled contoso scenario', () => {
  const scenario = loadBundledScenario('contoso');
  const findings = findingsOf(scenario);

  it('has no rule crash', () => {
    expect(findings.filter((f) => f.ruleId === 'rule-error')).toEqual([]);
  });

  it('finds every planted fault on the planted resource', () => {
    const missed = scenario.plantedFaults.filter((p) => !findings.some((f) => f.ruleId === p.ruleId && normalizeId(f.resourceId) === normalizeId(p.resourceId)));
    expect(missed.map((p) => `${p.ruleId} @ ${p.resourceId}`)).toEqual([]);
  });
});

describe('bundled contoso-clean scenario', () => {
  it('yields no finding above info', () => {
    const findings = findingsOf(loadBundledScenario('contoso-clean'));
    expect(findings.filter((f) => f.severity !== 'info').map((f) => `${f.severity} ${f.ruleId} @ ${f.resourceId}: ${f.reason}`)).toEqual([]);
  });
});
