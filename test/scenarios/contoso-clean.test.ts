import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArmId } from '../../src/arm/arm-id.js';
import { RT } from '../../src/arm/resource-types.js';
import { scenarioPath } from '../../src/emulator/scenarios/index.js';
import type { Scenario } from '../../src/emulator/scenarios/scenario-types.js';
import { violations } from './invariants.js';
import { danglingRefs, forbiddenRefs, ofType, structuralProblems, valuesOf } from './scenario-checks.js';

const load = (name: 'contoso' | 'contoso-clean') => JSON.parse(readFileSync(scenarioPath(name), 'utf8')) as Scenario;
const clean = load('contoso-clean');
const faulty = load('contoso');

describe('contoso-clean.json', () => {
  it('is well-formed, fully resolvable and has no planted faults or references into the forbidden subscription', () => {
    expect(clean.name).toBe('contoso-clean');
    expect(clean.plantedFaults).toEqual([]);
    expect(structuralProblems(clean)).toEqual([]);
    expect(danglingRefs(clean)).toEqual([]);
    expect(forbiddenRefs(clean)).toEqual([]);
  });

  it('violates none of the domain rules the faulty file breaks', () => {
    expect(violations(clean)).toEqual([]);
    expect(violations(faulty).length).toBeGreaterThan(30);
  });

  it('has no weak IPsec, only zone-redundant ER gateways, no Basic SKUs and every connection Connected', () => {
    const weak = ['DES', 'DES3', 'MD5', 'SHA1', 'DHGroup1', 'DHGroup2', 'PFS1', 'PFS2'];
    const algos = ['ipsecEncryption', 'ipsecIntegrity', 'ikeEncryption', 'ikeIntegrity', 'dhGroup', 'pfsGroup'].flatMap((k) => valuesOf(clean, k));
    expect(algos.length).toBeGreaterThan(20);
    expect(algos.filter((a) => weak.includes(String(a)))).toEqual([]);
    const skus = ofType(clean, RT.vnetGateway).map((g) => (g.properties as any).sku.name as string); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(skus.filter((k) => !/AZ$/.test(k) && k !== 'ErGwScale')).toEqual([]); // ErGwScale is zone-redundant too (domain.md §1.2)
    expect(valuesOf(clean, 'connectionStatus').filter((v) => v !== 'Connected')).toEqual([]);
    expect(valuesOf(clean, 'circuitConnectionStatus').filter((v) => v !== 'Connected')).toEqual([]);
    expect(clean.timeline).toEqual([]);
  });

  it('stays in sync with contoso.json: same subscriptions, same estate minus the two connections that had to go, plus clean cases', () => {
    expect(clean.subscriptions).toEqual(faulty.subscriptions);
    expect(clean.forbidden).toEqual(faulty.forbidden);
    const top = (s: Scenario) => new Set(s.resources.map((r) => r.id));
    const onlyFaulty = [...top(faulty)].filter((id) => !top(clean).has(id)).map((id) => parseArmId(id).name);
    expect(onlyFaulty.sort()).toEqual(['cn-lab-neu-er-dub', 'cn-partner-weu-er-fra']);
    const onlyClean = [...top(clean)].filter((id) => !top(faulty).has(id)).map((id) => parseArmId(id).name);
    // The VNet-to-VNet pair is the clean case of vpn-vnet2vnet-policy-mismatch (same policy both ways).
    // The ErGwScale gateway (its VNet, IP and two links) is the clean case of the second-wave ExpressRoute gateway rules.
    const scaleCase = ['cn-scale-neu-er-ams-primary', 'cn-scale-neu-er-dub-dr', 'pip-vgw-er-scale-neu', 'vgw-er-scale-neu', 'vnet-scale-neu'];
    expect(onlyClean.sort()).toEqual(['cn-hub-weu-v2v-lab-neu', 'cn-lab-neu-v2v-hub-weu', 'cn-partner-weu-er-lon', 'cn-prod-neu-er-ams', 'cn-prod-uks-er-dub', 'ergw-vhub-uks', 'rf-ms365-uks', ...scaleCase].sort());
  });
});
