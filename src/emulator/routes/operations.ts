import { parseArmId } from '../../arm/arm-id.js';
import { CloudError, resourceNotFound } from '../cloud-error.js';
import { canonicalType } from '../families.js';
import { OperationTracker } from '../lro.js';
import type { EmuContext, EmuRequest, EmuResponse } from './context.js';
import { requireResourceGroup } from './subscriptions.js';

/** Which resource type each diagnostic action applies to (lower-cased). */
const ACTION_TARGET: Record<string, string[]> = {
  stats: ['microsoft.network/expressroutecircuits', 'microsoft.network/expressroutecircuits/peerings'],
  arpTables: ['microsoft.network/expressroutecircuits/peerings'],
  routeTables: ['microsoft.network/expressroutecircuits/peerings'],
  routeTablesSummary: ['microsoft.network/expressroutecircuits/peerings'],
  getBgpPeerStatus: ['microsoft.network/virtualnetworkgateways'],
  getLearnedRoutes: ['microsoft.network/virtualnetworkgateways'],
  getAdvertisedRoutes: ['microsoft.network/virtualnetworkgateways'],
};

/** Diagnostic operations: GET stats answers at once; the POST ones are 202 + Location LROs whose result is the table. */
export function handleAction(ctx: EmuContext, req: EmuRequest): EmuResponse {
  const r = req.route;
  if (r.kind !== 'action') throw new Error('not an action route');
  requireResourceGroup(ctx, r.sub, r.rg);
  const type = parseArmId(r.targetId).type ?? '';
  if (!ACTION_TARGET[r.action]!.includes(type)) {
    throw new CloudError(404, 'NotFound', `No HTTP resource was found that matches the request URI '${req.url.pathname}'.`);
  }
  const target = ctx.store.getRaw(r.targetId);
  if (!target) throw resourceNotFound(canonicalType(type), r.targetId);
  const expected = r.action === 'stats' ? 'GET' : 'POST';
  if (req.method !== expected) throw new CloudError(405, 'MethodNotAllowed', `The requested method '${req.method}' is not allowed.`);
  const result = ctx.diagnostics.answer(r.action, r.targetId, req.url.searchParams, r.device);
  if (r.action === 'stats') return { status: 200, body: result };
  const op = ctx.ops.start(r.sub, { result, fail: ctx.faults.lroFailure(req.url.pathname) });
  const loc = typeof target.location === 'string' ? target.location : 'westeurope';
  return { status: 202, headers: { location: OperationTracker.resultUrl(ctx.endpoint, op, loc, req.apiVersion) } };
}

/** Polls of Azure-AsyncOperation (status body) and Location (202 until done, then the result). Never sends Retry-After. */
export function handleOperation(ctx: EmuContext, req: EmuRequest): EmuResponse {
  const r = req.route;
  if (r.kind !== 'operation') throw new Error('not an operation route');
  const op = ctx.ops.poll(r.opId);
  if (!op) throw new CloudError(404, 'OperationNotFound', `Operation '${r.opId}' was not found.`);
  if (r.style === 'status') {
    const body: Record<string, unknown> = { name: op.id, status: op.status, startTime: new Date(op.startedAt).toISOString() };
    if (op.status === 'Failed') body.error = op.error;
    return { status: 200, body };
  }
  if (op.status === 'InProgress') return { status: 202 };
  if (op.status === 'Failed') throw new CloudError(400, op.error!.code, op.error!.message);
  return op.result === undefined ? { status: 204 } : { status: 200, body: op.result };
}
