import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { Diagnosis } from '../../src/diagnose/types.js';
import { expectGolden, KEY, renderApp, tick } from './harness.js';
import { fixtureBackend } from './fixture.js';
import { FakeMonitor, fakeDiagnose, fixtureId, liveBackend } from './live-fake.js';

afterEach(() => cleanup());
const bodyOf = (f: string) => f.split('\n').slice(2, -2).join('\n');
const statusLine = (f: string) => f.split('\n').slice(-2, -1)[0] ?? '';

/** A finished diagnosis of conn-er-ams: two passes, a failed ARP step with evidence, a skipped step. */
function sampleDiagnosis(): Diagnosis {
  return {
    resourceId: fixtureId('conn-er-ams'),
    circuitId: fixtureId('er-ams-1'),
    steps: [
      { id: 'circuit-provisioning', title: 'Circuit provisioning', verdict: 'pass', evidence: { circuitProvisioningState: 'Enabled', serviceProviderProvisioningState: 'Provisioned' }, detail: 'Circuit er-ams-1 is Enabled and Provisioned by Equinix.' },
      { id: 'peering-config', title: 'Peering configuration', verdict: 'pass', evidence: {}, detail: 'AzurePrivatePeering is Enabled with VLAN 100.' },
      { id: 'arp', title: 'ARP on primary and secondary', verdict: 'fail', evidence: { primary: '2 entries', secondary: 'no entry for 192.168.10.5' }, detail: 'The secondary link has no ARP entry for the customer side.', fault: { code: 'arp-secondary-missing' } },
      { id: 'bgp-routes', title: 'BGP sessions and routes', verdict: 'skipped', evidence: {}, detail: 'could not run: 429 TooManyRequests: retry later' },
    ],
    conclusion: { fault: 'Layer 2 on the secondary link is down (no ARP for the customer edge).', nextAction: 'Ask Equinix to check the secondary cross-connect at Amsterdam.', stepId: 'arp' },
  };
}

async function openDiagnose(d = fakeDiagnose()) {
  const m = new FakeMonitor();
  const r = renderApp({ backend: liveBackend(m, d), autoLoad: false }, 100, 30);
  await r.press('4', 'd');
  return { r, d, m };
}

describe('d: guided diagnosis page', () => {
  it('shows each step as it runs, then verdicts, evidence on enter and the boxed conclusion', async () => {
    const { r, d, m } = await openDiagnose();
    expect(d.calls).toHaveLength(1);
    expect(d.calls[0]!.resourceId).toBe(fixtureId('conn-er-ams'));
    expect(r.frame()).toContain('connections › diagnose conn-er-ams');
    expect(m.watched[m.watched.length - 1]!.ids).toEqual([]);
    const { progress } = d.calls[0]!;
    progress('circuit-provisioning', 'Circuit provisioning');
    await tick();
    expect(bodyOf(r.frame())).toMatch(/[◐◓◑◒] Circuit provisioning…/);
    progress('circuit-provisioning', 'Circuit provisioning: pass');
    progress('arp', 'ARP on primary and secondary');
    await tick();
    expect(bodyOf(r.frame())).toContain('✔ Circuit provisioning');
    expect(bodyOf(r.frame())).toMatch(/[◐◓◑◒] ARP on primary and secondary…/);

    d.finish(sampleDiagnosis());
    await tick();
    let f = bodyOf(r.frame());
    expect(f).toContain('4 steps: ✔2 ✖1 ◌1');
    expect(f).toMatch(/✖\s+3 ARP on primary and secondary\s+\(2 evidence\)/);
    expect(f).toContain('◌  4 BGP sessions and routes');
    expect(f).toContain('│ Most likely fault: Layer 2 on the secondary link is down');
    expect(f).not.toContain('secondary: no entry for 192.168.10.5');
    // Cursor to the ARP step head line, then enter shows its evidence and space hides it again.
    const lines = f.split('\n');
    const arpAt = lines.findIndex((l) => l.includes('3 ARP on primary'));
    for (let i = 0; i < arpAt; i++) await r.press('j');
    await r.press(KEY.enter);
    f = bodyOf(r.frame());
    expect(f).toContain('│ secondary: no entry for 192.168.10.5');
    expectGolden('live-diagnose-100', r.frame());
    await r.press(' ');
    expect(bodyOf(r.frame())).not.toContain('secondary: no entry for 192.168.10.5');
  });

  it('esc aborts a running diagnosis and goes back without leaving the app', async () => {
    const { r, d } = await openDiagnose();
    d.calls[0]!.progress('circuit-provisioning', 'Circuit provisioning');
    await tick();
    expect(d.calls[0]!.signal.aborted).toBe(false);
    await r.press(KEY.esc);
    expect(d.calls[0]!.signal.aborted).toBe(true);
    expect(r.frame()).toContain('connections  1/7');
    // A late result of the aborted run changes nothing; the app still answers keys.
    d.finish(sampleDiagnosis());
    await r.press('j');
    expect(r.frame()).toContain('connections  2/7');
  });

  it('a failed diagnosis says why in one line', async () => {
    const { r } = await openDiagnose({
      calls: [],
      finish: () => {},
      fn: async () => {
        throw new Error('nothing loaded yet: wait for the inventory to finish, then press d again\n    at stack');
      },
    });
    await tick();
    expect(bodyOf(r.frame())).toContain('✖ diagnosis failed: nothing loaded yet: wait for the inventory to finish, then press d again');
    expect(r.frame()).not.toContain('at stack');
  });

  it('d on an unsupported type or without live data explains in the status line', async () => {
    const r = renderApp({ backend: liveBackend(new FakeMonitor(), fakeDiagnose()), autoLoad: false }, 140, 20);
    await r.press('3', 'd');
    expect(statusLine(r.frame())).toContain('! cannot diagnose a VNet gateway: d works on a circuit, peering, ExpressRoute connection or vWAN ER connection');
    expect(r.frame()).toContain('gateways  1/');
    await r.press('4', 'j', 'j', 'j', 'd');
    expect(statusLine(r.frame())).toContain('! conn-s2s-branch is not an ExpressRoute connection');
    const snap = renderApp({ backend: fixtureBackend(), autoLoad: false }, 140, 20);
    await snap.press('d');
    expect(statusLine(snap.frame())).toContain('! diagnose needs live data (ARP, BGP, counters): a snapshot has none');
  });
});
