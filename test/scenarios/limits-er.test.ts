import { describe, expect, it } from 'vitest';
import { normalizeId, parseArmId } from '../../src/arm/arm-id.js';
import { runChecks } from '../../src/checks/engine.js';
import { CONSTRAINTS } from '../../src/checks/coverage/index.js';
import { CIRCUIT_LIMIT_RULES } from '../../src/checks/rules/circuit-limits.js';
import { ER_CONNECTION_RULES } from '../../src/checks/rules/er-connection.js';
import { GATEWAY_CAPACITY_RULES } from '../../src/checks/rules/gateway-capacity.js';
import { GATEWAY_SUBNET_RULES } from '../../src/checks/rules/gateway-subnet.js';
import { PEERING_LIMIT_RULES } from '../../src/checks/rules/peering-limits.js';
import { loadBundledScenario } from '../../src/emulator/scenarios/index.js';
import type { ArmResource } from '../../src/inventory/types.js';
import { flattenAll } from '../../src/inventory/flatten.js';
import { buildGraph } from '../../src/topology/graph.js';
import { danglingRefs, structuralProblems } from './scenario-checks.js';

/** The ExpressRoute rules of the second wave (issue #12), from their rule files: each must be planted once in limits-er. */
const WAVE2_ER = [...CIRCUIT_LIMIT_RULES, ...PEERING_LIMIT_RULES, ...GATEWAY_SUBNET_RULES, ...GATEWAY_CAPACITY_RULES, ...ER_CONNECTION_RULES].map((r) => r.id);

const s = loadBundledScenario('limits-er');
const graph = buildGraph({
  source: { kind: 'emulator', label: s.name },
  subscriptions: s.subscriptions.map((x) => ({ subscriptionId: x.subscriptionId, displayName: x.displayName })),
  resources: flattenAll(s.resources as ArmResource[]),
  issues: [],
  permissions: s.permissions ?? [],
  forbiddenScopes: s.forbidden ?? [],
  startedAt: '',
  finishedAt: '',
});
const findings = runChecks({ graph, permissions: s.permissions ?? [] });

describe('limits-er scenario', () => {
  it('is well-formed and resolves every reference except the NSG erscope does not read', () => {
    expect(s.name).toBe('limits-er');
    expect(Object.keys(s).sort()).toEqual(['description', 'diagnostics', 'forbidden', 'name', 'permissions', 'plantedFaults', 'resources', 'subscriptions', 'tenantId', 'timeline']);
    expect(structuralProblems(s)).toEqual([]);
    expect(danglingRefs(s).map((r) => parseArmId(r.to).name)).toEqual(['nsg-gateway']);
  });

  it('plants every second-wave ExpressRoute rule exactly once, each listed as a bullet in the description', () => {
    expect(WAVE2_ER).toHaveLength(23);
    expect(s.plantedFaults.map((f) => f.ruleId).sort()).toEqual([...WAVE2_ER].sort());
    const bullets = s.description.split('\n').filter((l) => l.startsWith('- '));
    expect(bullets).toHaveLength(s.plantedFaults.length);
    for (const f of s.plantedFaults) {
      expect(s.description).toContain(`- ${f.ruleId}: `);
      expect(f.note.length).toBeGreaterThan(40);
    }
  });

  it('every planted fault fires on its planted resource, and no rule crashes', () => {
    expect(findings.filter((f) => f.ruleId === 'rule-error')).toEqual([]);
    const missed = s.plantedFaults.filter((p) => !findings.some((f) => f.ruleId === p.ruleId && normalizeId(f.resourceId) === normalizeId(p.resourceId)));
    expect(missed.map((p) => `${p.ruleId} @ ${p.resourceId}`)).toEqual([]);
  });

  it('the planted rules fire nowhere else in the lab (each fault is isolated)', () => {
    const planted = new Set(s.plantedFaults.map((p) => `${p.ruleId}|${normalizeId(p.resourceId)}`));
    const stray = findings.filter((f) => WAVE2_ER.includes(f.ruleId) && !planted.has(`${f.ruleId}|${normalizeId(f.resourceId)}`));
    // vgw-coexist sits in the same /28 as the planted coexistence fault, so the single-gateway size rule fires there too.
    expect(stray.map((f) => `${f.ruleId} @ ${parseArmId(f.resourceId).name}`)).toEqual(['gateway-subnet-too-small @ vgw-coexist']);
  });

  it('every planted rule is documented in the coverage table', () => {
    const covered = new Set(CONSTRAINTS.flatMap((c) => c.ruleIds));
    expect(WAVE2_ER.filter((r) => !covered.has(r))).toEqual([]);
  });
});
