import { describe, expect, it } from 'vitest';
import { parseArmId } from '../../src/arm/arm-id.js';
import { RT } from '../../src/arm/resource-types.js';
import { countResources, ESTATE_PRESETS, generateEstate, walkResources } from '../../src/emulator/scenarios/index.js';
import { danglingRefs, structuralProblems } from './scenario-checks.js';

// NAT rules and hub route maps are covered by test/fixtures/inventory-scenario.json and the published examples; the
// generated estates have none (yet), like ports.
const NOT_GENERATED = new Set<string>([RT.subscription, RT.resourceGroup, RT.port, RT.vpnNatRule, RT.vnetGatewayNatRule, RT.routeMap]);
const FAMILIES = Object.values(RT).filter((t) => !NOT_GENERATED.has(t));
const families = (s: ReturnType<typeof generateEstate>) => new Set([...walkResources(s.resources)].map((w) => parseArmId(w.resource.id).type));

describe('generateEstate', () => {
  const bench = generateEstate(ESTATE_PRESETS.bench);

  it('produces at least 50 subscriptions and 10,000 resources covering every family', () => {
    expect(bench.subscriptions).toHaveLength(50);
    expect(countResources(bench)).toBeGreaterThanOrEqual(10_000);
    expect(countResources(bench)).toBeLessThan(11_000);
    const seen = families(bench);
    expect(FAMILIES.filter((f) => !seen.has(f))).toEqual([]);
    const rgs = new Set(bench.resources.map((r) => `${parseArmId(r.id).subscriptionId}/${parseArmId(r.id).resourceGroup}`));
    expect(rgs.size).toBeGreaterThanOrEqual(50 * 5);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    expect(JSON.stringify(generateEstate(ESTATE_PRESETS.bench))).toBe(JSON.stringify(bench));
    const a = generateEstate({ subscriptions: 3, resourcesTarget: 300, seed: 7 });
    const b = generateEstate({ subscriptions: 3, resourcesTarget: 300, seed: 8 });
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(b));
  });

  it('produces a well-formed estate whose references all resolve', () => {
    expect(structuralProblems(bench)).toEqual([]);
    expect(danglingRefs(bench)).toEqual([]);
    expect(bench.plantedFaults.length).toBeGreaterThan(0);
    expect(generateEstate({ ...ESTATE_PRESETS.bench, faultRate: 0 }).plantedFaults).toEqual([]);
  });

  it('links spokes across subscriptions with authorization keys that match InUse authorizations', () => {
    const inUse = new Map<string, string>();
    for (const { resource } of walkResources(bench.resources)) {
      const p = resource.properties as Record<string, string>;
      if (parseArmId(resource.id).type === RT.authorization && p.authorizationUseStatus === 'InUse') inUse.set(p.authorizationKey, p.connectionResourceUri);
    }
    const keyed = bench.resources.filter((r) => parseArmId(r.id).type === RT.connection && (r.properties as Record<string, string>).authorizationKey);
    expect(keyed.length).toBeGreaterThanOrEqual(49 * 4);
    for (const c of keyed) expect(inUse.get((c.properties as Record<string, string>).authorizationKey)).toBe(c.id);
  });

  it('scales down to a ~100-node estate by parameters and can hide subscriptions', () => {
    const small = generateEstate(ESTATE_PRESETS.small);
    expect(countResources(small)).toBeGreaterThanOrEqual(100);
    expect(countResources(small)).toBeLessThan(120);
    expect(FAMILIES.filter((f) => !families(small).has(f))).toEqual([]);
    const hidden = generateEstate({ subscriptions: 4, resourcesTarget: 400, forbiddenSubscriptions: 1 });
    expect(hidden.forbidden).toEqual([`/subscriptions/${hidden.subscriptions[3]!.subscriptionId}`]);
    expect(hidden.permissions).toHaveLength(3);
  });
});
