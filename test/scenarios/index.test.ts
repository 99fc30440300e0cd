import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isBundledScenarioName, listBundledScenarios, loadBundledScenario, resolveScenarioArg, scenarioPath } from '../../src/emulator/scenarios/index.js';

describe('bundled scenario index', () => {
  it('resolves both bundled files next to the module, whatever the working directory', () => {
    const cwd = process.cwd();
    process.chdir('/');
    try {
      expect(scenarioPath('contoso')).toMatch(/src\/emulator\/scenarios\/contoso\.json$/);
      expect(existsSync(scenarioPath('contoso-clean'))).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });

  it('lists the bundled scenarios and loads them', () => {
    expect(listBundledScenarios().map((s) => s.name)).toEqual(['contoso', 'contoso-clean', 'limits-er', 'limits-vpn-vwan']);
    expect(loadBundledScenario('limits-er').name).toBe('limits-er');
    expect(loadBundledScenario('contoso-clean').name).toBe('contoso-clean');
    expect(isBundledScenarioName('contoso')).toBe(true);
    expect(isBundledScenarioName('nope')).toBe(false);
  });

  it('rejects an unknown name with a one-line message naming the choices', () => {
    expect(() => scenarioPath('nope' as 'contoso')).toThrow('Unknown scenario "nope"; use one of: contoso, contoso-clean, limits-er, limits-vpn-vwan.');
  });

  it('resolves a --scenario argument: a bundled name unless a file of that name exists, otherwise the path as given', () => {
    expect(resolveScenarioArg('limits-vpn-vwan')).toBe(scenarioPath('limits-vpn-vwan'));
    expect(resolveScenarioArg('/tmp/my-estate.json')).toBe('/tmp/my-estate.json');
    expect(resolveScenarioArg('nope')).toBe('nope');
  });
});
