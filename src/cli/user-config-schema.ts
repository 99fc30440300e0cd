import YAML from 'yaml';
import { z } from 'zod';
import { azConfigDir, knownCloudNames } from '../arm/cloud.js';
import { pathText } from '../checks/suppress.js';
import { ErscopeError } from '../errors.js';
import { KeymapError, rebindKeys } from '../ui/keymap-user.js';
import { TONES, type Skin, type Tone, type ToneStyle } from '../ui/theme.js';
import type { UserConfig } from './user-config.js';

// Colours Ink draws (chalk's names, #rrggbb, ansi256(N), rgb(R,G,B)); anything else would be silently ignored.
const NAMED = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white', 'gray', 'grey'];
const COLOR_NAMES = [...NAMED, ...NAMED.slice(0, 8).map((n) => `${n}Bright`)];
const colour = z
  .string()
  .refine((c) => COLOR_NAMES.includes(c) || /^#[0-9a-f]{6}$/i.test(c) || /^#[0-9a-f]{3}$/i.test(c) || /^ansi256\(\d{1,3}\)$/.test(c) || /^rgb\(\d{1,3}, ?\d{1,3}, ?\d{1,3}\)$/.test(c), {
    message: `not a colour: use a name (${NAMED.join(', ')}, or with Bright), #rrggbb, ansi256(N) or rgb(R,G,B)`,
  });
const style = z.union([colour, z.strictObject({ color: colour.optional(), bold: z.boolean().optional(), dim: z.boolean().optional(), inverse: z.boolean().optional() })]);

const schema = z.strictObject({
  keys: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
  skin: z.partialRecord(z.enum(TONES as [Tone, ...Tone[]]), style).optional(),
  defaults: z
    .strictObject({
      subscription: z.union([z.string().min(1), z.array(z.string().min(1))], { message: 'expected a subscription id or name, or a list of them' }).optional(),
      reader: z.enum(['auto', 'graph', 'arm']).optional(),
      'fail-on': z.enum(['high', 'medium', 'low', 'none']).optional(),
      cloud: z.string().min(1).optional(),
    })
    .optional(),
});

function toneStyle(v: z.infer<typeof style>): ToneStyle {
  if (typeof v === 'string') return { color: v };
  return { ...(v.color ? { color: v.color } : {}), ...(v.bold !== undefined ? { bold: v.bold } : {}), ...(v.dim !== undefined ? { dimColor: v.dim } : {}), ...(v.inverse !== undefined ? { inverse: v.inverse } : {}) };
}

/** Validates config.yaml text into keymap, skin and defaults; every problem is one line naming the file and the key. */
export function parseUserConfig(text: string, file: string, env: NodeJS.ProcessEnv): Omit<UserConfig, 'file'> {
  let data: unknown;
  try {
    data = YAML.parse(text) ?? {};
  } catch (e) {
    throw new ErscopeError(`${file}: not valid YAML (${(e as Error).message.split('\n')[0]})`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const unknown = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const where = pathText([...issue.path, ...unknown.slice(0, 1)]);
    const message = unknown.length ? `unknown setting (known: ${knownKeys(issue.path).join(', ')})` : issue.message;
    throw new ErscopeError(`${file}: ${where}: ${message}`);
  }
  const cfg = parsed.data;
  const out: Omit<UserConfig, 'file'> = { defaults: {} };
  if (cfg.keys) {
    try {
      out.keymap = rebindKeys(cfg.keys);
    } catch (e) {
      if (e instanceof KeymapError) throw new ErscopeError(`${file}: keys.${e.command}: ${e.message}`);
      throw e;
    }
  }
  if (cfg.skin) out.skin = Object.fromEntries(Object.entries(cfg.skin).map(([t, v]) => [t, toneStyle(v)])) as Skin;
  const d = cfg.defaults ?? {};
  if (d.cloud !== undefined) {
    const known = knownCloudNames(azConfigDir(env));
    const match = known.find((n) => n.toLowerCase() === d.cloud!.toLowerCase());
    if (!match) throw new ErscopeError(`${file}: defaults.cloud: "${d.cloud}" is not a cloud erscope knows: use one of ${known.join(', ')}`);
    out.defaults.cloud = match;
  }
  if (d.subscription !== undefined) out.defaults.subscription = [d.subscription].flat();
  if (d.reader) out.defaults.reader = d.reader;
  if (d['fail-on']) out.defaults['fail-on'] = d['fail-on'];
  return out;
}

function knownKeys(path: ReadonlyArray<PropertyKey>): string[] {
  if (path.length === 0) return ['keys', 'skin', 'defaults'];
  if (path[0] === 'defaults') return ['subscription', 'reader', 'fail-on', 'cloud'];
  if (path.length === 1) return [...TONES];
  return ['color', 'bold', 'dim', 'inverse'];
}
