import { afterEach, describe, expect, it } from 'vitest';
import { runDiagnose } from '../../src/cli/commands/diagnose.js';
import { diagnose } from '../../src/diagnose/diagnose.js';
import { diagnosisExitCode, type Diagnosis } from '../../src/diagnose/types.js';
import { CIRCUIT, CONNECTION, ER_CONNECTION, PEERING, diagnoseScenario, startWorld, type DiagnoseWorld, type Variant } from './scenarios.js';

let world: DiagnoseWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const verdicts = (d: Diagnosis) => Object.fromEntries(d.steps.map((s) => [s.id, s.verdict]));

async function run(variant: Variant, id = CONNECTION): Promise<Diagnosis> {
  world = await startWorld(diagnoseScenario(variant));
  return diagnose(world.conn, world.graph, id, { sampleWindowMs: 50 });
}

describe('diagnose against the emulator (SDK → HTTPS)', () => {
  it('passes every step on a healthy path', async () => {
    const d = await run('healthy');
    expect(verdicts(d)).toEqual({
      'circuit-provisioning': 'pass', 'peering-config': 'pass', arp: 'pass', 'bgp-routes': 'pass', traffic: 'pass',
      gateway: 'pass', connection: 'pass', 'routing-weight': 'pass', findings: 'pass',
    });
    expect(d.circuitId).toBe(CIRCUIT);
    expect(d.steps.find((s) => s.id === 'arp')!.detail).toBe('primary: on-premises 10.10.0.1 is at 9e37.79b1.0001; secondary: on-premises 10.10.0.5 is at 9e37.79b1.0001');
    expect(d.conclusion.fault).toMatch(/^No fault found/);
    expect(diagnosisExitCode(d)).toBe(0);
  });

  it('follows a vWAN ExpressRoute connection to its circuit peering', async () => {
    const d = await run('healthy', ER_CONNECTION);
    expect([d.circuitId, d.peeringId]).toEqual([CIRCUIT, PEERING]);
    expect(Object.values(verdicts(d))).toEqual(Array(9).fill('pass'));
    expect(d.steps.find((s) => s.id === 'gateway')!.evidence).toEqual({ 'ergw-hub': { type: 'ExpressRoute gateway (vWAN)', minScaleUnits: 1, provisioningState: 'Succeeded' } });
    expect(d.steps.find((s) => s.id === 'connection')!.detail).toBe('ercn-test Succeeded');
  });

  const cases: Array<[Variant, string, string, RegExp]> = [
    ['provider-not-provisioned', 'circuit-provisioning', 'provider-not-provisioned', /Call your connectivity provider \(Equinix\): give them service key b1c2d3e4-0000-4000-8000-00000000c1c1/],
    ['peering-disabled', 'peering-config', 'peering-disabled', /--state Enabled/],
    ['arp-secondary-empty', 'arp', 'arp-down', /check the secondary link and VLAN 100/],
    ['bgp-not-established', 'bgp-routes', 'bgp-down-both', /neighbours 10\.10\.0\.2 and 10\.10\.0\.6: remote AS 12076, local AS 65010/],
    ['zero-traffic', 'traffic', 'no-traffic', /routes are advertised both ways/],
    ['gateway-vpn', 'gateway', 'gateway-type-vpn', /Create an ExpressRoute gateway/],
  ];
  it.each(cases)('%s: names step %s as failed and concludes on it', async (variant, stepId, code, next) => {
    const d = await run(variant);
    const step = d.steps.find((s) => s.id === stepId)!;
    expect(step.verdict).toBe('fail');
    expect(step.fault?.code).toBe(code);
    expect(d.conclusion.stepId).toBe(stepId);
    expect(d.conclusion.nextAction).toMatch(next);
    expect(diagnosisExitCode(d)).toBe(1);
  });

  it('reports BGP states Active/Idle per device', async () => {
    const d = await run('bgp-not-established', PEERING);
    const bgp = d.steps.find((s) => s.id === 'bgp-routes')!;
    expect(bgp.detail).toBe('primary: neighbour 10.10.0.1 is Active, not Established; secondary: neighbour 10.10.0.5 is Idle, not Established');
  });

  it('skips ARP on a 403, runs the other steps, and exits 3', async () => {
    world = await startWorld(diagnoseScenario('healthy'), { rules: [{ kind: '403', path: '/arpTables/' }] });
    const out: string[] = [];
    const io = { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => out.push(s) } };
    const code = await runDiagnose({ conn: world.conn, graph: world.graph, findings: [], resourceId: 'er-test', format: 'json', sampleWindowMs: 50 }, io);
    const d = JSON.parse(out.join('')) as Diagnosis;
    expect(code).toBe(3);
    const arp = d.steps.find((s) => s.id === 'arp')!;
    expect(arp.verdict).toBe('skipped');
    expect(arp.detail).toMatch(/^could not run: 403 /);
    expect(arp.detail).toContain('AuthorizationFailed');
    expect(d.steps.filter((s) => s.id !== 'arp').map((s) => s.verdict)).toEqual(Array(8).fill('pass'));
    expect(d.conclusion.nextAction).toMatch(/read access/);
  });

  it('cancels an in-flight ARP request: the flow returns with the rest skipped as aborted', async () => {
    world = await startWorld(diagnoseScenario('healthy'));
    world.emu.setFaults({ latencyMs: 200 });
    const ac = new AbortController();
    const d = await diagnose(world.conn, world.graph, CIRCUIT, {
      signal: ac.signal,
      sampleWindowMs: 50,
      onProgress: (_id, msg) => msg === 'ARP table on secondary' && setTimeout(() => ac.abort(), 50),
    });
    expect(verdicts(d)['circuit-provisioning']).toBe('pass');
    expect(d.steps.slice(2).map((s) => [s.verdict, s.detail])).toEqual(Array(7).fill(['skipped', 'could not run: aborted']));
  });
});
