import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/checks/catalog.js';
import { checkExitCode } from '../../src/checks/summary.js';
import type { Finding } from '../../src/checks/types.js';
import { runCheck } from '../../src/cli/commands/check.js';
import { runRules } from '../../src/cli/commands/rules.js';
import type { CommandIO } from '../../src/cli/io.js';
import { circuit, circuitId, erConnection, gateway, gatewayId } from './builders.js';
import { graphOf } from './graph-fixture.js';

function capture(): CommandIO & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return { stdout: { write: (c: string) => (out += c) }, stderr: { write: (c: string) => (err += c) }, out: () => out, err: () => err };
}

const source = { kind: 'snapshot' as const, label: 'test.json' };
const now = new Date('2026-03-01T12:00:00Z');
// A Vpn gateway under an ER connection (high), a non-AZ... plus info findings.
const graph = graphOf([gateway('gw-er', { type: 'Vpn', sku: 'VpnGw1' }), circuit('c1'), erConnection('conn', gatewayId('gw-er'), circuitId('c1'))]);
const base = { graph, failOn: 'high' as const, incomplete: false, source, now };

describe('check --format text', () => {
  it('groups by severity with why/fix lines and a summary', async () => {
    const io = capture();
    const code = await runCheck({ ...base, format: 'text' }, io);
    const text = io.out();
    expect(code).toBe(1);
    expect(text).toMatch(/^HIGH \(1\)\n  gateway-type-mismatch  conn \(Connection\)  Connection uses a gateway of the wrong type\n      why: .*gatewayType|^HIGH/m);
    expect(text).toContain('      why: ');
    expect(text).toMatch(/INFO \(\d+\)/);
    expect(text.trim().split('\n').pop()).toMatch(/^\d+ findings: 1 high, \d+ medium, 0 low, \d+ info — snapshot: test\.json$/);
  });

  it('says so when nothing is found', async () => {
    const io = capture();
    expect(await runCheck({ ...base, graph: graphOf([]), format: 'text' }, io)).toBe(0);
    expect(io.out()).toBe('No findings.\n\n0 findings: 0 high, 0 medium, 0 low, 0 info — snapshot: test.json\n');
  });
});

describe('check --format json', () => {
  it('writes the versioned document', async () => {
    const io = capture();
    await runCheck({ ...base, format: 'json', ruleIds: ['gateway-type-mismatch', 'gateway-not-zone-redundant'], suppressions: [{ rule: 'gateway-not-zone-redundant', reason: 'lab' }] }, io);
    const doc = JSON.parse(io.out());
    expect(doc).toMatchObject({ schemaVersion: 1, erscopeVersion: expect.any(String), source, generatedAt: '2026-03-01T12:00:00.000Z', summary: { high: 1, medium: 0, low: 0, info: 0, suppressed: 1 } });
    expect(doc.findings.map((f: Finding) => [f.ruleId, f.suppressed ?? null])).toEqual([['gateway-type-mismatch', null], ['gateway-not-zone-redundant', { reason: 'lab' }]]);
  });
});

describe('check --format sarif', () => {
  it('is SARIF 2.1.0 with the whole catalog as rules and located, levelled results', async () => {
    const io = capture();
    await runCheck({ ...base, format: 'sarif', suppressions: [{ rule: 'gateway-not-zone-redundant', reason: 'lab' }] }, io);
    const sarif = JSON.parse(io.out());
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('erscope');
    const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
    for (const r of RULES) expect(ids).toContain(r.id);
    const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === 'gateway-type-mismatch');
    expect(rule).toMatchObject({ name: 'GatewayTypeMismatch', shortDescription: { text: expect.any(String) }, helpUri: expect.stringMatching(/^https:/), defaultConfiguration: { level: 'error' } });
    const hit = run.results.find((r: { ruleId: string }) => r.ruleId === 'gateway-type-mismatch');
    expect(hit).toMatchObject({ level: 'error', message: { text: expect.stringContaining('wrong type') }, locations: [{ logicalLocations: [{ fullyQualifiedName: erConnection('conn', gatewayId('gw-er'), circuitId('c1')).id }] }] });
    expect(run.tool.driver.rules[hit.ruleIndex].id).toBe('gateway-type-mismatch');
    const sup = run.results.find((r: { ruleId: string }) => r.ruleId === 'gateway-not-zone-redundant');
    expect(sup).toMatchObject({ level: 'note', suppressions: [{ kind: 'external', justification: 'lab' }] });
  });
});

describe('exit codes', () => {
  const f = (severity: Finding['severity'], suppressed = false): Finding => ({ ruleId: 'x', severity, resourceId: 'r', title: 't', reason: 'r', evidence: {}, docs: 'd', ...(suppressed ? { suppressed: { reason: 'ok' } } : {}) });
  it.each<[string, Finding[], Parameters<typeof checkExitCode>[1], boolean, number]>([
    ['nothing', [], 'high', false, 0],
    ['high at high', [f('high')], 'high', false, 1],
    ['medium below high', [f('medium')], 'high', false, 0],
    ['medium at medium', [f('medium')], 'medium', false, 1],
    ['low at medium', [f('low')], 'medium', false, 0],
    ['suppressed high', [f('high', true)], 'high', false, 0],
    ['fail-on none', [f('high')], 'none', false, 0],
    ['incomplete, nothing at threshold', [f('low')], 'high', true, 3],
    ['incomplete but failing', [f('high')], 'high', true, 1],
  ])('%s', (_l, findings, failOn, incomplete, code) => expect(checkExitCode(findings, failOn, incomplete)).toBe(code));

  it('runCheck returns 3 for an incomplete inventory without failing findings', async () => {
    expect(await runCheck({ ...base, graph: graphOf([]), format: 'json', incomplete: true }, capture())).toBe(3);
  });
});

describe('--out', () => {
  it('writes the report to the file (no temp file left) and a summary to stderr', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'erscope-check-'));
    const out = path.join(dir, 'sub', 'report.sarif');
    const io = capture();
    await runCheck({ ...base, format: 'sarif', out }, io);
    expect(JSON.parse(readFileSync(out, 'utf8')).version).toBe('2.1.0');
    expect(readdirSync(path.dirname(out))).toEqual(['report.sarif']);
    expect(io.out()).toBe('');
    expect(io.err()).toMatch(/^wrote sarif report to .*report\.sarif: \d+ findings/);
    expect(existsSync(`${out}.tmp`)).toBe(false);
  });
});

describe('rules command', () => {
  it('lists every rule with severity, title and doc', async () => {
    const io = capture();
    expect(await runRules(io, 'text')).toBe(0);
    for (const r of RULES) expect(io.out()).toContain(r.id);
    expect(io.out()).toContain(`${RULES.length} rules`);
    const json = capture();
    await runRules(json, 'json');
    expect(JSON.parse(json.out())[0]).toEqual({ id: RULES[0]!.id, severity: RULES[0]!.severity, category: RULES[0]!.category, title: RULES[0]!.title, docs: RULES[0]!.docs, source: RULES[0]!.source });
  });
});
