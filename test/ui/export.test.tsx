import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { withExport } from '../../src/cli/explorer-export.js';
import { exportBaseName } from '../../src/ui/model/export.js';
import { ERSCOPE_VERSION } from '../../src/version.js';
import type { ViewId } from '../../src/ui/views/types.js';
import { KEY, renderApp, tick } from './harness.js';
import { fixtureBackend, NOW } from './fixture.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'erscope-export-'));
});
afterEach(() => {
  cleanup();
  rmSync(dir, { recursive: true, force: true });
});

/** The explorer over the fixture with the real export half writing into `exportDir`. */
function app(exportDir: string, initialView: ViewId = 'connections', width = 120) {
  return renderApp({ backend: withExport(fixtureBackend(), { exportDir }), autoLoad: false, initialView }, width, 24);
}

const statusOf = (frame: string) => frame.split('\n').at(-2) ?? '';

/** Waits (bounded, not timed) until the status line reports the export's outcome. */
async function outcome(r: ReturnType<typeof app>): Promise<string> {
  for (let i = 0; i < 500 && !/[✔✖]/.test(statusOf(r.frame())); i++) await tick(20);
  return statusOf(r.frame());
}

const SECRETS = ['super-secret-key', 'psk-secret'];
const OTHERS = ['conn-er-ams', 'conn-er-fra', 'conn-er-ghost', 'vpnc-branch2', 'erc-ams', 'er-sin-1', 'hub-sea'];

describe('e exports exactly what the view shows', () => {
  it('a filtered table: csv and md hold the filtered rows only, stamped, with secrets masked', async () => {
    const r = app(dir);
    await r.press('/', ...'s2s', KEY.enter);
    expect(r.frame()).toContain('connections  filter: s2s  1/2 of 7');
    const base = exportBaseName('connections', NOW());
    await r.press('e');
    expect(statusOf(r.frame())).toContain(`export as md|json|html|dot|mermaid|sarif|csv: md  → ./${base}.md`);
    await r.press(...'csv');
    expect(statusOf(r.frame())).toContain(`→ ./${base}.csv`);
    await r.press(KEY.enter);
    expect(await outcome(r)).toContain(`✔ wrote ${join(dir, base)}.csv (2 resources, 2 findings)`);

    await r.press('e', KEY.enter);
    expect(await outcome(r)).toContain(`✔ wrote ${join(dir, base)}.md (2 resources, 2 findings)`);
    expect(readdirSync(dir).sort()).toEqual([`${base}.csv`, `${base}.md`]);

    const csv = readFileSync(join(dir, `${base}.csv`), 'utf8');
    const rows = csv.trim().split('\r\n').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows.map((l) => l.split(',')[1]).sort()).toEqual(['connection-not-connected', 'vpn-dpd-out-of-range']);
    expect(csv).toContain('/connections/conn-s2s-lost');
    expect(csv).toContain('/connections/conn-s2s-branch');
    expect(rows.every((l) => l.endsWith(`,${ERSCOPE_VERSION}`))).toBe(true);

    const md = readFileSync(join(dir, `${base}.md`), 'utf8');
    expect(md).toContain('conn-s2s-branch');
    expect(md).toContain('conn-s2s-lost');
    expect(md).toContain(`erscope version: ${ERSCOPE_VERSION}`);
    expect(md).toContain('selected view (2 of');
    for (const s of [...SECRETS, ...OTHERS]) {
      expect(csv).not.toContain(s);
      expect(md).not.toContain(s);
    }
  });

  it('tab cycles through the formats and a detail page exports its neighbourhood (depth 2)', async () => {
    const r = app(dir, 'circuits');
    await r.press(KEY.enter);
    expect(r.frame()).toContain('circuits › er-ams-1');
    await r.press('e', KEY.tab);
    const base = exportBaseName('er-ams-1', NOW());
    expect(statusOf(r.frame())).toContain(`: json  → ./${base}.json`);
    await r.press(KEY.enter);
    expect(await outcome(r)).toMatch(/✔ wrote .*er-ams-1-\d{8}-\d{6}\.json \(\d+ resources, \d+ findings\)/);
    const json = readFileSync(join(dir, `${base}.json`), 'utf8');
    const report = JSON.parse(json) as { erscopeVersion: string; nodes: Array<{ name: string }> };
    expect(report.erscopeVersion).toBe(ERSCOPE_VERSION);
    const names = report.nodes.map((n) => n.name);
    expect(names).toContain('er-ams-1');
    expect(names).toContain('auth-1');
    expect(names).toContain('conn-er-ams');
    expect(names).not.toContain('er-sin-1');
    expect(names).not.toContain('hub-sea');
    for (const s of SECRETS) expect(json).not.toContain(s);
  });

  it('esc cancels without writing', async () => {
    const r = app(dir);
    await r.press('e', '\t\t');
    expect(statusOf(r.frame())).toContain(': html  → ./erscope-connections-');
    await r.press(KEY.esc, 'e', ...'csv', KEY.esc);
    expect(statusOf(r.frame())).not.toContain('export as');
    await tick(50);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('an unwritable directory or an unknown format is one ✖ line and the app keeps running', async () => {
    const blocker = join(dir, 'not-a-dir');
    writeFileSync(blocker, 'x');
    const r = app(join(blocker, 'reports'), 'connections', 220);
    await r.press('e', KEY.enter);
    const line = await outcome(r);
    expect(line).toMatch(/^✖ export failed: cannot write .*not-a-dir\/reports\/erscope-connections-.*\.md: .*\(ENOTDIR\)/);
    await r.press(...'exls', KEY.enter);
    expect(statusOf(r.frame())).toContain('✖ unknown format "xls": use md|json|html|dot|mermaid|sarif|csv');
    await r.press('j');
    expect(r.frame()).toContain('connections  2/');
    expect(readdirSync(dir)).toEqual(['not-a-dir']);
  });

  it('without exportView on the backend (bare embed) e says so', async () => {
    const r = renderApp({ backend: fixtureBackend(), autoLoad: false, initialView: 'connections' }, 120, 24);
    await r.press('e');
    expect(statusOf(r.frame())).toContain('! export not available');
  });

  it('a filter that matches nothing has nothing to export', async () => {
    const r = app(dir);
    await r.press('/', ...'zzz-no-match', KEY.enter, 'e', KEY.enter);
    expect(statusOf(r.frame())).toContain('! nothing to export: no rows match the filter');
    expect(readdirSync(dir)).toEqual([]);
  });
});
