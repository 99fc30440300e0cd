import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runExport, type ExportCommandOptions } from '../../src/cli/commands/export.js';
import type { CommandIO } from '../../src/cli/io.js';
import { fixtureInput, IDS } from './fixture.js';

function capture(): CommandIO & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (c: string) => (out += c) },
    stderr: { write: (c: string) => (err += c) },
    out: () => out,
    err: () => err,
  };
}

function opts(extra: Partial<ExportCommandOptions>): ExportCommandOptions {
  const i = fixtureInput();
  return { graph: i.graph, findings: i.findings, inventoryIssues: i.inventoryIssues, source: i.source, subscriptions: i.subscriptions,
    generatedAt: i.generatedAt!, format: 'md', ...extra };
}

const dir = mkdtempSync(join(tmpdir(), 'erscope-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('runExport', () => {
  it('writes to stdout without --out', async () => {
    const io = capture();
    expect(await runExport(opts({ format: 'mermaid' }), io)).toBe(0);
    expect(io.out().startsWith('flowchart LR\n')).toBe(true);
    expect(io.err()).toBe('');
  });

  it('writes --out atomically: the file appears whole and no temp file is left', async () => {
    const io = capture();
    const file = join(dir, 'report.html');
    writeFileSync(file, 'old contents');
    expect(await runExport(opts({ format: 'html', out: file }), io)).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(readdirSync(dir)).toEqual(['report.html']);
    expect(io.out()).toBe('');
    expect(io.err()).toMatch(/^wrote html report to .*report\.html: 15 resources, 4 findings\n$/);
  });

  it('rejects an unknown format with one line listing the formats (exit 2)', async () => {
    const io = capture();
    expect(await runExport(opts({ format: 'pdf' }), io)).toBe(2);
    expect(io.err()).toBe('erscope export: unknown format "pdf"; use --format md|json|html|dot|mermaid|sarif|csv\n');
    expect(io.out()).toBe('');
  });

  it('rejects a --focus that is not in the graph with one line (exit 2) and writes nothing', async () => {
    const io = capture();
    const file = join(dir, 'focus.md');
    expect(await runExport(opts({ focus: '/subscriptions/nope/resourceGroups/x/providers/Microsoft.Network/connections/y', out: file }), io)).toBe(2);
    expect(io.err()).toMatch(/^erscope export: --focus \/subscriptions\/nope\S+ is not in the graph; [^\n]+\n$/);
    expect(readdirSync(dir)).not.toContain('focus.md');
  });

  it('exports a focus neighbourhood', async () => {
    const io = capture();
    expect(await runExport(opts({ format: 'dot', focus: IDS.connLon, depth: 1 }), io)).toBe(0);
    expect((io.out().match(/^\s+"[^"]+" \[label=/gm) ?? []).length).toBe(3);
  });

  it('reports an unwritable --out as one line (exit 2)', async () => {
    const io = capture();
    const blocker = join(dir, 'not-a-dir');
    writeFileSync(blocker, 'x');
    expect(await runExport(opts({ format: 'csv', out: join(blocker, 'r.csv') }), io)).toBe(2);
    expect(io.err()).toMatch(/^erscope export: cannot write .*r\.csv: [^\n]+\(ENOTDIR\)[^\n]+\n$/);
  });
});
