import { parentId, parseArmId } from '../../arm/arm-id.js';
import { CloudError, badRequest, resourceNotFound } from '../cloud-error.js';
import { EMBEDDED, SEGMENT_CASE, SERVED_TYPES, canonicalType } from '../families.js';
import { OperationTracker } from '../lro.js';
import type { ArmBody } from '../store.js';
import type { EmuContext, EmuRequest, EmuResponse } from './context.js';
import { isForbidden, page } from './context.js';
import { requireResourceGroup, requireSubscription } from './subscriptions.js';
import { releaseAuthorizations, validatePut } from './validation.js';
import { beforeDelete, onPutSucceeded, setServerFields } from './write-effects.js';

function requireServedType(type: string, pathname: string): void {
  if (!SERVED_TYPES.has(type)) {
    throw new CloudError(404, 'NotFound', `No HTTP resource was found that matches the request URI '${pathname}'.`);
  }
}

/** GET of a collection at subscription, resource-group or parent scope, paged with nextLink. */
export function handleList(ctx: EmuContext, req: EmuRequest): EmuResponse {
  const r = req.route;
  if (r.kind !== 'list') throw new Error('not a list route');
  if (req.method !== 'GET') throw new CloudError(405, 'MethodNotAllowed', `The requested method '${req.method}' is not allowed.`);
  requireServedType(r.type, req.url.pathname);
  let keys: string[];
  if (r.parentId) {
    requireResourceGroup(ctx, r.sub, r.rg!);
    if (!ctx.store.getRaw(r.parentId)) throw resourceNotFound(canonicalType(parseArmId(r.parentId).type!), r.parentId);
    keys = ctx.store.childKeys(r.parentId, r.type);
  } else if (r.rg) {
    requireResourceGroup(ctx, r.sub, r.rg);
    keys = ctx.store.listTopLevel(r.type, r.sub, r.rg);
  } else {
    requireSubscription(ctx, r.sub);
    keys = ctx.store.listTopLevel(r.type, r.sub).filter((k) => !isForbidden(ctx, k));
  }
  return page(ctx, req, keys.map((k) => ctx.store.render(k, { fillType: true })));
}

/** GET, PUT or DELETE of one resource. */
export function handleResource(ctx: EmuContext, req: EmuRequest): EmuResponse {
  const r = req.route;
  if (r.kind !== 'resource') throw new Error('not a resource route');
  requireServedType(r.type, req.url.pathname);
  requireResourceGroup(ctx, r.sub, r.rg);
  switch (req.method) {
    case 'GET': {
      const body = ctx.store.render(r.id, { fillType: true });
      if (!body) throw resourceNotFound(canonicalType(r.type), r.id);
      return { status: 200, body };
    }
    case 'PUT':
      return put(ctx, req, r.id, r.type);
    case 'DELETE':
      return del(ctx, req, r.id);
    default:
      throw new CloudError(405, 'MethodNotAllowed', `The requested method '${req.method}' is not allowed on this resource.`);
  }
}

function checkIfMatch(req: EmuRequest, current: ArmBody | undefined): void {
  const ifMatch = req.headers['if-match'];
  if (typeof ifMatch !== 'string' || ifMatch === '') return;
  if (ifMatch === '*' ? current !== undefined : current?.etag === ifMatch) return;
  throw new CloudError(
    412,
    'PreconditionFailed',
    `The condition specified using HTTP conditional header(s) is not met: If-Match '${ifMatch}' does not match the current etag.`,
  );
}

function location(ctx: EmuContext, id: string): string {
  let cur: string | undefined = id;
  while (cur) {
    const loc = ctx.store.getRaw(cur)?.location;
    if (typeof loc === 'string') return loc;
    cur = parentId(cur);
  }
  return 'westeurope';
}

function put(ctx: EmuContext, req: EmuRequest, id: string, type: string): EmuResponse {
  const input = req.body;
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    throw badRequest('InvalidRequestContent', 'The request content was invalid and could not be deserialized: expected a JSON object.');
  }
  const raw = input as Record<string, unknown>;
  if (raw.properties !== undefined && (typeof raw.properties !== 'object' || raw.properties === null || Array.isArray(raw.properties))) {
    throw badRequest('InvalidRequestContent', "The request content was invalid and could not be deserialized: 'properties' must be an object.");
  }
  const parent = parentId(id);
  if (parent && !ctx.store.getRaw(parent)) {
    throw new CloudError(404, 'ParentResourceNotFound', `Can not perform requested operation on nested resource. Parent resource '${parent}' not found.`);
  }
  const current = ctx.store.getRaw(id);
  checkIfMatch(req, current);
  const name = parseArmId(id).name!;
  const body: ArmBody = { ...raw, id: (current?.id as string) ?? id, name: (current?.name as string) ?? name, type: (current?.type as string) ?? canonicalType(type) };
  delete body.etag;
  if (body.location === undefined && current?.location !== undefined) body.location = current.location;
  body.properties = { ...((raw.properties as Record<string, unknown>) ?? {}), provisioningState: 'Updating' };
  assignChildIds(body, type);
  setServerFields(ctx.store, type, body);
  const previous = current ? structuredClone(current) : undefined;
  const effects = validatePut(ctx.store, body.id, type, body);
  const created = ctx.store.upsert(body, { replaceChildren: true });
  for (const fx of effects) fx();
  const fail = ctx.faults.lroFailure(req.url.pathname);
  const op = ctx.ops.start(req.route.kind === 'resource' ? req.route.sub : '', {
    fail,
    onDone: (status) => {
      ctx.store.patch(body.id, { provisioningState: status }, { newEtag: false });
      if (status === 'Succeeded') onPutSucceeded(ctx.store, body.id, type, previous);
    },
  });
  const asyncUrl = OperationTracker.statusUrl(ctx.endpoint, op, location(ctx, id), req.apiVersion);
  return { status: created ? 201 : 200, body: ctx.store.render(body.id, { fillType: true }), headers: { 'azure-asyncoperation': asyncUrl } };
}

/** Gives embedded children sent without ids (SDK creates) the id ARM would give them. */
function assignChildIds(body: ArmBody, type: string): void {
  for (const coll of EMBEDDED[type] ?? []) {
    const arr = body.properties?.[coll.prop];
    if (!Array.isArray(arr)) continue;
    for (const c of arr) {
      if (c && typeof c === 'object' && typeof c.id !== 'string' && typeof c.name === 'string') {
        c.id = `${body.id}/${SEGMENT_CASE[coll.segment] ?? coll.segment}/${c.name}`;
      }
    }
  }
}

function del(ctx: EmuContext, req: EmuRequest, id: string): EmuResponse {
  const current = ctx.store.getRaw(id);
  checkIfMatch(req, current);
  if (!current) return { status: 204 };
  ctx.store.patch(id, { provisioningState: 'Deleting' }, { newEtag: false });
  const fail = ctx.faults.lroFailure(req.url.pathname);
  const loc = location(ctx, id);
  const sub = req.route.kind === 'resource' ? req.route.sub : '';
  const op = ctx.ops.start(sub, {
    fail,
    onDone: (status) => {
      if (status === 'Failed') return void ctx.store.patch(id, { provisioningState: 'Failed' }, { newEtag: false });
      beforeDelete(ctx.store, id);
      ctx.store.remove(id);
      releaseAuthorizations(ctx.store, id);
    },
  });
  return {
    status: 202,
    headers: {
      location: OperationTracker.resultUrl(ctx.endpoint, op, loc, req.apiVersion),
      'azure-asyncoperation': OperationTracker.statusUrl(ctx.endpoint, op, loc, req.apiVersion),
    },
  };
}
