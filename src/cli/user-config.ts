import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { ErscopeError } from '../errors.js';
import type { Binding } from '../ui/keymap.js';
import type { Skin } from '../ui/theme.js';

/** Flags a user may default in config.yaml; an explicit flag always wins. */
export interface UserDefaults {
  subscription?: string[];
  reader?: 'auto' | 'graph' | 'arm';
  'fail-on'?: 'high' | 'medium' | 'low' | 'none';
  cloud?: string;
}

/** The user's configuration, validated: the key table to install, the skin, and the default flags. */
export interface UserConfig {
  /** Absolute path it was read from (absent when there is no file). */
  file?: string;
  keymap?: Binding[];
  skin?: Skin;
  defaults: UserDefaults;
}

/** Where the user configuration lives: $XDG_CONFIG_HOME/erscope/config.yaml, else ~/.config/erscope/config.yaml. */
export function userConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const base = env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(env.HOME || homedir(), '.config');
  return join(base, 'erscope', 'config.yaml');
}

let current: UserConfig = { defaults: {} };

/** The configuration main() loaded for this run (empty before, or when there is no file). */
export function currentUserConfig(): UserConfig {
  return current;
}

/**
 * Reads and validates the user configuration (absent file: empty config, nothing imported), installs it as the
 * current one and returns it. Any problem is one ErscopeError line: `FILE: keys.quit: …` (exit 2).
 */
export async function loadUserConfig(env: NodeJS.ProcessEnv = process.env): Promise<UserConfig> {
  const file = userConfigPath(env);
  if (!existsSync(file)) return (current = { defaults: {} });
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ErscopeError(`${file}: cannot read the user configuration (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  const { parseUserConfig } = await import('./user-config-schema.js');
  return (current = { file, ...parseUserConfig(text, file, env) });
}

/** Flags defaulted only when erscope reads real Azure: a demo, scenario, snapshot or emulator has its own estate. */
const AZURE_ONLY = ['subscription', 'reader'] as const;

/**
 * Fills flags the user did not give from config.yaml defaults, for the flags this command has. Subscription and
 * reader defaults apply only to the Azure source; the cloud default is handed to the cloud resolver instead (it ranks
 * below AZURE_CLOUD, see src/arm/cloud.ts).
 */
export function applyUserDefaults(values: Record<string, unknown>, flags: Record<string, unknown>, defaults: UserDefaults, env: NodeJS.ProcessEnv = process.env): void {
  const otherSource = ['demo', 'scenario', 'snapshot', 'endpoint'].some((f) => values[f] !== undefined) || Boolean(env.ERSCOPE_ENDPOINT);
  for (const [flag, value] of Object.entries(defaults)) {
    if (flag === 'cloud' || value === undefined || !(flag in flags) || values[flag] !== undefined) continue;
    if ((AZURE_ONLY as readonly string[]).includes(flag) && otherSource) continue;
    values[flag] = value;
  }
}
