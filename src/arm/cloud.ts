import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ErscopeError } from '../errors.js';

/** Where one Azure cloud answers: the ARM and Resource Graph endpoints, the Entra authority and the ARM token scope. */
export interface AzureCloud {
  /** The name az uses (`az cloud list`). */
  name: string;
  resourceManager: string;
  /** Resource Graph is a provider under ARM in every cloud, so this is the ARM endpoint; kept apart for custom clouds. */
  resourceGraph: string;
  /** Entra ID (Azure AD) authority host the non-az credentials sign in at. */
  authorityHost: string;
  /** Scope of every ARM token: the ARM endpoint + `/.default`, as the Azure SDK for JS derives it. */
  tokenScope: string;
}

function cloud(name: string, resourceManager: string, authorityHost: string, audience = resourceManager): AzureCloud {
  return { name, resourceManager, resourceGraph: resourceManager, authorityHost, tokenScope: `${audience.replace(/\/+$/, '')}/.default` };
}

/** The clouds az knows out of the box (`az cloud show -n NAME`: endpoints.resourceManager and activeDirectory). */
export const BUILTIN_CLOUDS: Record<string, AzureCloud> = {
  AzureCloud: cloud('AzureCloud', 'https://management.azure.com', 'https://login.microsoftonline.com'),
  AzureUSGovernment: cloud('AzureUSGovernment', 'https://management.usgovcloudapi.net', 'https://login.microsoftonline.us'),
  AzureChinaCloud: cloud('AzureChinaCloud', 'https://management.chinacloudapi.cn', 'https://login.chinacloudapi.cn'),
};

/** The public cloud, used when nothing names another. */
export const DEFAULT_CLOUD = BUILTIN_CLOUDS.AzureCloud!;

/** Where the chosen cloud came from, strongest first. */
export type CloudOrigin = '--cloud' | 'AZURE_CLOUD' | 'config.yaml' | 'az' | 'default';

/** The resolved cloud and which setting chose it (shown in errors so a user knows what to change). */
export interface CloudChoice {
  cloud: AzureCloud;
  from: CloudOrigin;
}

/** Inputs of the resolver: the flag, the environment, the user config's default and az's config directory. */
export interface CloudInputs {
  flag?: string;
  env?: NodeJS.ProcessEnv;
  /** `defaults.cloud` from erscope's config.yaml. */
  configDefault?: string;
  /** az's config directory; default AZURE_CONFIG_DIR or ~/.azure. */
  azConfigDir?: string;
}

/**
 * Picks the cloud like az would: --cloud, then AZURE_CLOUD, then erscope's config.yaml, then az's active cloud
 * (`[cloud] name` in ~/.azure/config, set by `az cloud set`), then AzureCloud. A name that is not built in is looked
 * up among az's registered custom clouds (`az cloud register`, ~/.azure/clouds.config).
 */
export function resolveCloud(inputs: CloudInputs = {}): CloudChoice {
  const env = inputs.env ?? process.env;
  const azDir = inputs.azConfigDir ?? azConfigDir(env);
  const picks: Array<[CloudOrigin, string | undefined]> = [
    ['--cloud', inputs.flag],
    ['AZURE_CLOUD', env.AZURE_CLOUD || undefined],
    ['config.yaml', inputs.configDefault],
    ['az', iniValue(join(azDir, 'config'), 'cloud', 'name')],
  ];
  for (const [from, name] of picks) {
    if (name === undefined) continue;
    const found = findCloud(name, azDir);
    if (found) return { cloud: found, from };
    const where = from === 'az' ? `az's active cloud "${name}" (${join(azDir, 'config')})` : `${from} "${name}"`;
    throw new ErscopeError(`${where} is not a cloud erscope knows: use one of ${knownCloudNames(azDir).join(', ')}`);
  }
  return { cloud: DEFAULT_CLOUD, from: 'default' };
}

/** az's configuration directory: AZURE_CONFIG_DIR, else ~/.azure. */
export function azConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.AZURE_CONFIG_DIR || join(homedir(), '.azure');
}

/** Built-in and az-registered cloud names, for error messages. */
export function knownCloudNames(azDir?: string): string[] {
  const registered = azDir ? Object.entries(iniSections(join(azDir, 'clouds.config'))).filter(([n, s]) => s.endpoint_resource_manager && !(n in BUILTIN_CLOUDS)) : [];
  return [...Object.keys(BUILTIN_CLOUDS), ...registered.map(([n]) => n)];
}

function findCloud(name: string, azDir: string): AzureCloud | undefined {
  const builtin = Object.values(BUILTIN_CLOUDS).find((c) => c.name.toLowerCase() === name.toLowerCase());
  if (builtin) return builtin;
  // az stores a registered cloud's endpoints as endpoint_<snake_case> keys in its section.
  const section = iniSections(join(azDir, 'clouds.config'))[name];
  const rm = section?.endpoint_resource_manager?.replace(/\/+$/, '');
  if (!section || !rm) return undefined;
  const authority = (section.endpoint_active_directory ?? DEFAULT_CLOUD.authorityHost).replace(/\/+$/, '');
  return cloud(name, rm, authority);
}

/**
 * Minimal INI reader for az's two config files (sections, `key = value`, `#`/`;` comments): erscope needs three
 * keys from them, which does not justify a parser dependency. A missing or unreadable file reads as empty.
 */
function iniSections(file: string): Record<string, Record<string, string>> {
  if (!existsSync(file)) return {};
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  const out: Record<string, Record<string, string>> = {};
  let current: Record<string, string> | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      current = out[header[1]!.trim()] ??= {};
      continue;
    }
    const kv = /^([^=:]+)[=:](.*)$/.exec(line);
    if (kv && current) current[kv[1]!.trim().toLowerCase()] = kv[2]!.trim();
  }
  return out;
}

function iniValue(file: string, section: string, key: string): string | undefined {
  return iniSections(file)[section]?.[key] || undefined;
}
