import { CloudError } from './cloud-error.js';

/** A request path parsed into what it addresses; ids keep the caller's casing, `type` is lower-cased. */
export type Route =
  | { kind: 'subscriptions' }
  | { kind: 'subscription'; sub: string }
  | { kind: 'resourceGroups'; sub: string }
  | { kind: 'resourceGroup'; sub: string; rg: string }
  | { kind: 'list'; sub: string; rg?: string; type: string; parentId?: string; scope: string }
  | { kind: 'resource'; sub: string; rg: string; type: string; id: string }
  | { kind: 'action'; sub: string; rg: string; action: DiagnosticAction; targetId: string; device?: string }
  | { kind: 'permissions'; sub: string; rg: string; scope: string }
  | { kind: 'operation'; sub: string; opId: string; style: 'status' | 'result' }
  | { kind: 'resourceGraph' };

/** Diagnostic operations the emulator answers. */
export type DiagnosticAction =
  | 'stats' | 'arpTables' | 'routeTables' | 'routeTablesSummary' | 'getBgpPeerStatus' | 'getLearnedRoutes' | 'getAdvertisedRoutes';

const TAIL_ACTIONS: Record<string, DiagnosticAction> = {
  stats: 'stats', getbgppeerstatus: 'getBgpPeerStatus', getlearnedroutes: 'getLearnedRoutes', getadvertisedroutes: 'getAdvertisedRoutes',
};
const DEVICE_ACTIONS: Record<string, DiagnosticAction> = {
  arptables: 'arpTables', routetables: 'routeTables', routetablessummary: 'routeTablesSummary',
};

function unknownRoute(pathname: string): CloudError {
  return new CloudError(404, 'NotFound', `No HTTP resource was found that matches the request URI '${pathname}'.`);
}

/** Parses an ARM path (case-insensitive, empty segments ignored); throws 404 NotFound for paths ARM would not route. */
export function route(pathname: string): Route {
  const orig = pathname.split('/').filter((s) => s !== '').map((s) => decodeURIComponent(s));
  const low = orig.map((s) => s.toLowerCase());
  if (low.length === 3 && low[0] === 'providers' && low[1] === 'microsoft.resourcegraph' && low[2] === 'resources') {
    return { kind: 'resourceGraph' };
  }
  if (low[0] !== 'subscriptions') throw unknownRoute(pathname);
  if (low.length === 1) return { kind: 'subscriptions' };
  const sub = orig[1]!;
  if (low.length === 2) return { kind: 'subscription', sub };
  if (low[2] === 'providers') {
    if (low[3] !== 'microsoft.network') throw unknownRoute(pathname);
    if (low[4] === 'locations' && low.length === 8 && (low[6] === 'operations' || low[6] === 'operationresults')) {
      return { kind: 'operation', sub, opId: orig[7]!, style: low[6] === 'operations' ? 'status' : 'result' };
    }
    if (low.length === 5) return { kind: 'list', sub, type: `microsoft.network/${low[4]}`, scope: `/subscriptions/${sub}` };
    throw unknownRoute(pathname);
  }
  if (low[2] !== 'resourcegroups') throw unknownRoute(pathname);
  if (low.length === 3) return { kind: 'resourceGroups', sub };
  const rg = orig[3]!;
  if (low.length === 4) return { kind: 'resourceGroup', sub, rg };
  if (low[4] !== 'providers' || low.length < 6) throw unknownRoute(pathname);
  const rgScope = `/subscriptions/${sub}/resourceGroups/${rg}`;
  // Permissions: at the resource group, or at a resource (…/providers/Microsoft.Authorization/permissions at the end).
  if (low[low.length - 1] === 'permissions' && low[low.length - 2] === 'microsoft.authorization' && low[low.length - 3] === 'providers') {
    const scopeSegs = orig.slice(0, -3);
    return { kind: 'permissions', sub, rg, scope: '/' + scopeSegs.join('/') };
  }
  if (low[5] !== 'microsoft.network') throw unknownRoute(pathname);
  const rest = low.slice(6);
  const restOrig = orig.slice(6);
  if (rest.length === 0) throw unknownRoute(pathname);
  const idOf = (n: number): string => `${rgScope}/providers/${orig[5]}/${restOrig.slice(0, n).join('/')}`;
  const typeOf = (n: number): string => ['microsoft.network', ...rest.slice(0, n).filter((_, i) => i % 2 === 0)].join('/');
  const last = rest[rest.length - 1]!;
  if (rest.length % 2 === 1 && rest.length > 1 && TAIL_ACTIONS[last]) {
    return { kind: 'action', sub, rg, action: TAIL_ACTIONS[last]!, targetId: idOf(rest.length - 1) };
  }
  if (rest.length % 2 === 0 && rest.length > 2 && DEVICE_ACTIONS[rest[rest.length - 2]!]) {
    return {
      kind: 'action', sub, rg, action: DEVICE_ACTIONS[rest[rest.length - 2]!]!, targetId: idOf(rest.length - 2), device: restOrig[restOrig.length - 1],
    };
  }
  if (rest.length % 2 === 1) {
    const type = typeOf(rest.length);
    if (rest.length === 1) return { kind: 'list', sub, rg, type, scope: rgScope };
    return { kind: 'list', sub, rg, type, parentId: idOf(rest.length - 1), scope: idOf(rest.length - 1) };
  }
  return { kind: 'resource', sub, rg, type: typeOf(rest.length), id: idOf(rest.length) };
}
