import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/cli/commands/rules.js';
import { RULES } from '../../src/checks/catalog.js';
import { CONSTRAINTS } from '../../src/checks/coverage/index.js';
import { COVERAGE_END, COVERAGE_START, coverageMarkdown } from '../../src/checks/coverage/markdown.js';
import type { CommandIO } from '../../src/cli/io.js';

function bufferIO(): { io: CommandIO; out: () => string } {
  let out = '';
  return { io: { stdout: { write: (c: string) => (out += c) }, stderr: { write: () => true } } as CommandIO, out: () => out };
}

const readmePath = join(import.meta.dirname, '..', '..', 'README.md');

describe('coverage table, catalog and README stay in step', () => {
  const ruleIds = new Set(RULES.map((r) => r.id));

  it('every rule is checked by at least one coverage row', () => {
    const covered = new Set(CONSTRAINTS.flatMap((c) => c.ruleIds));
    expect(RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it('every rule id a coverage row names exists in the catalog', () => {
    expect(CONSTRAINTS.flatMap((c) => c.ruleIds.filter((id) => !ruleIds.has(id)).map((id) => `${c.id} -> ${id}`))).toEqual([]);
  });

  it('constraint ids are unique and a row without rules says why it cannot be read', () => {
    const ids = CONSTRAINTS.map((c) => c.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const c of CONSTRAINTS) {
      expect(c.fact.trim(), c.id).not.toBe('');
      expect(c.source, c.id).toMatch(/^https:\/\//);
      if (c.ruleIds.length === 0) expect(c.unreadable?.trim(), `${c.id} has no rule and no reason`).toBeTruthy();
    }
  });

  it('every rule has a docs link and at least one source with a URL and a quoted fact', () => {
    for (const r of RULES) {
      expect(r.docs, r.id).toMatch(/^https:\/\//);
      expect(r.source.length, `${r.id} has no source`).toBeGreaterThan(0);
      for (const s of r.source) {
        expect(s.url, r.id).toMatch(/^https:\/\//);
        expect(s.quote.trim().length, r.id).toBeGreaterThan(10);
      }
    }
  });

  it('rule ids are unique kebab-case', () => {
    expect(RULES.map((r) => r.id).filter((id, i, all) => all.indexOf(id) !== i)).toEqual([]);
    for (const r of RULES) expect(r.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
  });

  it('the README carries the generated coverage table', () => {
    const readme = readFileSync(readmePath, 'utf8');
    const start = readme.indexOf(COVERAGE_START);
    const end = readme.indexOf(COVERAGE_END);
    expect(start, 'README lacks the coverage start marker').toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(start);
    const generated = `\n${coverageMarkdown(CONSTRAINTS, RULES)}`;
    if (process.env.UPDATE_README) {
      writeFileSync(readmePath, readme.slice(0, start + COVERAGE_START.length) + generated + readme.slice(end));
      return;
    }
    expect(readme.slice(start + COVERAGE_START.length, end)).toBe(generated);
  });

  it('`erscope rules --format md` prints the same table, and --format json includes the sources', async () => {
    const md = bufferIO();
    expect(await runRules(md.io, 'md')).toBe(0);
    expect(md.out()).toBe(coverageMarkdown(CONSTRAINTS, RULES));
    expect(md.out()).toMatch(/\| expressroute \| er-gr-prefix \| .* \| `global-reach-prefix-invalid` \|/);
    const json = bufferIO();
    await runRules(json.io, 'json');
    const rows = JSON.parse(json.out()) as Array<{ id: string; source: Array<{ url: string; quote: string }> }>;
    expect(rows.find((r) => r.id === 'global-reach-local-sku')!.source[0]!.quote).toContain('Local SKU');
  });

  it('`erscope rules` lists at least 80 rules, each with its docs link (the issue #12 target)', async () => {
    const text = bufferIO();
    expect(await runRules(text.io, 'text')).toBe(0);
    const count = Number(/^(\d+) rules$/m.exec(text.out())?.[1]);
    expect(count).toBe(RULES.length);
    expect(count).toBeGreaterThanOrEqual(80);
    for (const r of RULES) expect(text.out()).toContain(r.docs);
  });
});
