import type { IncomingHttpHeaders } from 'node:http';
import type { Diagnostics } from '../diagnostics.js';
import type { FaultEngine } from '../faults.js';
import type { OperationTracker } from '../lro.js';
import type { Route } from '../router.js';
import type { Scenario } from '../scenario.js';
import type { ResourceStore } from '../store.js';
import type { GraphQuota } from './resource-graph.js';
import { normalizeId } from '../../arm/arm-id.js';

/** Everything a route handler can touch. */
export interface EmuContext {
  endpoint: string;
  store: ResourceStore;
  ops: OperationTracker;
  faults: FaultEngine;
  diagnostics: Diagnostics;
  scenario: Scenario;
  pageSize: number;
  /** Resource Graph query quota (undefined = unlimited). */
  graphQuota?: GraphQuota;
  /** Resource Graph's stored documents: row text and query matches, rebuilt when the store's revision moves. */
  graphIndex?: { revision: number; builtAt: number; rows: Map<string, string>; matches: Map<string, string[]> };
}

/** A parsed request. */
export interface EmuRequest {
  method: string;
  url: URL;
  route: Route;
  headers: IncomingHttpHeaders;
  apiVersion: string;
  /** Parsed JSON body (undefined when empty). */
  body: unknown;
}

/** What a handler answers. */
export interface EmuResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** One page of a list, with an absolute nextLink (api-version and $skipToken) when more remain. */
export function page(ctx: EmuContext, req: EmuRequest, items: unknown[]): EmuResponse {
  const skip = Number(req.url.searchParams.get('$skipToken') ?? '0') || 0;
  const value = items.slice(skip, skip + ctx.pageSize);
  const body: Record<string, unknown> = { value };
  if (skip + ctx.pageSize < items.length) {
    body.nextLink = `${ctx.endpoint}${req.url.pathname}?api-version=${encodeURIComponent(req.apiVersion)}&$skipToken=${skip + ctx.pageSize}`;
  }
  return { status: 200, body };
}

/** True when a (lower-cased) id is at or under one of the scenario's forbidden scopes. */
export function isForbidden(ctx: EmuContext, id: string): boolean {
  const key = normalizeId(id);
  return ctx.scenario.forbidden.some((s) => {
    const f = normalizeId(s);
    return key === f || key.startsWith(f + '/');
  });
}
