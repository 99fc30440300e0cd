import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Scenario } from './scenario-types.js';

/** Names of the scenarios shipped as JSON next to this module. */
export type BundledScenarioName = 'contoso' | 'contoso-clean' | 'limits-er' | 'limits-vpn-vwan';

/** One shipped scenario: its name, file path and one-line summary. */
export interface BundledScenario {
  name: BundledScenarioName;
  path: string;
  summary: string;
}

const SUMMARIES: Record<BundledScenarioName, string> = {
  contoso: 'Contoso hybrid estate with planted faults (3 subscriptions, circuits, gateways, VPN, Virtual WAN)',
  'contoso-clean': 'The same Contoso estate with every planted fault fixed',
  'limits-er': 'ExpressRoute limits lab: one planted fault per documented ExpressRoute limit or constraint (circuits, peerings, gateways, Global Reach, vWAN)',
  'limits-vpn-vwan': 'Fabrikam branch network breaking documented VPN Gateway and Virtual WAN limits (SKU, BGP/APIPA, NAT, hub prefixes, sites)',
};

/** Absolute path of a bundled scenario JSON, resolved next to this module so it works from any working directory. */
export function scenarioPath(name: BundledScenarioName): string {
  if (!(name in SUMMARIES)) {
    throw new Error(`Unknown scenario "${String(name)}"; use one of: ${Object.keys(SUMMARIES).join(', ')}.`);
  }
  return fileURLToPath(new URL(`./${name}.json`, import.meta.url));
}

/** The bundled scenarios, in display order, for listings of what can be loaded. */
export function listBundledScenarios(): BundledScenario[] {
  return (Object.keys(SUMMARIES) as BundledScenarioName[]).map((name) => ({ name, path: scenarioPath(name), summary: SUMMARIES[name] }));
}

/** True when `name` is one of the bundled scenario names. */
export function isBundledScenarioName(name: string): name is BundledScenarioName {
  return Object.prototype.hasOwnProperty.call(SUMMARIES, name);
}

/** A `--scenario` argument as a file path: a bundled scenario name (contoso, limits-vpn-vwan...) unless a file of that name exists. */
export function resolveScenarioArg(arg: string): string {
  return !existsSync(arg) && isBundledScenarioName(arg) ? scenarioPath(arg) : arg;
}

/** Reads and parses a bundled scenario; throws a one-line error if the file is missing (e.g. not copied next to a bundle). */
export function loadBundledScenario(name: BundledScenarioName): Scenario {
  const path = scenarioPath(name);
  if (!existsSync(path)) throw new Error(`Scenario file ${path} is missing; reinstall erscope or pass a scenario file path.`);
  return JSON.parse(readFileSync(path, 'utf8')) as Scenario;
}

export type { Scenario } from './scenario-types.js';
export { generateEstate, ESTATE_PRESETS } from './generate-estate.js';
export type { EstateOptions } from './generate-estate.js';
export { countResources, walkResources } from './walk.js';
