import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExplorerBackend } from '../../src/cli/explorer-backend.js';
import { main } from '../../src/cli/main.js';
import { openSource } from '../../src/cli/source.js';
import { parseFaultSpec } from '../../src/emulator/faults.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import { SMALL, S1 } from '../emulator/helpers.js';

// Every fault class the emulator can produce × every way erscope reads or writes: each ends (the test passes short
// --timeout and --deadline values, so a hang is cut by the deadline, not by the test), shows what it could read, names
// what it could not in one line per scope, exits with the documented code, and never prints a stack trace. A write
// either applied and verified, or applied nothing and kept its plan. No timing is asserted.

/** Requests the faults hit: the connections (lists, the create's read and PUT) and the diagnosis' ARP/route tables. */
const PATH = 'connections|arpTable|routeTable';

interface FaultCase {
  name: string;
  spec: string;
  /** Per-try timeout the commands get (the hang-like faults need it short; the others need it generous on 2 busy cores). */
  timeoutS: number;
  /** How stderr names the missing scope; undefined = the client copes and the result is complete. */
  why?: RegExp;
  /** Overall deadline (the classes the client copes with get room for a busy machine; nothing of theirs hangs). */
  deadlineS?: number;
  /** Whether the explorer keeps the scope's last copy (a refusal or 404 says the copy is gone; a failure does not). */
  stale?: boolean;
}

const CASES: FaultCase[] = [
  { name: 'hang', spec: `hang:path=${PATH}`, timeoutS: 1.5, why: /: (timed out|deadline reached): /, stale: true },
  { name: 'slow-body', spec: `slow-body:path=${PATH},bytes-per-s=5`, timeoutS: 1.5, why: /: (timed out|deadline reached): /, stale: true },
  { name: 'truncate', spec: `truncate:path=${PATH}`, timeoutS: 5, why: /: (failed \[ECONNRESET\]|deadline reached): /, stale: true },
  { name: 'malformed json', spec: `malformed:path=${PATH},as=json`, timeoutS: 5, why: /: bad answer: ARM answered GET .* broken JSON body/, stale: true },
  { name: 'malformed content-type', spec: `malformed:path=${PATH},as=content-type`, timeoutS: 5, why: /: bad answer: ARM answered GET .* with text\/plain instead of JSON/, stale: true },
  { name: 'malformed html (proxy 502)', spec: `malformed:path=${PATH},as=html`, timeoutS: 5, why: /: (failed \[502\]|deadline reached): /, stale: true },
  { name: 'drop', spec: `drop:path=${PATH}`, timeoutS: 5, why: /: (failed \[ECONNRESET\]|deadline reached): /, stale: true },
  { name: '503', spec: `503:path=${PATH}`, timeoutS: 5, why: /: (failed \[ServiceUnavailable\]|deadline reached): /, stale: true },
  { name: '429', spec: `429:path=${PATH},retry-after-ms=5`, timeoutS: 5, why: /: throttled \[TooManyRequests\]: /, stale: true },
  { name: '403', spec: `403:path=${PATH}`, timeoutS: 5, why: /: forbidden \[AuthorizationFailed\]: /, stale: false },
  { name: 'token-expiry', spec: 'token-expiry:after=25', timeoutS: 5, deadlineS: 30 },
  { name: 'throttle-subscription', spec: 'throttle-subscription:reads=20', timeoutS: 5, deadlineS: 30 },
];

const DEADLINE_S = 10;
const CIRCUIT = `/subscriptions/${S1}/resourceGroups/rg-hub/providers/Microsoft.Network/expressRouteCircuits/er-fra`;
const CONNECTIONS = `/subscriptions/${S1}/resourceGroups/rg-hub/providers/Microsoft.Network/connections`;

let stateDir: string;
const previousState = process.env.ERSCOPE_STATE_DIR;
beforeAll(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'erscope-matrix-'));
  process.env.ERSCOPE_STATE_DIR = stateDir;
  // Load the SDK, the checks and the report code once, so the short deadlines below measure ARM calls, not imports.
  const emu = await startEmulator({ scenarioFile: SMALL, timeScale: 0 });
  try {
    await run(['check', '--endpoint', emu.endpoint, '--ca-cert', emu.caCertPath, '--reader', 'arm']);
    await run(['diagnose', CIRCUIT, '--endpoint', emu.endpoint, '--ca-cert', emu.caCertPath, '--reader', 'arm']);
  } finally {
    await emu.close();
  }
}, 60_000);
afterAll(() => {
  if (previousState === undefined) delete process.env.ERSCOPE_STATE_DIR;
  else process.env.ERSCOPE_STATE_DIR = previousState;
  rmSync(stateDir, { recursive: true, force: true });
});

interface Run {
  code: number;
  out: string;
  err: string;
}

async function run(argv: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: { write: (s: string) => (out += s), isTTY: false }, stderr: { write: (s: string) => (err += s), isTTY: false } });
  return { code, out, err };
}

function expectNoCrash(r: Run): void {
  expect(r.err).not.toMatch(/^\s+at /m);
  expect(r.err).not.toMatch(/unexpected error|TypeError|Cannot read/);
}

/** The scope named on stderr for the faulted connections list. */
function expectNamed(r: Run, c: FaultCase): void {
  const lines = r.err.split('\n').filter((l) => l.startsWith('incomplete: '));
  if (!c.why) return void expect(lines).toEqual([]);
  const named = lines.find((l) => l.includes(`/subscriptions/${S1}`) && /\((connections|virtualNetworkGateways|.*)\)/.test(l));
  expect(named, r.err).toBeDefined();
  expect(named).toMatch(c.why);
}

async function runCase(c: FaultCase, emu: RunningEmulator): Promise<void> {
  // One subscription (it holds the circuit, gateway and connection the commands use) keeps each read cheap.
  const source = ['--endpoint', emu.endpoint, '--ca-cert', emu.caCertPath, '--reader', 'arm', '--subscription', 'hub-prod'];
  const deadline = String(c.deadlineS ?? DEADLINE_S);
  const limits = ['--timeout', String(c.timeoutS), '--deadline', deadline];
  const values = { endpoint: emu.endpoint, 'ca-cert': emu.caCertPath, reader: 'arm', subscription: ['hub-prod'], timeout: String(c.timeoutS), deadline };
  const src = await openSource(values, { env: {} });
  const explorer = createExplorerBackend(src, values);
  try {
    // The first load (no faults yet) gets room; the refresh under the fault has the short deadline.
    src.deadlineS = 60;
    const first = await explorer.load(() => undefined, new AbortController().signal);
    src.deadlineS = Number(deadline);
    if (first.inventoryIssues.length) throw new Error(`first load incomplete: ${JSON.stringify(first.inventoryIssues.slice(0, 2))}`);
    emu.setFaults(parseFaultSpec(c.spec));
    const name = `c-${c.name.replace(/[^a-z0-9]+/g, '-')}`.slice(0, 30).replace(/-+$/, '');
    const [inventory, check, diagnose, create, refresh] = await Promise.all([
      run(['inventory', ...source, ...limits]),
      run(['check', ...source, ...limits, '--format', 'json']),
      run(['diagnose', CIRCUIT, ...source, ...limits]),
      run(['create', 'connection', ...source, ...limits, '--set', 'gateway=ergw', '--set', 'circuit=er-fra', '--set', `name=${name}`, '--set', 'routingWeight=10', '--confirm', name]),
      explorer.load(() => undefined, new AbortController().signal),
    ]);

    // inventory: the table of what was read (what the deadline let through); exit 3 and the scope named, or exit 0
    // when the client copes.
    expectNoCrash(inventory);
    expect(inventory.out, inventory.err).toMatch(/^erscope inventory: emulator: .*\nread via ARM lists\n/);
    if (!c.why) expect(inventory.out).toMatch(/ExpressRoute circuit/);
    expect(inventory.code).toBe(c.why ? 3 : 0);
    expectNamed(inventory, c);

    // check: findings on what was read (JSON on stdout), the missing scope on stderr; 1 (findings) outranks 3.
    expectNoCrash(check);
    expect(check.out, check.err).toMatch(/^\{/);
    const report = JSON.parse(check.out) as { findings: unknown[] };
    expect(report.findings.length).toBeGreaterThan(0);
    expect([1, 3]).toContain(check.code);
    expectNamed(check, c);

    // diagnose: a verdict per step; a step whose reads failed could not run (3), otherwise passed/failed (0/1).
    expectNoCrash(diagnose);
    expect(diagnose.out, diagnose.err).toMatch(/er-fra/);
    expect([0, 1, 3]).toContain(diagnose.code);

    // create --confirm: applied and verified (exit 0, the connection exists), or nothing applied and the plan kept.
    expectNoCrash(create);
    expect(create.out, create.err).toMatch(new RegExp(`Create connection ${name}`));
    const created = emu.store.getRaw(`${CONNECTIONS}/${name}`);
    if (create.code === 0) {
      expect(created).toBeDefined();
      expect(create.out).toMatch(new RegExp(`applied: .*${name}[\\s\\S]*✓ ${name} is provisioned`));
    } else if (/^failed: OutcomeUnknown: /m.test(create.err)) {
      // The answer to the PUT was lost and the read-back was broken by the same fault: said so, never guessed.
      expect(create.code).toBe(5);
      expect(create.err).toMatch(/the write may or may not have been applied; check with `erscope inventory`/);
    } else {
      expect(create.code, create.err).toBe(5);
      expect(created).toBeUndefined();
      expect(create.err).toMatch(/^(failed: .*the plan is unchanged|conflict: )/m);
    }
    if (!c.why) expect(create.code).toBe(0);

    // The explorer's refresh: the rest is fresh and usable; a scope that failed keeps its last copy, marked stale.
    expect(refresh.graph.order).toBeGreaterThan(0);
    if (!c.why) {
      expect(refresh.inventoryIssues).toEqual([]);
    } else {
      expect(refresh.inventoryIssues.length).toBeGreaterThan(0);
      const conn = refresh.graph.hasNode(`${CONNECTIONS}/conn-ams`.toLowerCase());
      if (c.stale) {
        expect(refresh.staleScopes?.length).toBeGreaterThan(0);
        expect(conn).toBe(true);
      } else {
        expect(refresh.staleScopes).toBeUndefined();
      }
    }
  } finally {
    explorer.live?.monitor.stop();
    await src.close();
    await emu.close();
  }
}

describe('fault matrix: every fault class × inventory, check, diagnose, create --confirm and the explorer refresh', () => {
  // Classes that spend their time waiting on retries and the deadline run in pairs; the rest one by one (their
  // commands already run side by side, and one process has one core to run them on).
  const byName = (...names: string[]) => names.map((n) => CASES.find((c) => c.name === n)!);
  const paired = ['hang', 'slow-body', 'truncate', 'drop', 'malformed html (proxy 502)', '503'];
  const groups = [
    byName('hang', 'slow-body'),
    byName('truncate', 'drop'),
    byName('malformed html (proxy 502)', '503'),
    ...CASES.filter((c) => !paired.includes(c.name)).map((c) => [c]),
  ];
  for (const group of groups) {
    it(`${group.map((c) => c.name).join(', ')}`, async () => {
      // Started before any case runs: generating an emulator's certificate blocks the event loop for a moment, which
      // would eat into a running case's deadline.
      const emus: RunningEmulator[] = [];
      for (const _c of group) emus.push(await startEmulator({ scenarioFile: SMALL, timeScale: 0 }));
      const results = await Promise.allSettled(group.map((c, i) => runCase(c, emus[i]!)));
      const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [`${group[i]!.name}: ${(r.reason as Error).message}`] : []));
      expect(failed).toEqual([]);
    }, 60_000);
  }
});
