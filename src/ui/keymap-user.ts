import { KEYMAP, keyLabel, type Binding, type CommandId } from './keymap.js';

/** The user's rebinding, as written in config.yaml `keys:`: command name → one key or a list of keys. */
export type KeyOverrides = Record<string, string | string[]>;

/** A rebinding the explorer cannot honour; `command` is the name as the user wrote it (for `keys.NAME:` in the error). */
export class KeymapError extends Error {
  constructor(
    readonly command: string,
    message: string,
  ) {
    super(message);
    this.name = 'KeymapError';
  }
}

/** Key names keyMatches understands besides single characters and ctrl+LETTER. */
export const NAMED_KEYS = ['enter', 'esc', 'tab', 'up', 'down', 'left', 'right', 'pgup', 'pgdn', 'home', 'end', 'space', 'backspace'] as const;

/** True for a key spec the explorer can read: a named key, ctrl+LETTER, or one printable character. */
export function isKeySpec(spec: string): boolean {
  if ((NAMED_KEYS as readonly string[]).includes(spec)) return true;
  if (/^ctrl\+[a-z]$/.test(spec)) return true;
  return [...spec].length === 1 && /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(spec);
}

/** The command a config name means: the full id (`app.quit`) or its last part when no other command shares it (`quit`). */
export function commandNamed(name: string, table: readonly Binding[] = KEYMAP): CommandId | undefined {
  const exact = table.find((b) => b.id === name);
  if (exact) return exact.id;
  const bySuffix = table.filter((b) => b.id.split('.').pop() === name);
  return bySuffix.length === 1 ? bySuffix[0]!.id : undefined;
}

const overlap = (a: Binding, b: Binding) => !a.views || !b.views || a.views.some((v) => b.views!.includes(v));

/**
 * Returns a copy of the key table with the user's keys in place of the defaults, so help and footer show them. Unknown
 * commands, keys the terminal cannot send and a key shared with another command on the same page throw KeymapError.
 */
export function rebindKeys(overrides: KeyOverrides, base: readonly Binding[] = KEYMAP): Binding[] {
  const changed = new Map<CommandId, { name: string; keys: string[] }>();
  for (const [name, value] of Object.entries(overrides)) {
    const id = commandNamed(name, base);
    if (!id) {
      const same = base.filter((b) => b.id.split('.').pop() === name).map((b) => b.id);
      throw new KeymapError(name, same.length > 1 ? `"${name}" could mean ${same.join(' or ')}: write the full name` : `unknown command "${name}": use one of ${base.map((b) => b.id).join(', ')}`);
    }
    const keys = [value].flat();
    if (keys.length === 0) throw new KeymapError(name, 'needs at least one key');
    const bad = keys.find((k) => !isKeySpec(k));
    if (bad !== undefined) {
      throw new KeymapError(name, `"${bad}" is not a key erscope reads: use one character, ctrl+LETTER, or one of ${NAMED_KEYS.join(', ')}`);
    }
    changed.set(id, { name, keys: [...new Set(keys)] });
  }
  const table = base.map((b) => (changed.has(b.id) ? { ...b, keys: changed.get(b.id)!.keys } : b));
  for (const b of table) {
    const mine = changed.get(b.id);
    if (!mine) continue;
    for (const other of table) {
      if (other === b || !overlap(b, other)) continue;
      const shared = b.keys.find((k) => other.keys.includes(k));
      if (shared === undefined) continue;
      const fix = changed.has(other.id) ? 'pick another key for one of them' : `rebind ${other.id} too, or pick another key`;
      throw new KeymapError(mine.name, `"${keyLabel([shared])}" is already bound to ${other.id} (${other.description}): ${fix}`);
    }
  }
  return table;
}
