import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { RestError, createHttpHeaders, createPipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kindSpec } from '../../src/actions/kinds/index.js';
import { responseCheckPolicy } from '../../src/arm/response-check.js';
import { RT } from '../../src/arm/resource-types.js';
import { runChecks } from '../../src/checks/engine.js';
import { formatFindingsJson } from '../../src/checks/format-json.js';
import { formatFindingsSarif } from '../../src/checks/format-sarif.js';
import { formatFindingsText } from '../../src/checks/format-text.js';
import { allCommands } from '../../src/cli/commands-all.js';
import { main } from '../../src/cli/main.js';
import { ErscopeError } from '../../src/errors.js';
import { parseScenario } from '../../src/emulator/scenario.js';
import type { Inventory } from '../../src/inventory/types.js';
import { buildGraph } from '../../src/topology/graph.js';
import { inventoryFromSnapshot, parseSnapshot } from '../../src/topology/snapshot.js';
import { SMALL } from '../emulator/helpers.js';

// Property-based fuzzing of everything a user or ARM hands erscope: flags, --set fields, scenario and snapshot files,
// ARM response bodies. Properties: no stack trace, no crash (exit 70 / TypeError), no hang, exit 2 with one line for
// bad input. Run counts stay modest so `npm test` stays fast; fast-check prints the seed and path of a failure, and
// ERSCOPE_FUZZ_SEED=N replays one.
const seed = process.env.ERSCOPE_FUZZ_SEED ? Number(process.env.ERSCOPE_FUZZ_SEED) : Date.now() % 2 ** 31;
const params = (numRuns: number) => ({ numRuns, seed });

const dir = mkdtempSync(join(tmpdir(), 'erscope-fuzz-'));
const snapshotFile = join(dir, 'snapshot.json');
let snapshot: unknown;
let scenario: unknown;

beforeAll(async () => {
  const r = await run(['inventory', '--scenario', SMALL, '--format', 'json', '--out', snapshotFile]);
  expect(r.code).toBe(3); // the small scenario has a forbidden subscription
  snapshot = JSON.parse(readFileSync(snapshotFile, 'utf8'));
  scenario = JSON.parse(readFileSync(SMALL, 'utf8'));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { stdout: { write: (s: string) => (out += s), isTTY: false }, stderr: { write: (s: string) => (err += s), isTTY: false } };
  // A hang fails the property (the bound is generous: it catches a hang, it does not measure speed).
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_r, reject) => (timer = setTimeout(() => reject(new Error(`no answer within 20 s: erscope ${argv.join(' ')}`)), 20_000)));
  try {
    const code = await Promise.race([main(argv, io), hang]);
    return { code, out, err };
  } finally {
    clearTimeout(timer);
  }
}

/** A JSON value with one spot replaced or removed, chosen by a path of indexes into its keys/items. */
function mutate(value: unknown, path: number[], replacement: unknown, remove: boolean): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return replacement;
  const [i, ...rest] = path as [number, ...number[]];
  if (Array.isArray(value)) {
    if (value.length === 0) return [replacement];
    const k = i % value.length;
    const copy = [...value];
    if (remove && rest.length === 0) copy.splice(k, 1);
    else copy[k] = mutate(copy[k], rest, replacement, remove);
    return copy;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return { fuzz: replacement };
  const key = keys[i % keys.length]!;
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  if (remove && rest.length === 0) delete copy[key];
  else copy[key] = mutate(copy[key], rest, replacement, remove);
  return copy;
}

const mutation = fc.record({ path: fc.array(fc.nat(50), { maxLength: 7 }), replacement: fc.jsonValue({ maxDepth: 3 }), remove: fc.boolean() });

/** Only ErscopeError (one line for the user) or EmulatorInputError may escape a parser; a TypeError is a bug. */
function expectUserError(e: unknown): void {
  const err = e as Error;
  expect(err instanceof ErscopeError || err?.name === 'EmulatorInputError', String(err?.stack ?? err)).toBe(true);
  expect(err.message).not.toMatch(/\n/);
}

describe('fuzz: flags', () => {
  const commands = allCommands().filter((c) => c.name !== 'emulator');
  const flagNames = [...new Set(commands.flatMap((c) => Object.keys(c.flags)))].filter((n) => !['out', 'snapshot', 'demo', 'scenario', 'endpoint', 'ca-cert'].includes(n));
  const value = fc.oneof(
    fc.constantFrom('json', 'text', 'sarif', 'md', 'html', 'csv', 'table', 'high', 'none', 'arm', 'graph', '0', '-1', '0.5', '1e9', '', 'er-fra', 'x=y', '--help'),
    fc.string({ maxLength: 12 }),
  );
  const flag = fc.oneof(
    fc.tuple(fc.constantFrom(...flagNames, 'bogus', 'verbose'), fc.option(value, { nil: undefined })).map(([n, v]) => (v === undefined ? [`--${n}`] : [`--${n}`, v])),
    value.map((v) => [v]),
  );

  it('any argv over a snapshot: documented exit code, no stack trace, bad input is one line and exit 2', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...commands.map((c) => c.name), '', 'chek'), fc.array(flag, { maxLength: 5 }), async (command, flags) => {
        const argv = [...(command ? [command] : []), ...flags.flat(), '--snapshot', snapshotFile];
        const r = await run(argv);
        expect(r.err, argv.join(' ')).not.toMatch(/^\s+at |unexpected error|TypeError/m);
        expect([0, 1, 2, 3], `${argv.join(' ')}\n${r.err}`).toContain(r.code);
        if (r.code === 2) {
          const said = r.err.split('\n').filter((l) => l && !/^(incomplete|note|warning): /.test(l));
          expect(said, argv.join(' ')).toHaveLength(1);
          expect(said[0]).toMatch(/^erscope/);
        }
      }),
      params(40),
    );
  }, 120_000);
});

describe('fuzz: --set fields of every create kind', () => {
  it('a plan or one PlanInputError line, never a crash', async () => {
    const graph = buildGraph(inventoryFromSnapshot(parseSnapshot(snapshot)));
    const kinds = ['connection', 'er-connection', 'global-reach', 'peering', 'vpn-connection', 'authorization'];
    const names = ['ergw', 'vpngw', 'er-fra', 'er-ams', 'lng-branch', 'hub-weu', 'hub-ergw', 'hub-vpngw', 'site-branch', 'AzurePrivatePeering', 'conn-ams'];
    const val = fc.oneof(fc.constantFrom(...names, '0', '32001', '-5', '65515', '10.0.0.0/30', '10.0.0.4/31', '4094', 'abc', '', 'IKEv2', 'GCMAES256'), fc.string({ maxLength: 20 }));
    await fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.array(fc.tuple(fc.nat(40), val), { maxLength: 8 }), fc.dictionary(fc.string({ maxLength: 6 }), val, { maxKeys: 2 }), (kind, picks, extra) => {
        const spec = kindSpec(kind);
        const values: Record<string, string> = { ...extra };
        for (const [i, v] of picks) values[spec.fields[i % spec.fields.length]!.key] = v;
        try {
          const plan = spec.build(graph, values);
          expect(plan.requests.length).toBeGreaterThan(0);
        } catch (e) {
          expectUserError(e);
        }
      }),
      params(300),
    );
  });
});

describe('fuzz: scenario and snapshot files', () => {
  it('a mutated scenario loads or is refused with one line', () => {
    fc.assert(
      fc.property(mutation, ({ path, replacement, remove }) => {
        try {
          parseScenario(mutate(scenario, path, replacement, remove), 'fuzz.json');
        } catch (e) {
          expectUserError(e);
        }
      }),
      params(150),
    );
  });

  it('a mutated snapshot is refused with one line, or reads into a graph the checks and every format handle', () => {
    fc.assert(
      fc.property(mutation, ({ path, replacement, remove }) => {
        let inv: Inventory;
        try {
          inv = inventoryFromSnapshot(parseSnapshot(mutate(snapshot, path, replacement, remove), 'fuzz.json'));
        } catch (e) {
          return expectUserError(e);
        }
        checkEverything(inv);
      }),
      params(150),
    );
  });

  it('a non-snapshot file on the command line is exit 2 naming the fix', async () => {
    const r = await run(['check', '--snapshot', SMALL]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not an erscope snapshot .*erscope inventory --format json --out /);
  });
});

/** Graph, checks and the three check formats over an inventory: none may throw. */
function checkEverything(inv: Inventory): void {
  const graph = buildGraph(inv);
  const findings = runChecks({ graph, permissions: inv.permissions });
  const meta = { source: inv.source, generatedAt: '2026-01-01T00:00:00.000Z', erscopeVersion: 'fuzz', incomplete: inv.issues.length > 0 };
  formatFindingsText(findings, meta);
  JSON.parse(formatFindingsJson(findings, meta));
  JSON.parse(formatFindingsSarif(findings, meta));
}

describe('fuzz: ARM response bodies', () => {
  const types = Object.values(RT).filter((t) => t.startsWith('microsoft.network/'));
  const id = fc.tuple(fc.constantFrom('11111111-1111-1111-1111-111111111111', 'x'), fc.constantFrom('rg-hub', 'RG-Hub', ''), fc.constantFrom(...types), fc.string({ maxLength: 8 })).map(
    ([sub, rg, type, name]) => `/subscriptions/${sub}/resourceGroups/${rg}/providers/${type.split('/').map((seg, i) => (i < 2 ? seg : `${seg}/n${i}`)).join('/')}/${name}`,
  );
  const body = fc.record(
    {
      id,
      name: fc.oneof(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 })),
      type: fc.oneof(fc.constantFrom(...types), fc.jsonValue({ maxDepth: 1 })),
      location: fc.oneof(fc.constantFrom('westeurope', 'WestEurope'), fc.jsonValue({ maxDepth: 1 })),
      etag: fc.string({ maxLength: 6 }),
      properties: fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.dictionary(fc.constantFrom('provisioningState', 'sku', 'peerings', 'routingWeight', 'virtualNetworkGateway1', 'expressRouteCircuit', 'authorizationKey', 'bgpSettings', 'ipConfigurations', 'connectionStatus', 'peeringType', 'vlanId', 'primaryPeerAddressPrefix', 'gatewayType', 'vpnType', 'connections', 'virtualHub', 'routeTables'), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 })),
    },
    { requiredKeys: ['id'] },
  );

  it('any bodies (valid ids, arbitrary fields) build a graph the checks and formats handle', () => {
    fc.assert(
      fc.property(fc.array(body, { maxLength: 12 }), (resources) => {
        const inv: Inventory = {
          source: { kind: 'emulator', label: 'fuzz' }, subscriptions: [{ subscriptionId: '11111111-1111-1111-1111-111111111111', displayName: 'hub' }],
          resources: resources as Inventory['resources'], issues: [], permissions: [], forbiddenScopes: [], startedAt: '', finishedAt: '',
        };
        checkEverything(inv);
      }),
      params(200),
    );
  });

  it('any 2xx body with any content type passes through as JSON or fails as one MalformedResponse line', async () => {
    const policy = responseCheckPolicy();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 40 }), fc.jsonValue().map((v) => JSON.stringify(v))), fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/html', 'text/plain', ''), fc.constantFrom(200, 201, 202, 204), async (text, type, status) => {
        const request = createPipelineRequest({ url: 'https://127.0.0.1/subscriptions/x?api-version=1', method: 'GET' });
        const headers = createHttpHeaders(type ? { 'content-type': type } : {});
        const response: PipelineResponse = { request, status, headers, bodyAsText: text };
        try {
          expect(await policy.sendRequest(request, async () => response)).toBe(response);
          if (text.trim()) JSON.parse(text);
        } catch (e) {
          expect(e).toBeInstanceOf(RestError);
          expect((e as RestError).code).toBe('MalformedResponse');
          expect((e as Error).message).not.toMatch(/\n/);
        }
      }),
      params(200),
    );
  });
});
