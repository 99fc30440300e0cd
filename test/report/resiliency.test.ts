import { describe, expect, it } from 'vitest';
import { renderReport, renderReportDetailed } from '../../src/report/index.js';
import { contosoInput } from './contoso.js';

// The contoso estate gives a spread of scores: the section must show each VNet/hub with its score in every format.
const EXPECTED: Array<[string, number, string]> = [
  ['vnet-lab-neu', 0, 'vpn-only'], ['vnet-prod-neu', 15, 'standard'], ['vhub-uks', 20, 'vpn-only'], ['vnet-prod-uks', 39, 'standard'],
  ['vnet-partner-weu', 50, 'standard'], ['vhub-weu', 100, 'maximum'], ['vnet-hub-weu', 100, 'maximum'], ['vnet-prod-weu', 100, 'maximum'],
];

describe('resiliency section in every report format (contoso)', () => {
  it('json carries the analysis, weakest first, with cited sources on every factor', async () => {
    const json = JSON.parse(await renderReport('json', await contosoInput())) as { resiliency: Array<{ name: string; score: number; model: string; items: Array<{ sources: string[] }>; spofs: Array<{ kind: string }> }> };
    expect(json.resiliency.map((r) => [r.name, r.score, r.model])).toEqual(EXPECTED);
    for (const r of json.resiliency) for (const i of r.items) expect(i.sources.every((u) => u.startsWith('https://learn.microsoft.com/'))).toBe(true);
    expect(json.resiliency.find((r) => r.name === 'vnet-prod-neu')!.spofs.map((s) => s.kind)).toEqual(['one-circuit', 'one-peering-location', 'gateway-not-zone-redundant', 'no-backup']);
  });

  it('md and html have a Resiliency section with one row per VNet/hub', async () => {
    const input = await contosoInput();
    const md = await renderReport('md', input);
    const section = md.slice(md.indexOf('\n## Resiliency\n'), md.indexOf('\n## Findings\n'));
    for (const [name, score] of EXPECTED) expect(section).toContain(`| ${score} | ${name} (`);
    expect(section).toContain('1. <https://learn.microsoft.com/azure/expressroute/design-architecture-for-resiliency#maximum-resiliency>');
    const html = await renderReport('html', input);
    expect(html).toContain('<section id="resiliency"><h2>Resiliency</h2>');
    expect(html.match(/<details id="resiliency-/g)).toHaveLength(EXPECTED.length);
  });

  it('dot and mermaid label each VNet/hub node with its score', async () => {
    const input = await contosoInput();
    expect(await renderReport('dot', input)).toContain('vnet-prod-neu\\nVirtual network\\nSucceeded\\n! 1 low\\nresiliency 15/100 standard, 4 SPOF');
    expect(await renderReport('mermaid', input)).toContain('resiliency 15/100 standard, 4 SPOF');
  });

  it('csv appends one resiliency-score row per VNet/hub; sarif carries the resiliency- findings', async () => {
    const input = await contosoInput();
    const csv = await renderReport('csv', input);
    expect(csv.split('\r\n').filter((l) => l.startsWith(',resiliency-score,'))).toHaveLength(EXPECTED.length);
    const sarif = JSON.parse(await renderReport('sarif', input)) as { runs: Array<{ results: Array<{ ruleId: string }> }> };
    expect(sarif.runs[0]!.results.filter((r) => r.ruleId === 'resiliency-no-backup-path')).toHaveLength(2);
  });

  it('a --focus export keeps only the VNets/hubs in the neighbourhood', async () => {
    const input = await contosoInput();
    const focus = '/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/rg-prod-neu/providers/Microsoft.Network/virtualNetworks/vnet-prod-neu';
    const r = await renderReportDetailed('json', { ...input, focus, depth: 1 });
    expect(r.model.resiliency.map((x) => x.name)).toEqual(['vnet-prod-neu']);
  });
});
