import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { renderReportDetailed } from '../../src/report/index.js';
import { fixtureInput } from './fixture.js';
import { synthEstate } from './synth.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
if (!CHROMIUM) console.warn('SKIP html-chromium: no chromium at /usr/bin/chromium; install it with `apt-get install -y chromium` to run this test');

const dir = mkdtempSync(join(tmpdir(), 'erscope-chromium-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Headless, offline-leaning flags: no background networking, sync, updates or QUIC; a throwaway profile. */
function chromium(extra: string[], file: string): string {
  const profile = mkdtempSync(join(dir, 'profile-'));
  const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, ...extra, pathToFileURL(file).href];
  const r = spawnSync(CHROMIUM!, args, { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`chromium exited ${r.status}: ${r.stderr.split('\n').slice(-3).join(' ')}`);
  return r.stdout;
}

describe.skipIf(!CHROMIUM)('HTML report in headless Chromium', () => {
  it('renders the diagram with one g.node per resource and the tables', async () => {
    const r = await renderReportDetailed('html', fixtureInput());
    const file = join(dir, 'fixture.html');
    writeFileSync(file, r.text);
    const dom = chromium(['--dump-dom'], file);
    expect((dom.match(/<g id="node\d+" class="node">/g) ?? []).length).toBe(15);
    expect(dom).toMatch(/<div class="diagram" id="diagram"><svg /);
    expect(dom).toContain('<table class="sortable" id="findings-table">');
    // summary (3) + findings + one per resource type (11) + issues + resiliency
    expect((dom.match(/<table class="sortable"/g) ?? []).length).toBe(3 + 1 + 11 + 1 + 1);
    expect(dom).toContain('<table class="sortable" id="resiliency-table">');
    expect(dom).not.toMatch(/<script>alert/);
    const shot = join(dir, 'fixture.png');
    chromium([`--screenshot=${shot}`, '--window-size=1400,1800'], file);
    expect(statSync(shot).size).toBeGreaterThan(10_000);
  });

  it('sorts a table when a header is clicked (the inline script runs under the CSP)', async () => {
    const r = await renderReportDetailed('html', fixtureInput());
    const file = join(dir, 'sort.html');
    const click = `<script>document.querySelector('#findings-table th:nth-child(2)').click();</script>`;
    writeFileSync(file, r.text.replace('</body>', `${click}</body>`));
    const dom = chromium(['--dump-dom'], file);
    const table = dom.slice(dom.indexOf('id="findings-table"'), dom.indexOf('</table>', dom.indexOf('id="findings-table"')));
    const rules = [...table.matchAll(/<tr><td[^>]*>[^<]*<\/td><td>([a-z-]+)<\/td>/g)].map((m) => m[1]);
    expect(rules).toEqual(['connection-not-connected', 'gateway-not-zone-redundant', 'reference-no-access', 'single-peering-location']);
    expect(table).toContain('aria-sort="ascending"');
  });

  it('renders a collapsed 1,000-node estate as one node per group', async () => {
    const r = await renderReportDetailed('html', synthEstate(1000));
    const file = join(dir, 'large.html');
    writeFileSync(file, r.text);
    const dom = chromium(['--dump-dom'], file);
    expect((dom.match(/<g id="node\d+" class="node">/g) ?? []).length).toBe(r.diagram.nodes.length);
  });
});

