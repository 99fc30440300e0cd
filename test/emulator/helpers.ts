import { fileURLToPath } from 'node:url';
import type { ArmConnection } from '../../src/arm/clients.js';
import { createArmConnection } from '../../src/arm/clients.js';
import type { EmulatorOptions, RunningEmulator } from '../../src/emulator/server.js';
import { startEmulator } from '../../src/emulator/server.js';

export const SMALL = fileURLToPath(new URL('../fixtures/emulator/small.json', import.meta.url));
export const S1 = '11111111-1111-1111-1111-111111111111';
export const S2 = '22222222-2222-2222-2222-222222222222';
export const S3 = '33333333-3333-3333-3333-333333333333';
export const HUB = `/subscriptions/${S1}/resourceGroups/rg-hub/providers/Microsoft.Network`;
export const ER = `/subscriptions/${S2}/resourceGroups/rg-er/providers/Microsoft.Network`;
export const CIRCUIT = `${ER}/expressRouteCircuits/er-ams`;
export const PEERING = `${CIRCUIT}/peerings/AzurePrivatePeering`;

/** Emulator on the small fixture plus a fast connection (5 ms polls, tiny retry delays). */
export async function startSmall(opts: EmulatorOptions = {}): Promise<{ emu: RunningEmulator; conn: ArmConnection }> {
  const emu = await startEmulator({ scenarioFile: SMALL, timeScale: 0, ...opts });
  const conn = createArmConnection({
    endpoint: emu.endpoint,
    caPem: emu.caPem,
    pollIntervalMs: 5,
    retry: { maxRetries: 3, retryDelayInMs: 5, maxRetryDelayInMs: 20 },
  });
  return { emu, conn };
}

/** Raw HTTPS request to the emulator (for cases the SDK cannot produce, e.g. a missing api-version). */
export async function rawRequest(
  emu: RunningEmulator,
  method: string,
  path: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: any; headers: Record<string, string | string[] | undefined> }> {
  const https = await import('node:https');
  return new Promise((resolve, reject) => {
    const req = https.request(
      `${emu.endpoint}${path}`,
      { method, ca: emu.caPem, headers: { authorization: 'Bearer t', 'content-type': 'application/json', ...headers } },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, json: text ? JSON.parse(text) : undefined, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Awaits a promise that must reject and returns the error. */
export async function rejection(p: Promise<unknown>): Promise<any> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}
