import { createHash } from 'node:crypto';
import { parseArmId } from '../../arm/arm-id.js';
import { authorizationFailed } from '../arm-action.js';
import { CloudError, RawJson } from '../cloud-error.js';
import { canonicalType } from '../families.js';
import { EmulatorInputError } from '../input-error.js';
import { KqlError, parseQuery, runStages } from '../kql.js';
import type { ParsedQuery } from '../kql.js';
import type { EmuContext, EmuRequest, EmuResponse } from './context.js';
import { isForbidden } from './context.js';

/** ARG's per-user query quota: `queries` per window of `windowSeconds` (real time). */
export interface GraphQuotaOptions {
  queries: number;
  windowSeconds: number;
}

/** ARG's documented example quota (domain.md 9.3), used unless the emulator options say otherwise. */
export const DEFAULT_GRAPH_QUOTA: GraphQuotaOptions = { queries: 15, windowSeconds: 5 };

const MAX_TOP = 1000;
const FALLBACK_TENANT = '00000000-0000-0000-0000-0000000e5c0e';

/** A fixed window of queries measured with Date.now, because tests freeze the emulator clock. */
export class GraphQuota {
  private windowStart = -Infinity;
  private used = 0;

  constructor(private readonly limit: GraphQuotaOptions, private readonly now: () => number = Date.now) {
    if (!Number.isInteger(limit.queries) || limit.queries < 1 || !(limit.windowSeconds > 0)) {
      throw new EmulatorInputError('resourceGraph.quota needs queries >= 1 (whole number) and windowSeconds > 0');
    }
  }

  /** Spends one query if any is left; the headers ARG sends either way, plus Retry-After seconds when refused. */
  take(): { ok: boolean; headers: Record<string, string> } {
    const now = this.now();
    const windowMs = this.limit.windowSeconds * 1000;
    if (now >= this.windowStart + windowMs) {
      this.windowStart = now;
      this.used = 0;
    }
    const ok = this.used < this.limit.queries;
    if (ok) this.used += 1;
    const resetsSeconds = Math.max(1, Math.ceil((this.windowStart + windowMs - now) / 1000));
    const headers: Record<string, string> = {
      'x-ms-user-quota-remaining': String(this.limit.queries - this.used),
      'x-ms-user-quota-resets-after': hms(resetsSeconds),
    };
    if (!ok) headers['retry-after'] = String(resetsSeconds);
    return { ok, headers };
  }
}

function hms(seconds: number): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${p(Math.floor(seconds / 3600))}:${p(Math.floor(seconds / 60) % 60)}:${p(seconds % 60)}`;
}

/** The quota an emulator starts with: the default, a configured one, or none (`false` = unlimited). */
export function createGraphQuota(opt: { quota?: GraphQuotaOptions | false } | undefined): GraphQuota | undefined {
  if (opt?.quota === false) return undefined;
  return new GraphQuota(opt?.quota ?? DEFAULT_GRAPH_QUOTA);
}

/** 400 in ARG's error shape: code BadRequest and one detail saying what is wrong (the top message names it too). */
function argBadRequest(code: string, message: string, summary = message): CloudError {
  return new CloudError(400, 'BadRequest', summary, { details: [{ code, message }] });
}

/** POST /providers/Microsoft.ResourceGraph/resources: quota first (every query costs one), then the query itself. */
export function handleResourceGraph(ctx: EmuContext, req: EmuRequest, text: string): EmuResponse {
  if (req.method !== 'POST') {
    throw new CloudError(405, 'MethodNotAllowed', `The requested method '${req.method}' is not allowed: Resource Graph queries are POST requests.`);
  }
  const quota = ctx.graphQuota?.take();
  const headers = quota?.headers ?? {};
  if (quota && !quota.ok) {
    throw new CloudError(429, 'RateLimiting', `Client application has been throttled and should not attempt to repeat the request until an amount of time has elapsed (${headers['retry-after']} s). Please see https://aka.ms/resourcegraphthrottling for help.`, { headers });
  }
  try {
    return { status: 200, body: answer(ctx, text), headers };
  } catch (e) {
    if (e instanceof CloudError) e.extra.headers = { ...headers, ...e.extra.headers };
    throw e;
  }
}

interface GraphRequest {
  query: ParsedQuery;
  queryText: string;
  subscriptions?: string[];
  top: number;
  skip: number;
}

function parseRequest(text: string): GraphRequest {
  let body: unknown = {};
  if (text.trim() !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      throw argBadRequest('InvalidRequestContent', 'The request content is not valid JSON.');
    }
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw argBadRequest('InvalidRequestContent', 'The request content must be a JSON object.');
  const b = body as Record<string, unknown>;
  if (typeof b.query !== 'string' || b.query.trim() === '') throw argBadRequest('InvalidQuery', "The request must contain a non-empty 'query' string.");
  const subs = b.subscriptions;
  if (subs !== undefined && (!Array.isArray(subs) || !subs.every((s) => typeof s === 'string'))) {
    throw argBadRequest('InvalidSubscriptions', "'subscriptions' must be an array of subscription id strings.");
  }
  const o = (b.options ?? {}) as Record<string, unknown>;
  if (typeof o !== 'object' || Array.isArray(o)) throw argBadRequest('InvalidQueryOptions', "'options' must be an object.");
  const top = o.$top ?? MAX_TOP;
  if (!Number.isInteger(top) || (top as number) < 1 || (top as number) > MAX_TOP) {
    throw argBadRequest('InvalidTop', `'$top' must be a whole number from 1 to ${MAX_TOP}; got ${JSON.stringify(top)}.`);
  }
  const skip = o.$skip ?? 0;
  if (!Number.isInteger(skip) || (skip as number) < 0) throw argBadRequest('InvalidSkip', `'$skip' must be a whole number >= 0; got ${JSON.stringify(skip)}.`);
  const format = o.resultFormat ?? 'objectArray';
  if (format !== 'objectArray') {
    throw argBadRequest('UnsupportedResultFormat', `resultFormat '${String(format)}' is not supported: the emulator answers objectArray only.`);
  }
  let query: ParsedQuery;
  try {
    query = parseQuery(b.query);
  } catch (e) {
    if (e instanceof KqlError) throw argBadRequest(e.code, e.message, `Query is invalid: ${e.message}`);
    throw e;
  }
  let offset = skip as number;
  if (o.$skipToken !== undefined && o.$skipToken !== null && o.$skipToken !== '') offset = decodeSkipToken(o.$skipToken, b.query);
  return { query, queryText: b.query, ...(subs ? { subscriptions: subs as string[] } : {}), top: top as number, skip: offset };
}

function queryHash(query: string): string {
  return createHash('sha256').update(query).digest('hex').slice(0, 16);
}

function encodeSkipToken(offset: number, query: string): string {
  return Buffer.from(JSON.stringify({ o: offset, q: queryHash(query) })).toString('base64url');
}

function decodeSkipToken(token: unknown, query: string): number {
  let parsed: { o?: unknown; q?: unknown } = {};
  try {
    parsed = JSON.parse(Buffer.from(String(token), 'base64url').toString('utf8')) as typeof parsed;
  } catch {
    // Falls through to the error below.
  }
  if (!Number.isInteger(parsed.o) || (parsed.o as number) < 0 || typeof parsed.q !== 'string') {
    throw argBadRequest('InvalidSkipToken', "The '$skipToken' is not one this service issued.");
  }
  if (parsed.q !== queryHash(query)) throw argBadRequest('InvalidSkipToken', "The '$skipToken' was issued for a different query; send the same query text with it.");
  return parsed.o as number;
}

/** Lower-cased subscription ids the query covers: the listed ones the caller can read, or every readable one. */
function readableSubscriptions(ctx: EmuContext, listed: string[] | undefined): Set<string> {
  const readable = (s: string): boolean => ctx.store.subscriptions.has(s) && !isForbidden(ctx, `/subscriptions/${s}`);
  if (!listed || listed.length === 0) return new Set([...ctx.store.subscriptions.keys()].filter(readable));
  const out = new Set(listed.map((s) => s.trim().toLowerCase()).filter(readable));
  if (out.size === 0) throw authorizationFailed('Microsoft.ResourceGraph/resources/read', `/subscriptions/${listed[0]}`);
  return out;
}

/** One ARG row per top-level resource, built lazily: filters on scalar columns never render whole bodies. */
class Rows {
  private readonly full = new Map<string, Record<string, unknown>>();
  constructor(private readonly ctx: EmuContext) {}

  private tenantOf(sub: string): string {
    return this.ctx.store.subscriptions.get(sub.toLowerCase())?.tenantId ?? this.ctx.scenario.tenantId ?? FALLBACK_TENANT;
  }

  /** The ARM GET body as ARG stores it: no etag, lower-case type, plus resourceGroup, subscriptionId and tenantId. */
  row(key: string): Record<string, unknown> {
    let r = this.full.get(key);
    if (r) return r;
    const body = this.ctx.store.render(key, { fillType: true })!;
    const p = parseArmId(body.id);
    const sub = this.ctx.store.subscriptions.get(p.subscriptionId!.toLowerCase())?.subscriptionId ?? p.subscriptionId!;
    r = { ...body, type: String(body.type).toLowerCase(), resourceGroup: p.resourceGroup!.toLowerCase(), subscriptionId: sub, tenantId: this.tenantOf(sub) };
    delete r.etag;
    this.full.set(key, r);
    return r;
  }

  /** One column; the scalar ones come from the stored body without composing children. */
  get(key: string, column: string): unknown {
    if (this.full.has(key)) return this.full.get(key)![column];
    const raw = this.ctx.store.getRaw(key)!;
    // Keys are lower-cased top-level ids: ['', 'subscriptions', sub, 'resourcegroups', rg, 'providers', ns, type, name].
    switch (column) {
      case 'id': return raw.id;
      case 'name': return typeof raw.name === 'string' ? raw.name : parseArmId(raw.id).name;
      case 'type': return (typeof raw.type === 'string' ? raw.type : canonicalType(this.ctx.store.typeOf(key)!)).toLowerCase();
      case 'resourceGroup': return key.split('/')[4];
      case 'subscriptionId': return this.ctx.store.subscriptions.get(key.split('/')[2]!)?.subscriptionId ?? parseArmId(raw.id).subscriptionId;
      case 'tenantId': return this.tenantOf(key.split('/')[2]!);
      case 'location': case 'kind': case 'managedBy': return raw[column];
      default: return this.row(key)[column];
    }
  }
}

/** How long cached rows serve an unchanged store: ARG re-indexes now and then, so live counters in rows move, but lag. */
const INDEX_TTL_MS = 60_000;

/** The index for the store's current revision (rows cached as JSON text: ARG serves stored documents, not renders). */
function graphIndex(ctx: EmuContext): NonNullable<EmuContext['graphIndex']> {
  const now = Date.now();
  const idx = ctx.graphIndex;
  if (idx && idx.revision === ctx.store.revision && now - idx.builtAt < INDEX_TTL_MS) return idx;
  ctx.graphIndex = { revision: ctx.store.revision, builtAt: now, rows: new Map(), matches: new Map() };
  return ctx.graphIndex;
}

function answer(ctx: EmuContext, text: string): RawJson {
  const q = parseRequest(text);
  const subs = readableSubscriptions(ctx, q.subscriptions);
  const index = graphIndex(ctx);
  const rows = new Rows(ctx);
  const matchKey = `${[...subs].sort().join(',')}|${q.queryText}`;
  let matched = index.matches.get(matchKey);
  if (!matched) {
    // Top-level resources only (children stay embedded in their parents); store keys are lower-cased ids, so a plain
    // sort is the default `id asc`, case-insensitive.
    const keys = ctx.store
      .keys()
      .filter((k) => {
        const parts = k.split('/');
        return parts.length === 9 && parts[3] === 'resourcegroups' && parts[5] === 'providers' && subs.has(parts[2]!) && !isForbidden(ctx, k);
      })
      .sort();
    matched = runStages(q.query, keys, (k, c) => rows.get(k, c));
    index.matches.set(matchKey, matched);
  }
  const pageKeys = matched.slice(q.skip, q.skip + q.top);
  const columns = q.query.columns;
  const projection = columns ? columns.join(',') : '*';
  const data = pageKeys.map((k) => {
    const cacheKey = `${projection}|${k}`;
    let row = index.rows.get(cacheKey);
    if (row === undefined) {
      row = JSON.stringify(columns ? Object.fromEntries(columns.map((c) => [c, rows.get(k, c) ?? null])) : rows.row(k));
      index.rows.set(cacheKey, row);
    }
    return row;
  });
  const next = q.skip + pageKeys.length;
  const token = next < matched.length ? `"$skipToken":${JSON.stringify(encodeSkipToken(next, q.queryText))},` : '';
  return new RawJson(`{"totalRecords":${matched.length},"count":${data.length},"resultTruncated":"false",${token}"data":[${data.join(',')}],"facets":[]}`);
}
