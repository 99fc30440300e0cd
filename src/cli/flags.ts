import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ErscopeError } from '../errors.js';

/** One command-line option: parseArgs shape plus the help text shown by --help and the README. */
export interface FlagSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  value?: string;
  help: string;
}

/** Flags that choose where data comes from; every data command accepts them. */
export const SOURCE_FLAGS: Record<string, FlagSpec> = {
  demo: { type: 'boolean', help: 'start the bundled emulator with the contoso scenario' },
  scenario: { type: 'string', value: 'FILE', help: 'start the emulator with a scenario file (or a bundled one by name: contoso, contoso-clean, limits-er, limits-vpn-vwan)' },
  endpoint: { type: 'string', value: 'URL', help: 'use an emulator already running (or ERSCOPE_ENDPOINT)' },
  'ca-cert': { type: 'string', value: 'FILE', help: "the running emulator's CA certificate (or ERSCOPE_CA_CERT)" },
  snapshot: { type: 'string', value: 'FILE', help: 'read a saved snapshot instead of Azure (offline)' },
  subscription: { type: 'string', multiple: true, value: 'ID|NAME', help: 'limit to a subscription (repeatable); default: all you can see' },
  reader: { type: 'string', value: 'auto|graph|arm', help: 'read via Resource Graph (few large pages; can lag ~30 s), ARM lists (current; ~40 calls a subscription), or auto: graph, else arm' },
  cloud: { type: 'string', value: 'NAME', help: "Azure cloud: AzureCloud, AzureUSGovernment, AzureChinaCloud or one registered with az (or AZURE_CLOUD; default: az's active cloud)" },
  config: { type: 'string', value: 'FILE', help: 'suppression config (default: .erscope.yaml in the current directory)' },
  timeout: { type: 'string', value: 'SECONDS', help: 'give up on one try of one ARM request after SECONDS, body included (default 30); retried like a dropped connection' },
  deadline: { type: 'string', value: 'SECONDS', help: 'stop the whole command (or one explorer refresh) after SECONDS (default 300): what was read is shown, the rest named as incomplete' },
};

/** Flags every command accepts. */
export const COMMON_FLAGS: Record<string, FlagSpec> = {
  help: { type: 'boolean', short: 'h', help: 'show help for this command' },
};

/** Parsed values keyed by flag name. */
export type FlagValues = Record<string, string | boolean | string[] | undefined>;

/** Parses argv strictly against the command's flags; any mistake becomes a one-line ErscopeError that names the fix. */
export function parseFlags(
  command: string,
  argv: string[],
  flags: Record<string, FlagSpec>,
  positionals: { min: number; max: number; usage: string },
): { values: FlagValues; positionals: string[] } {
  const options: ParseArgsConfig['options'] = {};
  for (const [name, f] of Object.entries({ ...flags, ...COMMON_FLAGS })) {
    options[name] = { type: f.type, ...(f.multiple ? { multiple: true } : {}), ...(f.short ? { short: f.short } : {}) };
  }
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: true });
  } catch (e) {
    throw new ErscopeError(`${describeParseError(e)} for \`erscope ${command}\`; run \`erscope ${command} --help\` for the options`);
  }
  const values = parsed.values as FlagValues;
  if (values.help) return { values, positionals: parsed.positionals };
  const n = parsed.positionals.length;
  if (n < positionals.min || n > positionals.max) {
    const what = n < positionals.min ? 'missing argument' : `unexpected argument "${parsed.positionals[positionals.max]}"`;
    throw new ErscopeError(`${what}: usage is \`erscope ${command} ${positionals.usage}\``);
  }
  return { values, positionals: parsed.positionals };
}

function describeParseError(e: unknown): string {
  const err = e as { code?: string; message?: string };
  const msg = err.message ?? String(e);
  const opt = /'(-[^']+)'/.exec(msg)?.[1];
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${opt ?? ''}`.trim();
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(msg) ? `option ${opt ?? ''} needs a value` : `option ${opt ?? ''} does not take a value`;
    default:
      return msg.split('\n')[0]!;
  }
}

/** A string flag's value, or undefined. */
export function str(values: FlagValues, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

/** A repeatable flag's values (empty when absent). */
export function list(values: FlagValues, name: string): string[] {
  const v = values[name];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}

/** Parses a non-negative integer flag, with a one-line error naming the flag and what is allowed. */
export function intFlag(values: FlagValues, name: string, min: number, max: number): number | undefined {
  const v = str(values, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ErscopeError(`--${name} must be a whole number from ${min} to ${max} (got "${v}")`);
  }
  return n;
}

/** Parses a duration flag in seconds (decimals allowed), with a one-line error naming the flag and the range. */
export function secondsFlag(values: FlagValues, name: string, min: number, max: number): number | undefined {
  const v = str(values, name);
  if (v === undefined) return undefined;
  const n = /^\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : NaN;
  if (!Number.isFinite(n) || n < min || n > max) {
    throw new ErscopeError(`--${name} must be a number of seconds from ${min} to ${max} (got "${v}")`);
  }
  return n;
}

/** Checks a flag against a fixed set of choices, naming them in the error. */
export function choiceFlag<T extends string>(values: FlagValues, name: string, choices: readonly T[], fallback: T): T {
  const v = str(values, name);
  if (v === undefined) return fallback;
  if (!(choices as readonly string[]).includes(v)) {
    throw new ErscopeError(`--${name} must be one of ${choices.join(', ')} (got "${v}")`);
  }
  return v as T;
}

/** Renders the option list for --help and the README from the same specs the parser uses. */
export function formatFlagHelp(flags: Record<string, FlagSpec>): string {
  const rows = Object.entries(flags).map(([name, f]) => {
    const left = `${f.short ? `-${f.short}, ` : ''}--${name}${f.value ? ` ${f.value}` : ''}`;
    return [left, f.help] as const;
  });
  const w = Math.max(...rows.map(([l]) => l.length), 10);
  return rows.map(([l, h]) => `  ${l.padEnd(w)}  ${h}`).join('\n');
}
