import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actionOf, authorizationFailed, forbiddenFor, scopeOf } from './arm-action.js';
import { generateCert } from './cert.js';
import { CloudError, RawJson, sendJson } from './cloud-error.js';
import { sendFaulty } from './fault-responses.js';
import { Diagnostics } from './diagnostics.js';
import type { FaultConfig } from './faults.js';
import { FaultEngine, mergeFaults } from './faults.js';
import { OperationTracker } from './lro.js';
import { RequestLog } from './request-log.js';
import { route } from './router.js';
import type { EmuContext, EmuRequest, EmuResponse } from './routes/context.js';
import { isForbidden } from './routes/context.js';
import { handleAction, handleOperation } from './routes/operations.js';
import { createGraphQuota, handleResourceGraph } from './routes/resource-graph.js';
import type { GraphQuotaOptions } from './routes/resource-graph.js';
import { handleList, handleResource } from './routes/resources.js';
import { handleSubscriptionRoutes } from './routes/subscriptions.js';
import type { Scenario } from './scenario.js';
import { loadScenarioFile, parseScenario } from './scenario.js';
import { loadIntoStore } from './seed.js';
import type { ResourceStore } from './store.js';
import { EmulatorClock, Timeline } from './timeline.js';

/** Options for one emulator instance. */
export interface EmulatorOptions {
  scenario?: Scenario;
  scenarioFile?: string;
  /** TCP port on 127.0.0.1 (0 / omitted = ephemeral). */
  port?: number;
  latencyMs?: number;
  faults?: FaultConfig;
  /** Items per list page before a nextLink (default 100). */
  pageSize?: number;
  /** Emulator seconds per real second (0 freezes the clock; tests then use advance()). Default 1. */
  timeScale?: number;
  /** Resource Graph query quota in real time (default 15 queries per 5 s, as ARG documents; false = unlimited). */
  resourceGraph?: { quota?: GraphQuotaOptions | false };
}

/** A running emulator. */
export interface RunningEmulator {
  /** e.g. https://127.0.0.1:43125 */
  endpoint: string;
  port: number;
  /** PEM of the self-signed certificate clients must trust (pass as tlsOptions.ca). */
  caPem: string;
  /** The same PEM written to a temp file (removed by close()). */
  caCertPath: string;
  scenario: Scenario;
  /** One line per thing in the scenario ARM could not serve as written (a child without its parent…), and what was done. */
  warnings: string[];
  store: ResourceStore;
  requestLog: RequestLog;
  /** Moves the emulator clock forward and applies due timeline events. */
  advance(seconds: number): void;
  /** Replaces the active faults (latency and rules). */
  setFaults(faults: FaultConfig): void;
  close(): Promise<void>;
}

/** Starts the ARM emulator over HTTPS on 127.0.0.1 with a freshly generated certificate. */
export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const scenario = opts.scenario ?? (opts.scenarioFile ? loadScenarioFile(opts.scenarioFile) : parseScenario({}, 'empty'));
  const clock = new EmulatorClock(opts.timeScale ?? 1);
  const diagnostics = new Diagnostics(scenario.diagnostics, () => clock.now());
  const warnings: string[] = [];
  const store = loadIntoStore(scenario, () => clock.now(), warnings);
  store.counterRate = (id) => diagnostics.rate(id);
  const timeline = new Timeline(scenario.timeline, store, clock);
  const faults = new FaultEngine(mergeFaults(scenario.faults, opts.faults, opts.latencyMs !== undefined ? { latencyMs: opts.latencyMs } : undefined));
  const requestLog = new RequestLog();
  const cert = await generateCert();
  const ctx: EmuContext = {
    endpoint: '', store, ops: new OperationTracker(), faults, diagnostics, scenario, pageSize: opts.pageSize ?? 100,
    graphQuota: createGraphQuota(opts.resourceGraph),
  };
  const server = createServer({ key: cert.key, cert: cert.cert }, (req, res) => {
    void handle(ctx, req, res, { requestLog, timeline });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  ctx.endpoint = `https://127.0.0.1:${port}`;
  const dir = mkdtempSync(join(tmpdir(), 'erscope-emu-'));
  const caCertPath = join(dir, 'ca.pem');
  writeFileSync(caCertPath, cert.cert);
  return {
    endpoint: ctx.endpoint,
    port,
    caPem: cert.cert,
    caCertPath,
    scenario,
    warnings,
    store,
    requestLog,
    advance(seconds) {
      clock.advance(seconds);
      timeline.tick();
    },
    setFaults(f) {
      faults.set(f);
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function handle(
  ctx: EmuContext,
  req: IncomingMessage,
  res: ServerResponse,
  deps: { requestLog: RequestLog; timeline: Timeline },
): Promise<void> {
  const url = new URL(req.url ?? '/', ctx.endpoint);
  const method = (req.method ?? 'GET').toUpperCase();
  // Latency counts from arrival and overlaps the work, as a real service's time on the wire and in its backend do:
  // a response leaves no earlier than `latencyMs` after its request arrived, and no later than the work allows.
  const arrived = Date.now();
  let budget: Record<string, string> = {};
  const rest = (): Promise<void> | undefined => {
    const wait = ctx.faults.latencyMs - (Date.now() - arrived);
    return wait > 0 ? new Promise((r) => setTimeout(r, wait)) : undefined;
  };
  try {
    const text = await readBody(req);
    deps.requestLog.record(method, url.pathname);
    deps.timeline.tick();
    const fault = ctx.faults.decide(url.pathname);
    // hang: the request is read and never answered; the socket stays open until the client gives up or close().
    if (fault.kind === 'hang') return;
    if (fault.kind === 'drop') {
      await rest();
      return void req.socket.destroy();
    }
    if (fault.kind === 'forbidden') throw forbiddenFor(method, url.pathname, fault.code);
    if (fault.kind === 'status') throw new CloudError(fault.status, fault.code, fault.message, { headers: fault.headers });
    ctx.faults.tokens?.check(req.headers.authorization);
    budget = ctx.faults.reads?.spend(method, url.pathname) ?? {};
    const out = dispatch(ctx, method, url, req, text);
    await rest();
    const headers = { ...budget, ...out.headers };
    if (fault.kind === 'none') return sendJson(res, out.status, out.body, headers);
    const body = out.body === undefined ? '' : out.body instanceof RawJson ? out.body.text : JSON.stringify(out.body);
    sendFaulty(res, fault, out.status, body, headers);
  } catch (e) {
    await rest();
    if (e instanceof CloudError) return sendJson(res, e.status, e.body(), { ...budget, ...e.extra.headers });
    sendJson(res, 500, { error: { code: 'InternalServerError', message: `emulator error: ${(e as Error).message}` } });
  }
}

function dispatch(ctx: EmuContext, method: string, url: URL, req: IncomingMessage, text: string): EmuResponse {
  if (!/^Bearer \S+/i.test(req.headers.authorization ?? '')) {
    throw new CloudError(401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing.");
  }
  const apiVersion = url.searchParams.get('api-version');
  if (!apiVersion) {
    throw new CloudError(400, 'MissingApiVersionParameter', "The api-version query parameter (?api-version=) is required for all requests.");
  }
  const r = route(url.pathname);
  const scope = scopeOf(r);
  if (scope && isForbidden(ctx, scope)) throw authorizationFailed(actionOf(method, r), scope);
  // Resource Graph parses its own body: its errors (bad JSON included) carry ARG's shape and quota headers.
  if (r.kind === 'resourceGraph') return handleResourceGraph(ctx, { method, url, route: r, headers: req.headers, apiVersion, body: undefined }, text);
  let body: unknown;
  if (text.trim() !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      throw new CloudError(400, 'InvalidRequestContent', 'The request content was invalid and could not be deserialized: not valid JSON.');
    }
  } else if (method === 'PUT') {
    throw new CloudError(400, 'InvalidRequestContent', 'The request content was invalid and could not be deserialized: empty body.');
  }
  const emuReq: EmuRequest = { method, url, route: r, headers: req.headers, apiVersion, body };
  switch (r.kind) {
    case 'list':
      return handleList(ctx, emuReq);
    case 'resource':
      return handleResource(ctx, emuReq);
    case 'action':
      return handleAction(ctx, emuReq);
    case 'operation':
      return handleOperation(ctx, emuReq);
    default:
      return handleSubscriptionRoutes(ctx, emuReq);
  }
}
