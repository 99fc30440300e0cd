import type { Severity } from '../checks/types.js';

/** Semantic colour tokens; components name a meaning, never a colour. */
export type Tone = 'ok' | 'warn' | 'error' | 'info' | 'muted' | 'accent' | 'selection' | 'stub' | 'title' | 'plain';

/** Every token, for validating a user's skin. */
export const TONES: readonly Tone[] = ['ok', 'warn', 'error', 'info', 'muted', 'accent', 'selection', 'stub', 'title', 'plain'];

/** How one token is drawn: ANSI colour names that read on light and dark backgrounds, never white/black foregrounds. */
export interface ToneStyle {
  color?: string;
  bold?: boolean;
  dimColor?: boolean;
  inverse?: boolean;
}

/** A resolved theme: colour on or off, plus the style per token. */
export interface Theme {
  color: boolean;
  tone(t: Tone): ToneStyle;
}

const COLOR: Record<Tone, ToneStyle> = {
  ok: { color: 'green' },
  warn: { color: 'yellow' },
  error: { color: 'red', bold: true },
  info: { color: 'cyan' },
  muted: { dimColor: true },
  accent: { color: 'magenta', bold: true },
  selection: { inverse: true, bold: true },
  stub: { color: 'magenta', dimColor: true },
  title: { bold: true },
  plain: {},
};

// Without colour, meaning still survives through bold/inverse and the glyph printed beside every value.
const MONO: Record<Tone, ToneStyle> = {
  ok: {},
  warn: {},
  error: { bold: true },
  info: {},
  muted: {},
  accent: { bold: true },
  selection: { inverse: true, bold: true },
  stub: {},
  title: { bold: true },
  plain: {},
};

/** A user's skin (config.yaml `skin:`): per token, the style to draw instead of the default. */
export type Skin = Partial<Record<Tone, ToneStyle>>;

/**
 * Builds the theme; colour is off when NO_COLOR is set to any non-empty value (https://no-color.org), and then a
 * skin is ignored too: NO_COLOR wins over the user's colours.
 */
export function makeTheme(env: Record<string, string | undefined> = process.env, forceColor?: boolean, skin: Skin = {}): Theme {
  const color = forceColor ?? !(env.NO_COLOR !== undefined && env.NO_COLOR !== '');
  const table = color ? Object.fromEntries(TONES.map((t) => [t, { ...COLOR[t], ...skin[t] }])) as Record<Tone, ToneStyle> : MONO;
  return { color, tone: (t) => table[t] };
}

/** Glyphs that carry the meaning of every colour, so colour is never the only signal. */
export const GLYPH = {
  ok: '✔',
  error: '✖',
  warn: '!',
  unknown: '?',
  stub: '◌',
  info: 'i',
  preferred: '★',
  collapsed: '▸',
  expanded: '▾',
  asc: '▲',
  desc: '▼',
} as const;

/** Glyph and tone per finding severity. */
export const SEVERITY_LOOK: Record<Severity, { glyph: string; tone: Tone; short: string }> = {
  high: { glyph: GLYPH.error, tone: 'error', short: 'high' },
  medium: { glyph: GLYPH.warn, tone: 'warn', short: 'med' },
  low: { glyph: GLYPH.unknown, tone: 'info', short: 'low' },
  info: { glyph: GLYPH.info, tone: 'muted', short: 'info' },
};

const OK_STATES = ['connected', 'succeeded', 'provisioned', 'enabled', 'ok', 'available', 'inuse'];
const BAD_STATES = ['notconnected', 'failed', 'disabled', 'deprovisioning', 'canceled'];
const UNKNOWN_STATES = ['', 'unknown', 'none'];

/** Classifies a free-text status (connection status, provisioning or provider state) into glyph + tone. */
export function statusLook(status: string | undefined, stub?: string): { glyph: string; tone: Tone } {
  if (stub) return { glyph: GLYPH.stub, tone: 'stub' };
  const s = (status ?? '').toLowerCase().replace(/[^a-z]/g, '');
  if (UNKNOWN_STATES.includes(s)) return { glyph: GLYPH.unknown, tone: 'muted' };
  if (OK_STATES.includes(s)) return { glyph: GLYPH.ok, tone: 'ok' };
  if (BAD_STATES.includes(s)) return { glyph: GLYPH.error, tone: 'error' };
  return { glyph: GLYPH.warn, tone: 'warn' };
}
