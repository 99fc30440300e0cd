import { createPipelineRequest, RestError } from '@azure/core-rest-pipeline';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parentId } from '../../src/arm/arm-id.js';
import { parseQuery } from '../../src/emulator/kql.js';
import type { ArmConnection } from '../../src/arm/clients.js';
import { queryResourceGraph } from '../../src/arm/resource-graph.js';
import type { GraphQuery } from '../../src/arm/resource-graph.js';
import { loadScenarioFile, parseScenario } from '../../src/emulator/scenario.js';
import { scenarioPath } from '../../src/emulator/scenarios/index.js';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { CIRCUIT, S1, S2, S3, SMALL, rawRequest, rejection, startSmall } from './helpers.js';

const ARG_PATH = '/providers/Microsoft.ResourceGraph/resources';
const ARG_ROUTE = 'POST /providers/microsoft.resourcegraph/resources';
const ALL = 'Resources | order by id asc';

let emu: RunningEmulator;
let conn: ArmConnection;
beforeAll(async () => {
  ({ emu, conn } = await startSmall({ resourceGraph: { quota: false } }));
});
afterAll(async () => emu.close());
beforeEach(() => {
  emu.setFaults({});
  emu.requestLog.reset();
});

const query = (c: ArmConnection, q: Partial<GraphQuery> & { query: string }) =>
  queryResourceGraph(c.generic(), c.endpoint, { subscriptions: [S1, S2, S3], ...q });

/** Every row of a query, following $skipToken. */
async function allPages(c: ArmConnection, q: Partial<GraphQuery> & { query: string }): Promise<{ rows: Array<Record<string, unknown>>; pages: number }> {
  const rows: Array<Record<string, unknown>> = [];
  let skipToken: string | undefined;
  let pages = 0;
  do {
    const page = await query(c, { ...q, ...(skipToken ? { skipToken } : {}) });
    rows.push(...page.rows);
    pages += 1;
    skipToken = page.skipToken;
  } while (skipToken);
  return { rows, pages };
}

/** The raw ARM GET body of a resource, through the same SDK pipeline. */
async function armGet(id: string): Promise<Record<string, unknown>> {
  const res = await conn.generic().sendRequest(createPipelineRequest({ url: `${conn.endpoint}${id}?api-version=2024-05-01`, method: 'GET' }));
  expect(res.status).toBe(200);
  return JSON.parse(res.bodyAsText!) as Record<string, unknown>;
}

const topLevelIds = (file: string, forbidden: string[] = []): string[] =>
  loadScenarioFile(file)
    .resources.map((r) => r.id)
    .filter((id) => !parentId(id) && !forbidden.some((f) => id.toLowerCase().startsWith(f.toLowerCase() + '/')))
    .sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));

describe('Resource Graph rows', () => {
  it('are the ARM GET bodies of every top-level resource: no etag, lower-case type, plus the ARG columns', async () => {
    const page = await query(conn, { query: ALL });
    const ids = topLevelIds(SMALL);
    expect(page.rows.map((r) => r.id)).toEqual(ids);
    expect([page.totalRecords, page.count, page.skipToken]).toEqual([ids.length, ids.length, undefined]);
    const types = new Set<string>();
    for (const row of page.rows) {
      const get = await armGet(String(row.id));
      const { etag, ...rest } = get;
      expect(etag).toEqual(expect.any(String));
      const sub = String(row.id).split('/')[2];
      const rg = String(row.id).split('/')[4]!.toLowerCase();
      expect(row).toEqual({ ...rest, type: String(get.type).toLowerCase(), resourceGroup: rg, subscriptionId: sub, tenantId: '72f988bf-0000-0000-0000-000000000000' });
      types.add(String(row.type));
    }
    expect([...types].sort()).toEqual([
      'microsoft.network/connections', 'microsoft.network/expressroutecircuits', 'microsoft.network/expressroutegateways',
      'microsoft.network/expressrouteports', 'microsoft.network/localnetworkgateways', 'microsoft.network/publicipaddresses',
      'microsoft.network/routefilters', 'microsoft.network/virtualhubs', 'microsoft.network/virtualnetworkgateways',
      'microsoft.network/virtualnetworks', 'microsoft.network/virtualwans', 'microsoft.network/vpngateways', 'microsoft.network/vpnsites',
    ]);
  });

  it('has no child rows: peerings and authorizations stay embedded in the circuit', async () => {
    const { rows } = await query(conn, { query: ALL });
    expect(rows.filter((r) => String(r.type).split('/').length > 2)).toEqual([]);
    expect(rows.some((r) => /\/(peerings|authorizations|subnets|hubRouteTables)\//i.test(String(r.id)))).toBe(false);
    const circuit = rows.find((r) => r.id === CIRCUIT) as { properties: { peerings: Array<{ name: string }>; authorizations: unknown[] } };
    expect(circuit.properties.peerings.map((p) => p.name)).toEqual(['AzurePrivatePeering']);
    expect(circuit.properties.authorizations).toHaveLength(2);
  });

  it('filters with where … in~ / =~ (case-insensitive) and in / == (exact), joined by and', async () => {
    const circuitsAndPorts = await query(conn, { query: "Resources | where type in~ ('Microsoft.Network/expressRouteCircuits', \"MICROSOFT.NETWORK/EXPRESSROUTEPORTS\") | order by id asc" });
    expect(circuitsAndPorts.rows.map((r) => r.name)).toEqual(['er-fra', 'port-ams', 'er-ams']);
    const exact = await query(conn, { query: "Resources | where type in ('Microsoft.Network/expressRouteCircuits')" });
    expect(exact.totalRecords).toBe(0);
    const both = await query(conn, { query: "resources | WHERE type =~ 'microsoft.network/virtualnetworkgateways' and name == 'vpngw'" });
    expect(both.rows.map((r) => r.name)).toEqual(['vpngw']);
    const rg = await query(conn, { query: "Resources | where resourceGroup == 'rg-er' | project id" });
    expect(rg.rows).toEqual([{ id: CIRCUIT }]);
  });

  it('project returns exactly the listed columns (absent ones as null) in that order', async () => {
    const { rows } = await query(conn, { query: "Resources | where name =~ 'ER-AMS' | project id, name, subscriptionId, resourceGroup, location, sku, kind" });
    expect(rows).toEqual([{
      id: CIRCUIT, name: 'er-ams', subscriptionId: S2, resourceGroup: 'rg-er', location: 'westeurope',
      sku: { name: 'Premium_MeteredData', tier: 'Premium', family: 'MeteredData' }, kind: null,
    }]);
    expect(Object.keys(rows[0]!)).toEqual(['id', 'name', 'subscriptionId', 'resourceGroup', 'location', 'sku', 'kind']);
  });

  it('orders by the order-by column (KQL default desc) with id as the tie-break', async () => {
    const desc = await query(conn, { query: 'Resources | project id, name | order by name' });
    const names = desc.rows.map((r) => String(r.name));
    expect(names).toEqual([...names].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? 1 : -1)));
    const byLoc = await query(conn, { query: 'Resources | order by location asc | project location' });
    expect(byLoc.rows[0]).toEqual({ location: 'germanywestcentral' });
  });
});

describe('Resource Graph paging', () => {
  it('$top=2 pages through $skipToken give every row exactly once', async () => {
    const ids = topLevelIds(SMALL);
    const { rows, pages } = await allPages(conn, { query: 'Resources | project id, name | order by id asc', top: 2 });
    expect(rows.map((r) => r.id)).toEqual(ids);
    expect(pages).toBe(Math.ceil(ids.length / 2));
    expect(emu.requestLog.count(ARG_ROUTE)).toBe(pages);
  });

  it('$skip paging gives the same rows', async () => {
    const q = 'Resources | project id, name | order by id asc';
    const { rows: viaToken } = await allPages(conn, { query: q, top: 2 });
    const viaSkip: Array<Record<string, unknown>> = [];
    for (let skip = 0; ; skip += 3) {
      const page = await query(conn, { query: q, top: 3, skip });
      viaSkip.push(...page.rows);
      expect(page.totalRecords).toBe(viaToken.length);
      if (skip + 3 >= page.totalRecords) break;
    }
    expect(viaSkip).toEqual(viaToken);
  });

  it('a $skipToken wins over $skip, and one from another query is refused', async () => {
    const first = await query(conn, { query: ALL, top: 2 });
    const second = await query(conn, { query: ALL, top: 2, skip: 9, skipToken: first.skipToken! });
    expect(second.rows.map((r) => r.id)).toEqual(topLevelIds(SMALL).slice(2, 4));
    const err = await rejection(query(conn, { query: 'Resources | order by id desc', top: 2, skipToken: first.skipToken! }));
    expect([err.statusCode, err.code]).toEqual([400, 'BadRequest']);
    expect(err.message).toMatch(/different query/);
  });
});

describe('Resource Graph scope', () => {
  it('leaves out forbidden subscriptions and resource groups silently; all forbidden is 403', async () => {
    const scenario = parseScenario({ ...loadScenarioFile(SMALL), forbidden: [`/subscriptions/${S3}`, `/subscriptions/${S2}/resourceGroups/rg-er`] });
    const small = await startSmall({ scenario, resourceGraph: { quota: false } });
    try {
      const { rows } = await query(small.conn, { query: ALL });
      expect(rows.map((r) => r.id)).toEqual(topLevelIds(SMALL, [`/subscriptions/${S2}/resourceGroups/rg-er`]));
      expect(rows.every((r) => r.subscriptionId === S1)).toBe(true);
      expect((await query(small.conn, { query: ALL, subscriptions: [S2] })).totalRecords).toBe(0);
      expect((await query(small.conn, { query: ALL, subscriptions: [] })).totalRecords).toBe(rows.length);
      const err = await rejection(query(small.conn, { query: ALL, subscriptions: [S3, '44444444-4444-4444-4444-444444444444'] }));
      expect(err).toBeInstanceOf(RestError);
      expect([err.statusCode, err.code]).toEqual([403, 'AuthorizationFailed']);
    } finally {
      await small.emu.close();
    }
  });

  it('matches subscription ids case-insensitively and covers only the listed ones', async () => {
    const { rows } = await query(conn, { query: ALL, subscriptions: [S2.toUpperCase()] });
    expect(rows.map((r) => r.id)).toEqual([CIRCUIT]);
  });

  it('covers every readable subscription of the contoso estate when none are listed', async () => {
    const contoso = await startSmall({ scenarioFile: scenarioPath('contoso'), resourceGraph: { quota: false } });
    try {
      const page = await queryResourceGraph(contoso.conn.generic(), contoso.conn.endpoint, { query: 'Resources | project id | order by id asc', subscriptions: [] });
      expect(page.rows.map((r) => String(r.id).toLowerCase())).toEqual(topLevelIds(scenarioPath('contoso'), [`/subscriptions/${S3}`]).map((i) => i.toLowerCase()));
    } finally {
      await contoso.emu.close();
    }
  });
});

describe('the KQL subset', () => {
  it('keeps quoted text literal, honours escapes and comments, and parses the negated and multi-key forms', () => {
    const q = parseQuery(`resources // all of them
      | where name !in~ ('a|b', "c,d", 'it\\'s') and location != 'x'
      | sort by location asc, name
      | project name, location`);
    expect(q).toEqual({
      stages: [
        { kind: 'where', conditions: [{ column: 'name', op: '!in~', values: ['a|b', 'c,d', "it's"] }, { column: 'location', op: '!=', values: ['x'] }] },
        { kind: 'order', keys: [{ column: 'location', desc: false }, { column: 'name', desc: true }] },
        { kind: 'project', columns: ['name', 'location'] },
      ],
      columns: ['name', 'location'],
    });
    expect(() => parseQuery("Resources | project id | where name == 'x'")).toThrow(/column 'name' .* not available/);
    expect(() => parseQuery("Resources | where name == 'x")).toThrow(/unterminated string/);
    expect(() => parseQuery('ResourceContainers')).toThrow(/table 'ResourceContainers'/);
    expect(() => parseQuery("Resources | where name == 'a' or name == 'b'")).toThrow(/'or'/);
  });
});

describe('Resource Graph request errors', () => {
  const post = (body: unknown, opts: { path?: string; headers?: Record<string, string>; method?: string } = {}) =>
    rawRequest(emu, opts.method ?? 'POST', opts.path ?? `${ARG_PATH}?api-version=2024-04-01`, typeof body === 'string' ? body : JSON.stringify(body), opts.headers);

  it('names the unsupported token of a bad query in a 400 with ARG error details', async () => {
    const err = await rejection(query(conn, { query: 'Resources | take 5' }));
    expect([err.statusCode, err.code]).toEqual([400, 'BadRequest']);
    expect(err.message).toMatch(/'take'/);
    const raw = await post({ query: "Resources | project sku = tostring(sku.tier)" });
    expect(raw.status).toBe(400);
    expect(raw.json.error).toMatchObject({ code: 'BadRequest', message: expect.stringMatching(/^Query is invalid: .*'='/), details: [{ code: 'ParserFailure', message: expect.stringMatching(/'='/) }] });
    const col = await post({ query: "Resources | where Type == 'x'" });
    expect(col.json.error.details[0]).toMatchObject({ code: 'InvalidQuery', message: expect.stringMatching(/'Type'.*did you mean 'type'/) });
    const op = await post({ query: "Resources | where name contains 'x'" });
    expect(op.json.error.details[0]).toMatchObject({ code: 'UnsupportedOperator', message: expect.stringMatching(/'contains'/) });
  });

  it('refuses a missing query, $top outside 1..1000, a negative $skip, table format and bad JSON', async () => {
    const cases: Array<[unknown, string]> = [
      [{ subscriptions: [S1] }, 'InvalidQuery'],
      [{ query: ALL, options: { $top: 0 } }, 'InvalidTop'],
      [{ query: ALL, options: { $top: 1001 } }, 'InvalidTop'],
      [{ query: ALL, options: { $skip: -1 } }, 'InvalidSkip'],
      [{ query: ALL, options: { resultFormat: 'table' } }, 'UnsupportedResultFormat'],
      ['{"query": ', 'InvalidRequestContent'],
    ];
    for (const [body, code] of cases) {
      const res = await post(body);
      expect([res.status, res.json.error.code, res.json.error.details[0].code]).toEqual([400, 'BadRequest', code]);
    }
    expect((await post({ query: ALL, options: { resultFormat: 'table' } })).json.error.message).toMatch(/objectArray only/);
  });

  it('checks auth, api-version and method like every route; the path is case-insensitive', async () => {
    expect((await post({ query: ALL }, { headers: { authorization: '' } })).status).toBe(401);
    expect((await post({ query: ALL }, { path: ARG_PATH })).json.error.code).toBe('MissingApiVersionParameter');
    const get = await post('', { method: 'GET' });
    expect([get.status, get.json.error.code]).toEqual([405, 'MethodNotAllowed']);
    const lower = await post({ query: ALL, subscriptions: [S2] }, { path: `${ARG_PATH.toLowerCase()}?api-version=2021-03-01` });
    expect([lower.status, lower.json.count, lower.json.resultTruncated, lower.json.facets]).toEqual([200, 1, 'false', []]);
  });
});

describe('Resource Graph faults and quota', () => {
  it('fault rules match the ARG path: a 503 is retried by the client, a 403 surfaces', async () => {
    emu.setFaults({ rules: [{ kind: '5xx', status: 503, path: 'ResourceGraph', times: 1 }] });
    expect((await query(conn, { query: ALL })).count).toBe(topLevelIds(SMALL).length);
    expect(emu.requestLog.count(ARG_ROUTE)).toBe(2);
    emu.setFaults({ rules: [{ kind: '403', path: 'resourcegraph' }] });
    const err = await rejection(query(conn, { query: ALL }));
    expect([err.statusCode, err.code]).toEqual([403, 'AuthorizationFailed']);
    expect(err.message).toMatch(/Microsoft\.ResourceGraph\/resources\/read/);
  });

  it('sends the default quota headers (15 per 5 s) on answers and errors alike; the 16th query is refused', async () => {
    const small = await startSmall();
    try {
      const a = await query(small.conn, { query: ALL });
      expect([a.quotaRemaining, a.quotaResetsAfterMs]).toEqual([14, 5000]);
      const send = (body: string) => rawRequest(small.emu, 'POST', `${ARG_PATH}?api-version=2024-04-01`, body);
      const bad = await send('{}');
      expect([bad.status, bad.headers['x-ms-user-quota-remaining']]).toEqual([400, '13']);
      const statuses: number[] = [];
      for (let i = 3; i <= 16; i++) statuses.push((await send(JSON.stringify({ query: ALL, options: { $top: 1 } }))).status);
      expect(statuses).toEqual([...Array(13).fill(200), 429]);
    } finally {
      await small.emu.close();
    }
  });

  it('counts the quota down, answers 429 RateLimiting with Retry-After when spent, and resets after the window', async () => {
    const small = await startSmall({ resourceGraph: { quota: { queries: 3, windowSeconds: 1 } } });
    try {
      const remaining: Array<number | undefined> = [];
      for (let i = 0; i < 3; i++) remaining.push((await query(small.conn, { query: ALL, top: 1 })).quotaRemaining);
      expect(remaining).toEqual([2, 1, 0]);
      const res = await rawRequest(small.emu, 'POST', `${ARG_PATH}?api-version=2024-04-01`, JSON.stringify({ query: ALL }));
      expect([res.status, res.json.error.code]).toEqual([429, 'RateLimiting']);
      expect(res.headers['retry-after']).toBe('1');
      expect([res.headers['x-ms-user-quota-remaining'], res.headers['x-ms-user-quota-resets-after']]).toEqual(['0', '00:00:01']);
      // The client's retry policy honours Retry-After: the next query is refused once, waits out the window, then succeeds.
      small.emu.requestLog.reset();
      const started = Date.now();
      const after = await query(small.conn, { query: ALL, top: 1 });
      expect(after.quotaRemaining).toBe(2);
      expect(small.emu.requestLog.count(ARG_ROUTE)).toBe(2);
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    } finally {
      await small.emu.close();
    }
  });
});
