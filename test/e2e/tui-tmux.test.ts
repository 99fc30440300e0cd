import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The built `erscope --demo` in a real pseudo-terminal (tmux): the path a user takes, bundle and all.
const root = join(import.meta.dirname, '..', '..');
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const session = `erscope-e2e-${process.pid}`;

function tmux(...args: string[]): string {
  return execFileSync('tmux', args, { encoding: 'utf8' });
}

const screen = () => tmux('capture-pane', '-p', '-t', session);

async function waitFor(pred: (s: string) => boolean, what: string, ms = 20_000): Promise<string> {
  const until = Date.now() + ms;
  let last = '';
  while (Date.now() < until) {
    last = screen();
    if (pred(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}; screen was:\n${last}`);
}

async function keys(...k: string[]): Promise<void> {
  for (const key of k) {
    tmux('send-keys', '-t', session, key);
    await new Promise((r) => setTimeout(r, 60));
  }
}

describe.skipIf(!hasTmux)('erscope --demo in a real terminal (tmux)', () => {
  beforeAll(async () => {
    // Rebuild so the test drives the current source through the same bundle `npm ci` ships.
    execFileSync(process.execPath, [join(root, 'src/build/bundle.mjs')], { cwd: root, stdio: 'ignore' });
    expect(existsSync(join(root, 'node_modules/.cache/erscope/cli.mjs'))).toBe(true);
    tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '36', `cd ${root} && NO_COLOR=1 node src/bin/erscope.mjs --demo; echo "EXITED $?"; sleep 60`);
  }, 60_000);

  afterAll(() => {
    spawnSync('tmux', ['kill-session', '-t', session]);
  });

  it('opens on the circuits view with the header, findings counts and footer keys', async () => {
    const s = await waitFor((x) => /er-ams-primary/.test(x), 'the circuits table');
    expect(s).toMatch(/READ-ONLY/);
    expect(s).toMatch(/✖\d+ high/);
    expect(s).toMatch(/◌ er-fra-partner .*no.access/);
    expect(s).toMatch(/\? help/);
  });

  it('switches views with command mode, filters, drills down and goes back', async () => {
    // One send-keys call: the keys reach erscope in a single read, as when someone types ahead of a busy screen.
    tmux('send-keys', '-t', session, ':connections', 'Enter');
    await waitFor((x) => /^connections/m.test(x) && /cn-hub-weu-er-am/.test(x), 'the connections view');
    await keys('/', 'lab-neu-er', 'Enter');
    const filtered = await waitFor((x) => /cn-lab-neu-er-d/.test(x) && !/cn-hub-weu/.test(x), 'the filtered table');
    expect(filtered).toMatch(/NotConnected/);
    await keys('Enter');
    const detail = await waitFor((x) => /gateway-type-mismatch/.test(x), 'the detail page with its findings');
    expect(detail).toMatch(/vgw-vpn-lab-neu/);
    await keys('Escape');
    await waitFor((x) => /cn-lab-neu-er-d/.test(x) && !/gateway-type-mismatch/.test(x), 'back on the table');
  });

  it('shows help generated from the key table and quits with q at the top level', async () => {
    await keys('Escape', '?');
    const help = await waitFor((x) => /filter/i.test(x) && /refresh/i.test(x) && /quit/i.test(x), 'the help overlay');
    expect(help).not.toMatch(/create/i); // write commands are not bound in read-only mode
    await keys('Escape');
    await waitFor((x) => !/Keys\s+\(esc/.test(x) && /q quit/.test(x), 'the help overlay closed');
    // q on its own: an escape and a q that reach erscope in one read (a busy machine) are one key, alt+q.
    await keys('q');
    await waitFor((x) => /EXITED 0/.test(x), 'a clean exit');
  });
});
