import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderReportDetailed, REPORT_FORMATS, type ReportFormat } from '../../src/report/index.js';
import type { ReportInput } from '../../src/report/model.js';
import { CONTOSO_FILE, contosoInput, contosoMissing } from './contoso.js';
import { fixtureInput } from './fixture.js';
import { expectGolden, svgNodeCount, withoutSvg } from './golden.js';

const EXT: Record<ReportFormat, string> = { md: 'md', json: 'json', html: 'html', dot: 'dot', mermaid: 'mmd', sarif: 'sarif.json', csv: 'csv' };

function goldenSuite(name: string, input: () => Promise<ReportInput>): void {
  it.each(REPORT_FORMATS)(`${name}.%s matches its golden file`, async (format) => {
    const r = await renderReportDetailed(format, await input());
    if (format === 'html') {
      expect(svgNodeCount(r.svg!)).toBe(r.diagram.nodes.length);
      expect(r.diagram.nodes.length).toBe(r.model.nodes.length);
      expectGolden(`${name}.html`, withoutSvg(r.text));
    } else {
      expectGolden(`${name}.${EXT[format]}`, r.text);
    }
  });
}

describe('golden reports: fixture estate', () => {
  goldenSuite('fixture', async () => fixtureInput());
});

const missing = contosoMissing();
if (missing) console.warn(`SKIP contoso goldens: ${missing}`);
describe.skipIf(missing !== undefined)('golden reports: contoso scenario', () => {
  goldenSuite('contoso', contosoInput);

  it('never contains one of the scenario\'s real authorization or shared keys, in any format', async () => {
    const secrets = [...readFileSync(CONTOSO_FILE, 'utf8').matchAll(/"(?:authorizationKey|sharedKey)":\s*"([^"]{6,})"/g)].map((m) => m[1]!);
    expect(secrets.length).toBeGreaterThan(3);
    const input = await contosoInput();
    for (const format of REPORT_FORMATS) {
      const text = (await renderReportDetailed(format, input)).text;
      for (const s of secrets) expect(text, `${format} leaks ${s}`).not.toContain(s);
    }
  });
});
