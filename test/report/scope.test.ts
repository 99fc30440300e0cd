import { describe, expect, it } from 'vitest';
import { normalizeId } from '../../src/arm/arm-id.js';
import { ErscopeError } from '../../src/errors.js';
import { buildDiagram } from '../../src/report/diagram.js';
import { renderReportDetailed } from '../../src/report/index.js';
import { buildReportModel } from '../../src/report/model.js';
import { selectScope } from '../../src/report/scope.js';
import { svgNodeCount } from './golden.js';
import { fixtureInput, IDS } from './fixture.js';
import { synthEstate } from './synth.js';

describe('focus and depth', () => {
  it('selects the undirected neighbourhood within N hops', () => {
    const { graph } = fixtureInput();
    const one = selectScope(graph, { focus: IDS.connLon.toUpperCase(), depth: 1 });
    expect(one.keys).toEqual([IDS.circuitLon, IDS.connLon, IDS.gateway].map(normalizeId).sort());
    expect(one.focus).toBe(IDS.connLon);
    const two = selectScope(graph, { focus: IDS.connLon, depth: 2 });
    expect(two.keys).toContain(normalizeId(IDS.connAms));
    expect(two.keys).not.toContain(normalizeId(IDS.circuitAms));
    expect(selectScope(graph, { focus: IDS.connLon, depth: 0 }).keys).toEqual([normalizeId(IDS.connLon)]);
  });

  it('refuses an unknown focus or a bad depth with one-line errors', () => {
    const { graph } = fixtureInput();
    expect(() => selectScope(graph, { focus: '/subscriptions/x/nope' })).toThrow(ErscopeError);
    expect(() => selectScope(graph, { focus: '/subscriptions/x/nope' })).toThrow(/^--focus \/subscriptions\/x\/nope is not in the graph; [^\n]+$/);
    expect(() => selectScope(graph, { focus: IDS.connLon, depth: -1 })).toThrow(/--depth -1/);
  });

  it('keeps only in-scope findings and edges in the model', () => {
    const model = buildReportModel(fixtureInput({ focus: IDS.gateway, depth: 1 }));
    expect(model.nodes.map((n) => n.name).sort()).toContain('conn-lon');
    expect(model.findings.map((f) => f.ruleId)).toEqual(['connection-not-connected', 'reference-no-access', 'single-peering-location', 'gateway-not-zone-redundant']);
    const narrow = buildReportModel(fixtureInput({ nodeIds: [IDS.circuitAms, IDS.connAms, '/subscriptions/gone/x'] }));
    expect(narrow.nodes).toHaveLength(2);
    expect(narrow.edges).toHaveLength(1);
    expect(narrow.findings).toEqual([]);
    expect(narrow.meta.scope).toMatchObject({ subset: true, totalNodes: 15 });
  });

  it('exports exactly an explicit node subset (the TUI view)', async () => {
    const r = await renderReportDetailed('html', fixtureInput({ nodeIds: [IDS.circuitAms, IDS.connAms, IDS.gateway] }));
    expect(svgNodeCount(r.svg!)).toBe(3);
    expect(r.text).toContain('selected view (3 of 15 resources)');
  });
});

describe('collapse of large estates', () => {
  it('draws one node per subscription/hub/location group at 1,000+ nodes while tables stay complete', async () => {
    const input = synthEstate(1000);
    expect(input.graph.order).toBe(1000);
    const r = await renderReportDetailed('html', input);
    expect(r.diagram.collapsed).toBe(true);
    expect(r.diagram.nodes.length).toBeLessThan(200);
    expect(r.diagram.nodes.reduce((n, g) => n + g.members!, 0)).toBe(1000);
    expect(svgNodeCount(r.svg!)).toBe(r.diagram.nodes.length);
    const resources = r.text.slice(r.text.indexOf('<section id="resources">'));
    expect((resources.match(/<tr><td data-sort=/g) ?? []).length).toBe(1000);
    expect(r.text).toContain('too many to draw one by one');
    const hubNode = r.diagram.nodes.find((n) => n.lines[0] === 'Hub hub-0')!;
    expect(hubNode.lines).toContain('3 resources');
  });

  it('does not collapse below the threshold, and the threshold is adjustable', () => {
    const input = synthEstate(100);
    expect(buildDiagram(input.graph, buildReportModel(input)).collapsed).toBe(false);
    const d = buildDiagram(input.graph, buildReportModel(input), 50);
    expect(d.collapsed).toBe(true);
    expect(d.edges.every((e) => /^\d+ links?$/.test(e.label ?? ''))).toBe(true);
  });
});
