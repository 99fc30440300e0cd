import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CommandIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { applyUserDefaults, currentUserConfig, userConfigPath } from '../../src/cli/user-config.js';
import { activeKeymap, installKeymap, KEYMAP } from '../../src/ui/keymap.js';

// Every test writes $XDG_CONFIG_HOME/erscope/config.yaml and runs erscope in process against the bundled emulator.
const xdg = mkdtempSync(join(tmpdir(), 'erscope-xdg-'));
const file = join(xdg, 'erscope', 'config.yaml');
const saved = { XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME, AZURE_CONFIG_DIR: process.env.AZURE_CONFIG_DIR };
beforeAll(() => {
  mkdirSync(join(xdg, 'erscope'), { recursive: true });
  process.env.XDG_CONFIG_HOME = xdg;
  process.env.AZURE_CONFIG_DIR = join(xdg, 'no-az'); // no az-registered clouds in the allowed names
});
afterAll(() => {
  for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
  else process.env[k] = v;
  rmSync(xdg, { recursive: true, force: true });
});
afterEach(() => {
  rmSync(file, { force: true });
  installKeymap();
});

async function run(config: string | undefined, ...argv: string[]) {
  if (config !== undefined) writeFileSync(file, config);
  let out = '';
  let err = '';
  const io: CommandIO = { stdout: { write: (s: string) => ((out += s), true), isTTY: false }, stderr: { write: (s: string) => ((err += s), true), isTTY: false } };
  const code = await main(argv, io);
  return { code, out, err };
}

describe('where the user configuration lives', () => {
  it.each([
    [{ XDG_CONFIG_HOME: '/x/cfg', HOME: '/home/u' }, '/x/cfg/erscope/config.yaml'],
    [{ HOME: '/home/u' }, '/home/u/.config/erscope/config.yaml'],
    [{ XDG_CONFIG_HOME: 'relative/cfg', HOME: '/home/u' }, '/home/u/.config/erscope/config.yaml'], // XDG: relative is invalid
  ])('%j → %s', (env, path) => {
    expect(userConfigPath(env)).toBe(path);
  });
});

describe('default flags from config.yaml', () => {
  it('fills --fail-on when not given; an explicit flag wins', async () => {
    const config = 'defaults:\n  fail-on: none\n';
    expect((await run(undefined, 'check', '--demo', '--format', 'json')).code).toBe(1); // no file: high
    expect((await run(config, 'check', '--demo', '--format', 'json')).code).toBe(3); // none: only the incomplete scope remains
    expect((await run(config, 'check', '--demo', '--format', 'json', '--fail-on', 'high')).code).toBe(1);
  });

  it('keeps Azure-only defaults (subscription, reader) away from the demo, scenario, snapshot and emulator sources', async () => {
    const r = await run('defaults:\n  subscription: [prod-nowhere]\n  reader: arm\n', 'check', '--demo', '--format', 'json');
    expect(r.err).not.toMatch(/^erscope:/m); // only the 'incomplete:' lines naming the demo's forbidden scope
    expect(r.code).toBe(1);
    const values: Record<string, unknown> = {};
    applyUserDefaults(values, { subscription: {}, reader: {}, cloud: {} }, { subscription: ['prod'], reader: 'graph', cloud: 'AzureUSGovernment' }, {});
    expect(values).toEqual({ subscription: ['prod'], reader: 'graph' }); // cloud goes to the resolver, below AZURE_CLOUD
    const explicit: Record<string, unknown> = { reader: 'arm' };
    applyUserDefaults(explicit, { reader: {} }, { reader: 'graph' }, {});
    expect(explicit.reader).toBe('arm');
  });

  it('reads skin, keys and the cloud default (matched case-insensitively to its canonical name)', async () => {
    const r = await run('keys:\n  quit: x\nskin:\n  accent: blue\n  error: { color: "#ff5f5f", bold: true }\ndefaults:\n  cloud: azureusgovernment\n', 'rules', '--format', 'json');
    expect(r.code).toBe(0);
    const cfg = currentUserConfig();
    expect(cfg.file).toBe(file);
    expect(cfg.skin).toEqual({ accent: { color: 'blue' }, error: { color: '#ff5f5f', bold: true } });
    expect(cfg.defaults.cloud).toBe('AzureUSGovernment');
    expect(activeKeymap().find((b) => b.id === 'app.quit')!.keys).toEqual(['x']);
    expect(KEYMAP.find((b) => b.id === 'app.quit')!.keys).toEqual(['q']); // the default table itself is untouched
  });
});

it("the README's example config.yaml is valid", async () => {
  const readme = (await import('node:fs')).readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
  const example = /### User configuration[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)![1]!;
  const r = await run(example, 'rules', '--format', 'json');
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  expect(currentUserConfig().defaults).toEqual({ subscription: ['prod-spokes', 'prod-hubs'], reader: 'graph', 'fail-on': 'medium', cloud: 'AzureUSGovernment' });
});

describe('a bad config.yaml is one line naming the file and the key (exit 2)', () => {
  it.each([
    ['keys:\n  quit: F13\n', 'keys.quit: "F13" is not a key erscope reads: use one character, ctrl+LETTER, or one of enter, esc, tab, up, down, left, right, pgup, pgdn, home, end, space, backspace'],
    ['keys:\n  app.quitt: x\n', 'keys.app.quitt: unknown command "app.quitt": use one of nav.open, '],
    ['keys:\n  toggle: x\n', 'keys.toggle: "toggle" could mean tree.toggle or diag.toggle: write the full name'],
    ['keys:\n  quit: j\n', 'keys.quit: "j" is already bound to nav.down (move down): rebind nav.down too, or pick another key'],
    ['keys:\n  quit: x\n  help: x\n', 'keys.help: "x" is already bound to app.quit (quit (back on a sub-page)): pick another key for one of them'],
    ['keys:\n  quit: []\n', 'keys.quit: needs at least one key'],
    ['skin:\n  accent: purple\n', 'skin.accent: not a colour: use a name'],
    ['skin:\n  shiny: red\n', 'skin.shiny: unknown setting (known: ok, warn, error, info, muted, accent, selection, stub, title, plain)'],
    ['skin:\n  ok: { color: red, blink: true }\n', 'skin.ok.blink: unknown setting (known: color, bold, dim, inverse)'],
    ['defaults:\n  reader: fast\n', 'defaults.reader: Invalid option: expected one of "auto"|"graph"|"arm"'],
    ['defaults:\n  readr: arm\n', 'defaults.readr: unknown setting (known: subscription, reader, fail-on, cloud)'],
    ['defaults:\n  subscription: 5\n', 'defaults.subscription: expected a subscription id or name, or a list of them'],
    ['defaults:\n  cloud: AzureMoon\n', 'defaults.cloud: "AzureMoon" is not a cloud erscope knows: use one of AzureCloud, AzureUSGovernment, AzureChinaCloud'],
    ['colors: {}\n', 'colors: unknown setting (known: keys, skin, defaults)'],
    ['keys: [\n', 'not valid YAML ('],
  ])('%j', async (config, message) => {
    const r = await run(config, 'rules');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.split('\n')).toHaveLength(2); // one line and its newline
    expect(r.err.startsWith(`erscope: ${file}: ${message}`)).toBe(true);
  });

  it('leaves --version and help working, so a user can still find the docs', async () => {
    expect((await run('keys: [\n', '--version')).code).toBe(0);
    expect((await run('keys: [\n', 'help')).code).toBe(0);
  });
});
