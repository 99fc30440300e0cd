import { describe, expect, it } from 'vitest';
import { conclude, fillTemplate } from '../../src/diagnose/conclusion.js';
import { diagnosisExitCode, type DiagnosisStep } from '../../src/diagnose/types.js';

const step = (id: DiagnosisStep['id'], verdict: DiagnosisStep['verdict'], code?: string, params?: Record<string, string>): DiagnosisStep => ({
  id,
  title: id,
  verdict,
  evidence: {},
  detail: verdict === 'skipped' ? 'could not run: 403 AuthorizationFailed on arpTables' : `${id} detail`,
  ...(code ? { fault: { code, params } } : {}),
});

describe('conclude', () => {
  it('prefers the most fundamental failure, not the first in the list', () => {
    const c = conclude([
      step('traffic', 'fail', 'no-traffic', { peering: 'AzurePrivatePeering' }),
      step('bgp-routes', 'fail', 'bgp-down-both', { peering: 'AzurePrivatePeering', state: 'Idle' }),
      step('circuit-provisioning', 'fail', 'provider-not-provisioned', { circuit: 'er-ams', provider: 'Equinix', serviceKey: 'abc-123', state: 'NotProvisioned' }),
    ]);
    expect(c.stepId).toBe('circuit-provisioning');
    expect(c.fault).toBe('Your connectivity provider has not provisioned circuit er-ams (provider state NotProvisioned).');
    expect(c.nextAction).toBe('Call your connectivity provider (Equinix): give them service key abc-123 and ask them to finish provisioning the circuit.');
  });
  it('ARP outranks BGP outranks traffic', () => {
    const c = conclude([step('traffic', 'fail', 'no-traffic'), step('arp', 'fail', 'arp-down', { path: 'secondary' }), step('bgp-routes', 'fail', 'bgp-down')]);
    expect(c.stepId).toBe('arp');
    expect(c.fault).toMatch(/^Layer 2 is down on the secondary link/);
  });
  it('a skipped step comes before warnings and says how to get it to run', () => {
    const c = conclude([step('traffic', 'warn', 'traffic-idle'), step('arp', 'skipped')]);
    expect(c.stepId).toBe('arp');
    expect(c.fault).toMatch(/could not run: 403 AuthorizationFailed/);
    expect(c.nextAction).toMatch(/read access/);
  });
  it('falls back to warnings, then to a healthy verdict', () => {
    expect(conclude([step('arp', 'pass'), step('traffic', 'warn', 'traffic-idle', { peering: 'P' })]).fault).toBe('No bytes moved on peering P during the sample window.');
    const ok = conclude([step('arp', 'pass')]);
    expect(ok.stepId).toBeUndefined();
    expect(ok.fault).toMatch(/^No fault found/);
  });
  it('fills unknown placeholders with ?', () => {
    expect(fillTemplate('a {x} b {y}', { x: 1 })).toBe('a 1 b ?');
  });
});

describe('diagnosisExitCode', () => {
  it('0 for pass/warn, 1 for any fail, 3 for skipped without fail', () => {
    expect(diagnosisExitCode({ steps: [step('arp', 'pass'), step('traffic', 'warn')] })).toBe(0);
    expect(diagnosisExitCode({ steps: [step('arp', 'skipped'), step('traffic', 'fail')] })).toBe(1);
    expect(diagnosisExitCode({ steps: [step('arp', 'skipped'), step('traffic', 'pass')] })).toBe(3);
  });
});
