import { describe, expect, it } from 'vitest';
import { renderReport, renderReportDetailed, REPORT_FORMATS } from '../../src/report/index.js';
import { dotToSvg, inlineSvg } from '../../src/report/svg.js';
import { parseSnapshot } from '../../src/topology/snapshot.js';
import { ERSCOPE_VERSION } from '../../src/version.js';
import { EVIL_NAME, fixtureInput, IDS, PLANTED } from './fixture.js';
import { assertWellFormedXml, svgNodeCount } from './golden.js';

/** Minimal RFC 4180 reader for the test: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  expect(field).toBe('');
  return rows;
}

describe('every format', () => {
  it.each(REPORT_FORMATS)('%s carries source, time and version and never a planted secret', async (format) => {
    const text = await renderReport(format, fixtureInput());
    for (const secret of Object.values(PLANTED)) expect(text).not.toContain(secret);
    expect(text).toContain('2026-01-02T03:04:05.000Z');
    expect(text).toContain(ERSCOPE_VERSION);
    expect(text).toContain('127.0.0.1:9999');
  });

  it('is byte-for-byte reproducible with a fixed clock', async () => {
    for (const format of REPORT_FORMATS) {
      expect(await renderReport(format, fixtureInput())).toBe(await renderReport(format, fixtureInput()));
    }
  });
});

describe('html', () => {
  it('is self-contained: one inline script, CSP, no external fetches, injected names escaped', async () => {
    const r = await renderReportDetailed('html', fixtureInput());
    const html = r.text;
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    expect(html).not.toMatch(/<link|<iframe|<img|\ssrc=|@import|url\(/i);
    expect(html).not.toContain('<!DOCTYPE svg');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toMatch(/<table class="sortable" id="findings-table">/);
    expect(html).toContain('Peering location Amsterdam');
    expect(html).toMatch(/Hub hub(-|&#45;)weu/);
  });

  it('draws one SVG node per resource, weights on edges, severity marks and dashed stubs', async () => {
    const r = await renderReportDetailed('html', fixtureInput());
    const svg = r.svg!;
    assertWellFormedXml(svg);
    expect(svgNodeCount(svg)).toBe(15);
    expect(svg).toContain('>weight 10<');
    expect(svg).toContain('>!!! 1 high<');
    expect(svg).toMatch(/stroke-dasharray/);
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).not.toMatch(/<script/i);
  });
});

describe('dot', () => {
  it('renders with Graphviz and keeps an injected name inside its label', async () => {
    const dot = await renderReport('dot', fixtureInput());
    expect(dot.startsWith('digraph erscope {')).toBe(true);
    const svg = inlineSvg(await dotToSvg(dot));
    expect(svgNodeCount(svg)).toBe(15);
    expect(dot).toContain('\\"];x->y[label=\\"pwn');
    expect(svg).not.toMatch(/<g id="[^"]*" class="node">\s*<title>y<\/title>/);
    expect(dot).toMatch(/subgraph cluster_\d+ \{\n\s+label="Peering location London"/);
  });

  it('throws on broken DOT (so the validity check can fail)', async () => {
    await expect(dotToSvg('digraph { a -> }')).rejects.toThrow(/syntax error/);
  });
});

describe('mermaid', () => {
  it('is a flowchart with generated ids and entity-escaped labels', async () => {
    const text = await renderReport('mermaid', fixtureInput());
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('flowchart LR');
    const nodeLines = lines.filter((l) => /^\s+n\d+\[/.test(l));
    expect(nodeLines).toHaveLength(15);
    for (const l of nodeLines) expect(l).toMatch(/^\s+n\d+\["[^"[\]<>|]*?(<br\/>[^"[\]<>|]*)*"\]$/);
    const edgeLines = lines.filter((x) => x.includes('-->'));
    expect(edgeLines.length).toBeGreaterThan(10);
    for (const l of edgeLines) expect(l).toMatch(/^ {2}n\d+ <?-->(\|"[^"|]*"\|)? n\d+$/);
    expect(edgeLines.filter((l) => l.includes('<-->'))).toHaveLength(2);
    expect(text).not.toContain('<script>');
    expect(text).toContain('#60;script#62;');
    expect(text).toContain('|"weight 10"|');
  });
});

describe('markdown', () => {
  it('has summary tables, findings with why and fix, a mermaid block and a table per type', async () => {
    const text = await renderReport('md', fixtureInput());
    expect(text).toContain('### Findings by severity');
    expect(text).toContain('| !!! high | 1 |');
    expect(text).toMatch(/- Why: Traffic to on-premises cannot use this path\./);
    expect(text).toMatch(/- Fix: Grant Reader; old sharedKey: \\\*\\\*\\\*redacted\\\*\\\*\\\*/);
    expect(text).toContain('```mermaid\nflowchart LR');
    expect(text).toContain('### Connection (3)');
    expect(text).not.toContain('<script>');
    expect(text).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(text).toMatch(/\| Name \| Resource group \| Subscription \| Location \| Status \| Findings \| Connection type \| Routing weight/);
  });
});

describe('csv', () => {
  it('is RFC 4180 with one row per finding, then one resiliency-score row per VNet/hub, and quoted awkward fields', async () => {
    const text = await renderReport('csv', fixtureInput());
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text);
    for (const r of rows) expect(r).toHaveLength(rows[0]!.length);
    const evil = rows.find((r) => r[1] === 'reference-no-access')!;
    expect(evil[3]).toBe(EVIL_NAME);
    const findings = rows.filter((r) => r[1] !== 'resiliency-score');
    expect(findings.map((r) => r[0])).toEqual(['severity', 'high', 'medium', 'low', 'info']);
    const scores = rows.filter((r) => r[1] === 'resiliency-score');
    expect(scores.length).toBeGreaterThan(0);
    for (const r of scores) {
      expect(r[0]).toBe('');
      expect(r[6]).toMatch(/^Resiliency \d+\/100 \((maximum|high|standard|vpn-only|none)\)$/);
      expect(JSON.parse(r[11]!)).toHaveProperty('items');
    }
  });
});

describe('sarif', () => {
  it('is SARIF 2.1.0 with levels and logical locations', async () => {
    const sarif = JSON.parse(await renderReport('sarif', fixtureInput()));
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('erscope');
    expect(run.results.map((r: { level: string }) => r.level)).toEqual(['error', 'warning', 'note', 'note']);
    expect(run.results[0].locations[0].logicalLocations[0].fullyQualifiedName).toBe(IDS.connLon);
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
  });
});

describe('json', () => {
  it('is a valid snapshot plus findings', async () => {
    const data = JSON.parse(await renderReport('json', fixtureInput()));
    expect(data.findings).toHaveLength(4);
    const snap = parseSnapshot(data, 'export.json');
    expect(snap.nodes).toHaveLength(15);
    expect(snap.edges).toHaveLength(16);
    expect(snap.generatedAt).toBe('2026-01-02T03:04:05.000Z');
    expect(snap.issues[0]!.message).not.toContain(PLANTED.sharedKey);
  });
});
