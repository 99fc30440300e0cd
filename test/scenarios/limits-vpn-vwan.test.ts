import { describe, expect, it } from 'vitest';
import { normalizeId } from '../../src/arm/arm-id.js';
import { runChecks } from '../../src/checks/engine.js';
import { VPN_ACTIVE_ACTIVE_RULES } from '../../src/checks/rules/vpn-active-active.js';
import { VPN_CONNECTION_POLICY_RULES } from '../../src/checks/rules/vpn-connection-policy.js';
import { VPN_GATEWAY_SKU_RULES } from '../../src/checks/rules/vpn-gateway-sku.js';
import { VPN_LOCAL_GATEWAY_RULES } from '../../src/checks/rules/vpn-local-gateway.js';
import { VPN_NAT_RULES } from '../../src/checks/rules/vpn-nat.js';
import { VWAN_HUB_RULES } from '../../src/checks/rules/vwan-hub.js';
import { VWAN_SITE_RULES } from '../../src/checks/rules/vwan-site.js';
import { loadBundledScenario } from '../../src/emulator/scenarios/index.js';
import type { ArmResource } from '../../src/inventory/types.js';
import { flattenAll } from '../../src/inventory/flatten.js';
import { buildGraph } from '../../src/topology/graph.js';
import { danglingRefs, indexIds, structuralProblems } from './scenario-checks.js';

const s = loadBundledScenario('limits-vpn-vwan');
const ids = indexIds(s);
const SECOND_WAVE = [...VPN_GATEWAY_SKU_RULES, ...VPN_ACTIVE_ACTIVE_RULES, ...VPN_CONNECTION_POLICY_RULES, ...VPN_NAT_RULES, ...VPN_LOCAL_GATEWAY_RULES, ...VWAN_HUB_RULES, ...VWAN_SITE_RULES].map((r) => r.id);
/** Rules whose fault would need an unwieldy estate (1,001 hub connections); their unit tests cover them. */
const NOT_PLANTED = ['vwan-hub-vpn-connection-limit'];

const findings = runChecks({
  graph: buildGraph({
    source: { kind: 'emulator', label: s.name },
    subscriptions: s.subscriptions,
    resources: flattenAll(s.resources as ArmResource[]),
    issues: [],
    permissions: s.permissions,
    forbiddenScopes: s.forbidden,
    startedAt: '',
    finishedAt: '',
  }),
  permissions: s.permissions,
});

describe('limits-vpn-vwan scenario', () => {
  it('is well-formed and fully resolvable', () => {
    expect(s.name).toBe('limits-vpn-vwan');
    expect(structuralProblems(s)).toEqual([]);
    expect(danglingRefs(s)).toEqual([]);
    expect(s.forbidden).toEqual([]);
  });

  it('plants every second-wave VPN / Virtual WAN rule (but the 1,000-connection one) on a resource of the file', () => {
    const planted = new Set(s.plantedFaults.map((f) => f.ruleId));
    expect(SECOND_WAVE.filter((r) => !planted.has(r)).sort()).toEqual(NOT_PLANTED);
    for (const f of s.plantedFaults) {
      expect(ids.has(normalizeId(f.resourceId)), f.resourceId).toBe(true);
      expect(f.note.length, f.ruleId).toBeGreaterThan(40);
    }
  });

  it('lists every planted fault in the description as a bullet', () => {
    const bullets = s.description.split('\n').filter((l) => l.startsWith('- '));
    expect(bullets).toHaveLength(s.plantedFaults.length);
    for (const f of s.plantedFaults) expect(s.description).toContain(`- ${f.ruleId}: `);
  });

  it('makes each planted rule fire on its resource', () => {
    expect(findings.filter((f) => f.ruleId === 'rule-error')).toEqual([]);
    const missed = s.plantedFaults.filter((p) => !findings.some((f) => f.ruleId === p.ruleId && normalizeId(f.resourceId) === normalizeId(p.resourceId)));
    expect(missed.map((p) => `${p.ruleId} @ ${p.resourceId}`)).toEqual([]);
  });

  it('has no second-wave finding that was not planted (each fault is deliberate)', () => {
    const planted = new Set(s.plantedFaults.map((p) => `${p.ruleId} ${normalizeId(p.resourceId)}`));
    const extra = findings.filter((f) => SECOND_WAVE.includes(f.ruleId) && !planted.has(`${f.ruleId} ${normalizeId(f.resourceId)}`));
    expect(extra.map((f) => `${f.ruleId} @ ${f.resourceId}`)).toEqual([]);
  });
});
