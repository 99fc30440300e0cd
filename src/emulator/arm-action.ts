import { parseArmId } from '../arm/arm-id.js';
import { CloudError } from './cloud-error.js';
import { canonicalType } from './families.js';
import type { Route } from './router.js';
import { route } from './router.js';

/** RBAC operation names of the diagnostic routes (domain.md: peerings/arpTables/read, getbgppeerstatus/action, ...). */
const ACTION_OPERATION: Record<string, string> = {
  stats: 'stats/read', arpTables: 'arpTables/read', routeTables: 'routeTables/read', routeTablesSummary: 'routeTablesSummary/read',
  getBgpPeerStatus: 'getbgppeerstatus/action', getLearnedRoutes: 'getlearnedroutes/action', getAdvertisedRoutes: 'getadvertisedroutes/action',
};

/** The scope ARM authorizes a routed request against (undefined where ARM checks none: the subscription list, operation polls). */
export function scopeOf(r: Route): string | undefined {
  switch (r.kind) {
    case 'subscriptions':
    case 'operation':
    case 'resourceGraph':
      return undefined;
    case 'subscription':
    case 'resourceGroups':
      return `/subscriptions/${r.sub}`;
    case 'resourceGroup':
      return `/subscriptions/${r.sub}/resourceGroups/${r.rg}`;
    case 'list':
      return r.scope;
    case 'resource':
      return r.id;
    case 'action':
      return r.targetId;
    case 'permissions':
      return r.scope;
  }
}

/** The RBAC action a request needs, spelled as ARM spells it in AuthorizationFailed messages. */
export function actionOf(method: string, r: Route): string {
  const verb = method === 'DELETE' ? 'delete' : method === 'PUT' || method === 'PATCH' ? 'write' : 'read';
  switch (r.kind) {
    case 'subscriptions':
    case 'subscription':
      return 'Microsoft.Resources/subscriptions/read';
    case 'resourceGroups':
    case 'resourceGroup':
      return `Microsoft.Resources/subscriptions/resourceGroups/${verb}`;
    case 'permissions':
      return 'Microsoft.Authorization/permissions/read';
    case 'resourceGraph':
      return 'Microsoft.ResourceGraph/resources/read';
    case 'operation':
      return 'Microsoft.Network/locations/operations/read';
    case 'list':
      return `${canonicalType(r.type)}/read`;
    case 'resource':
      return `${canonicalType(r.type)}/${verb}`;
    case 'action':
      return `${canonicalType(parseArmId(r.targetId).type ?? 'microsoft.network')}/${ACTION_OPERATION[r.action]}`;
  }
}

/** 403 in ARM's AuthorizationFailed shape (the code can be overridden, e.g. by a `403:code=...` fault). */
export function authorizationFailed(action: string, scope: string, code = 'AuthorizationFailed'): CloudError {
  return new CloudError(
    403,
    code,
    `The client 'emulator-user' with object id '00000000-0000-0000-0000-00000000e5c0' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
  );
}

/** The 403 a `403` fault answers for a request; paths the router does not know still get a message naming the path. */
export function forbiddenFor(method: string, pathname: string, code?: string): CloudError {
  try {
    const r = route(pathname);
    return authorizationFailed(actionOf(method, r), scopeOf(r) ?? '/', code);
  } catch {
    return authorizationFailed(`Microsoft.Network/${method === 'GET' ? 'read' : 'write'}`, pathname, code);
  }
}
