import { describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import { bindingsFor, KEYMAP, keyLabel, matches } from '../../src/ui/keymap.js';
import { complete, parseCommand } from '../../src/ui/model/command.js';
import { filterIndices, fit, layoutColumns } from '../../src/ui/model/table.js';
import { buildModel } from '../../src/ui/model/model.js';
import { refTree } from '../../src/ui/model/refs.js';
import { makeTheme, statusLook } from '../../src/ui/theme.js';
import { circuitsView } from '../../src/ui/views/er.js';
import { fixtureData, SUBS } from './fixture.js';

const key = (over: Partial<Key> = {}): Key => ({ upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false, ...over }) as Key;

describe('keymap', () => {
  it('matches commands, not keys, and unbinds write commands in read-only mode', () => {
    expect(matches('view.filter', '/', key())).toBe(true);
    expect(matches('app.interrupt', 'c', key({ ctrl: true }))).toBe(true);
    expect(matches('app.interrupt', 'c', key())).toBe(false);
    expect(matches('res.fix', 'f', key(), 'read-only')).toBe(false);
    expect(matches('res.fix', 'f', key(), 'write')).toBe(true);
    expect(bindingsFor('read-only').some((b) => b.write)).toBe(false);
    expect(KEYMAP.filter((b) => b.write).map((b) => b.id)).toEqual(['res.create', 'res.fix']);
    expect(keyLabel(['1', '2', '3'])).toBe('1-3');
  });

  it('has no key bound twice on the same page kind', () => {
    for (const view of ['table', 'detail', 'path', 'events'] as const) {
      const keys = bindingsFor('write', view).flatMap((b) => b.keys);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });
});

describe('command mode', () => {
  it('parses alias and scope, and rejects junk with a one-line message', () => {
    expect(parseCommand('co @prod /weu')).toEqual({ kind: 'view', view: 'connections', scope: { sub: 'prod', loc: 'weu' } });
    expect(parseCommand('vwan')).toEqual({ kind: 'view', view: 'hubs', scope: {} });
    expect(parseCommand('q')).toEqual({ kind: 'quit' });
    const bad = parseCommand('nope');
    expect(bad.kind === 'error' && !bad.message.includes('\n')).toBe(true);
  });

  it('completes aliases and @subscriptions', () => {
    expect(complete('hu', SUBS)).toEqual({ text: 'hub', candidates: ['hubs', 'hub'] });
    expect(complete('gw @prod-h', SUBS).text).toBe('gw @prod-hub ');
  });
});

describe('table model', () => {
  it('drops low-priority columns when narrow and fills the width', () => {
    const wide = layoutColumns(circuitsView.columns, 120);
    const narrow = layoutColumns(circuitsView.columns, 60);
    expect(narrow.length).toBeLessThan(wide.length);
    expect(narrow.reduce((n, p) => n + p.width, 0) + narrow.length - 1).toBe(60);
    expect(narrow.map((p) => p.col.title)).toContain('NAME');
  });

  it('filters by substring and inverts with !', () => {
    const cells = [['er-ams-1'], ['er-fra-1']];
    expect(filterIndices(cells, [0], 'AMS')).toEqual([0]);
    expect(filterIndices(cells, [0], '!ams')).toEqual([1]);
    expect(fit('abcdef', 4)).toBe('abc…');
  });

  it('reference trees mark stubs and expand collapsed nodes on demand', () => {
    const m = buildModel(fixtureData(), SUBS);
    const ghost = m.nodesOfType(['microsoft.network/connections']).find((n) => n.name === 'conn-er-ghost')!;
    const text = (ls: ReturnType<typeof refTree>) => ls.map((l) => l.segs.map((s) => s.text).join('')).join('\n');
    expect(text(refTree(m, ghost.id, 'uses', 2, new Set()))).toContain('◌ er-partner  ExpressRoute circuit  (no access)');
    const hub = m.nodesOfType(['microsoft.network/virtualhubs']).find((n) => n.name === 'hub-weu')!;
    const collapsed = refTree(m, hub.id, 'uses', 2, new Set());
    const erc = collapsed.find((l) => l.segs.some((s) => s.text === 'erc-ams'))!;
    expect(erc.treeKey).toBeDefined();
    const open = refTree(m, hub.id, 'uses', 2, new Set([erc.treeKey!]));
    expect(open.length).toBeGreaterThan(collapsed.length);
  });
});

describe('theme', () => {
  it('honours NO_COLOR and always pairs status with a glyph', () => {
    const mono = makeTheme({ NO_COLOR: '1' });
    expect(mono.color).toBe(false);
    expect(['ok', 'warn', 'error', 'info', 'stub'].every((t) => mono.tone(t as never).color === undefined)).toBe(true);
    expect(makeTheme({}).tone('ok').color).toBe('green');
    expect(statusLook('Connected').glyph).toBe('✔');
    expect(statusLook('NotConnected').glyph).toBe('✖');
    expect(statusLook('x', 'missing').glyph).toBe('◌');
  });
});
