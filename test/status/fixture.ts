import { createArmConnection, type ArmConnection } from '../../src/arm/clients.js';
import { ScenarioBuilder } from '../../src/emulator/scenario.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import type { StatusMonitor } from '../../src/status/monitor.js';
import { CIRCUIT, CONNECTION, PEERING, SUB, diagnoseScenario } from '../diagnose/scenarios.js';

export { CIRCUIT, CONNECTION, PEERING, SUB };
const NET = `/subscriptions/${SUB}/resourceGroups/rg-er/providers/Microsoft.Network`;
/** Extra connections so a storm has several resources competing for one subscription's budget. */
export const EXTRA = [`${NET}/connections/cn-b`, `${NET}/connections/cn-c`];

/** The diagnose estate plus a timeline: connection down at 30 s, peering disabled at 30 s, both back at 60 s. */
export function statusScenario() {
  const base = diagnoseScenario('healthy');
  const b = new ScenarioBuilder('status');
  b.subscription(SUB, 'diag');
  for (const r of base.resources) b.resource(r as Record<string, unknown>);
  for (const id of EXTRA) {
    b.resource({ id, name: id.split('/').pop(), type: 'Microsoft.Network/connections', properties: { connectionType: 'ExpressRoute', connectionStatus: 'Connected', provisioningState: 'Succeeded', ingressBytesTransferred: 0, egressBytesTransferred: 0, virtualNetworkGateway1: { id: `${NET}/virtualNetworkGateways/vgw-er` }, peer: { id: CIRCUIT } } });
  }
  for (const [id, d] of Object.entries(base.diagnostics)) b.diagnostics(id, d);
  b.diagnostics(CONNECTION, { ratePerSecond: 5000 });
  b.at(30, CONNECTION, { connectionStatus: 'NotConnected' });
  b.at(30, PEERING, { state: 'Disabled' });
  b.at(60, CONNECTION, { connectionStatus: 'Connected' });
  b.at(60, PEERING, { state: 'Enabled' });
  return b.build();
}

/** Emulator with a frozen clock (tests move it with advance) and a connection without SDK retries unless asked. */
export async function startStatusWorld(maxRetries = 0): Promise<{ emu: RunningEmulator; conn: ArmConnection }> {
  const emu = await startEmulator({ scenario: statusScenario(), timeScale: 0 });
  const conn = createArmConnection({ endpoint: emu.endpoint, caPem: emu.caPem, pollIntervalMs: 5, retry: { maxRetries, retryDelayInMs: 5, maxRetryDelayInMs: 10 } });
  return { emu, conn };
}

/** Resolves once the monitor's snapshot satisfies `cond` (generous limit; the assertion is on content, never on time). */
export function until(mon: StatusMonitor, cond: () => boolean, limitMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (cond()) return resolve();
    const timer = setTimeout(() => (off(), reject(new Error('condition not reached'))), limitMs);
    const off = mon.subscribe(() => {
      if (cond()) {
        clearTimeout(timer);
        off();
        resolve();
      }
    });
  });
}

/** Requests the emulator received for a subscription so far. */
export function served(emu: RunningEmulator, sub: string): number {
  return emu.requestLog.snapshot().bySubscription[sub.toLowerCase()] ?? 0;
}
