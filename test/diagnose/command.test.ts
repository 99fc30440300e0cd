import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDiagnose } from '../../src/cli/commands/diagnose.js';
import type { Finding } from '../../src/checks/types.js';
import { GATEWAY, PEERING, diagnoseScenario, startWorld, type DiagnoseWorld } from './scenarios.js';

let world: DiagnoseWorld;
beforeAll(async () => {
  world = await startWorld(diagnoseScenario('peering-disabled'));
});
afterAll(() => world.close());

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) } } };
}

describe('runDiagnose', () => {
  it('prints numbered steps with glyphs, indented evidence and the conclusion', async () => {
    const c = capture();
    const finding: Finding = { ruleId: 'single-peering-location', severity: 'medium', resourceId: PEERING.toUpperCase(), title: 'One peering location', reason: 'r', evidence: {}, docs: 'd' };
    const code = await runDiagnose({ conn: world.conn, graph: world.graph, findings: [finding], resourceId: PEERING.toLowerCase(), format: 'text', sampleWindowMs: 50 }, c.io);
    const text = c.out.join('');
    expect(code).toBe(1);
    expect(text.split('\n')[0]).toBe('Diagnosis of AzurePrivatePeering (Circuit peering)');
    expect(text).toContain(' 1 ✔ Circuit provisioning: Circuit er-test is Enabled and Provisioned by Equinix.');
    expect(text).toContain(' 2 ✖ Peering configuration: Peering AzurePrivatePeering is Disabled.');
    expect(text).toContain('      state: Disabled');
    expect(text).toContain(' 9 ! Findings from the checks: 1 medium-severity finding(s): single-peering-location.');
    expect(text).toContain('Most likely fault: Peering AzurePrivatePeering on circuit er-test is Disabled.');
    expect(text).toContain('Next action: Enable it: az network express-route peering update -g rg-er --circuit-name er-test -n AzurePrivatePeering --state Enabled.');
    expect(c.err).toEqual([]);
  });

  it('writes one line and exits 2 for an unknown resource', async () => {
    const c = capture();
    const code = await runDiagnose({ conn: world.conn, graph: world.graph, findings: [], resourceId: 'no-such-circuit', format: 'text' }, c.io);
    expect(code).toBe(2);
    expect(c.out).toEqual([]);
    expect(c.err).toEqual(['erscope diagnose: resource not found: no-such-circuit; pass a resource id or a unique name (erscope inventory lists them)\n']);
  });

  it('names the supported types for an unsupported one', async () => {
    const c = capture();
    const code = await runDiagnose({ conn: world.conn, graph: world.graph, findings: [], resourceId: GATEWAY, format: 'json' }, c.io);
    expect(code).toBe(2);
    expect(c.err.join('')).toBe('erscope diagnose: cannot diagnose a VNet gateway; supported: expressroute circuit, circuit peering, connection, expressroute connection (vwan)\n');
  });

  it('refuses a source without live data in one line', async () => {
    const c = capture();
    const code = await runDiagnose({ conn: undefined, graph: world.graph, findings: [], resourceId: 'er-test', format: 'text' }, c.io);
    expect(code).toBe(2);
    expect(c.err.join('')).toMatch(/^erscope diagnose: diagnose needs live data .* instead of --snapshot\n$/);
  });
});
