import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allCommands, EXPLORER } from '../../src/cli/commands-all.js';
import { runEmulatorCommand } from '../../src/cli/commands/emulator.js';
import { COMMON_FLAGS } from '../../src/cli/flags.js';

// Every hint that tells the user to type a flag must name one that exists: `inventory --save` (which never existed)
// was suggested for a bad snapshot until this test.
const root = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : /\.(ts|tsx)$/.test(n) ? [p] : [];
  });
}

/** Source text without comments (a flag named in a comment is not a hint). */
function code(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

async function emulatorFlags(): Promise<Set<string>> {
  let help = '';
  await runEmulatorCommand(['--help'], { stdout: { write: (s: string) => (help += s) }, stderr: { write: () => true } });
  return new Set(['help', ...[...help.matchAll(/--([a-z][a-z-]+)/g)].map((m) => m[1]!)]);
}

// Flags of other programs that erscope quotes on purpose: the `az` equivalents of a plan, and node's own options.
const FOREIGN = new Set(['ids', 'circuit-name', 'state', 'import', 'name', 'resource-group', 'vnet-gateway1', 'express-route-circuit', 'authorization-key', 'routing-weight', 'peering-type', 'peer-asn', 'primary-peer-subnet', 'secondary-peer-subnet', 'vlan-id', 'shared-key']);

describe('every flag named in a hint exists', async () => {
  const emulator = await emulatorFlags();
  const byCommand = new Map<string, Set<string>>(allCommands().map((c) => [c.name, new Set(Object.keys({ ...c.flags, ...COMMON_FLAGS }))]));
  byCommand.set('emulator', emulator);
  const known = new Set<string>(['version', ...emulator, ...Object.keys(EXPLORER.flags), ...[...byCommand.values()].flatMap((s) => [...s])]);
  const files = sources(join(root, 'src')).filter((f) => !f.endsWith(join('actions', 'az.ts')));

  it('`erscope COMMAND … --flag` names a flag of that command', () => {
    const wrong: string[] = [];
    for (const f of files) {
      for (const m of code(f).matchAll(/erscope ([a-z]+)((?: [^`'"\n]*?)?)--([a-z][a-z-]+)/g)) {
        const flags = byCommand.get(m[1]!);
        if (flags && !flags.has(m[3]!)) wrong.push(`${f.slice(root.length + 1)}: erscope ${m[1]} --${m[3]}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('any --flag in a message is one erscope accepts somewhere', () => {
    const wrong: string[] = [];
    for (const f of files) {
      for (const lit of code(f).matchAll(/(['"`])((?:\\.|(?!\1)[^\\])*?)\1/g)) {
        for (const m of lit[2]!.matchAll(/(?<![\w-])--([a-z][a-z-]+)/g)) {
          if (!known.has(m[1]!) && !FOREIGN.has(m[1]!)) wrong.push(`${f.slice(root.length + 1)}: --${m[1]}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the snapshot hint names the command that writes a snapshot', async () => {
    const { parseSnapshot } = await import('../../src/topology/snapshot.js');
    expect(() => parseSnapshot({ nodes: [] }, 'x.json')).toThrow('create one with `erscope inventory --format json --out x.json`');
  });
});
