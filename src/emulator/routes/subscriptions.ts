import { normalizeId } from '../../arm/arm-id.js';
import { CloudError } from '../cloud-error.js';
import type { EmuSubscription } from '../store.js';
import type { EmuContext, EmuRequest, EmuResponse } from './context.js';
import { page } from './context.js';

function subBody(ctx: EmuContext, s: EmuSubscription): Record<string, unknown> {
  return {
    id: `/subscriptions/${s.subscriptionId}`,
    subscriptionId: s.subscriptionId,
    displayName: s.displayName,
    state: s.state,
    tenantId: s.tenantId ?? ctx.scenario.tenantId ?? '00000000-0000-0000-0000-0000000e5c0e',
    authorizationSource: 'RoleBased',
    subscriptionPolicies: { locationPlacementId: 'Public_2014-09-01', quotaId: 'PayAsYouGo_2014-09-01', spendingLimit: 'Off' },
  };
}

/** 404 SubscriptionNotFound unless the subscription is known. */
export function requireSubscription(ctx: EmuContext, sub: string): EmuSubscription {
  const s = ctx.store.subscriptions.get(sub.toLowerCase());
  if (!s) throw new CloudError(404, 'SubscriptionNotFound', `The subscription '${sub}' could not be found.`);
  return s;
}

/** 404 ResourceGroupNotFound unless the resource group exists. */
export function requireResourceGroup(ctx: EmuContext, sub: string, rg: string): void {
  requireSubscription(ctx, sub);
  if (!ctx.store.resourceGroups.has(normalizeId(`/subscriptions/${sub}/resourceGroups/${rg}`))) {
    throw new CloudError(404, 'ResourceGroupNotFound', `Resource group '${rg}' could not be found.`);
  }
}

/** GET /subscriptions, /subscriptions/{id}, resource groups, and Microsoft.Authorization/permissions. */
export function handleSubscriptionRoutes(ctx: EmuContext, req: EmuRequest): EmuResponse {
  const r = req.route;
  if (req.method !== 'GET' && !(r.kind === 'resourceGroup' && req.method === 'HEAD')) {
    throw new CloudError(405, 'MethodNotAllowed', `The requested method '${req.method}' is not allowed on this resource.`);
  }
  switch (r.kind) {
    case 'subscriptions':
      return page(ctx, req, [...ctx.store.subscriptions.values()].map((s) => subBody(ctx, s)));
    case 'subscription':
      return { status: 200, body: subBody(ctx, requireSubscription(ctx, r.sub)) };
    case 'resourceGroups': {
      requireSubscription(ctx, r.sub);
      const prefix = normalizeId(`/subscriptions/${r.sub}/`);
      const rgs = [...ctx.store.resourceGroups.entries()].filter(([k]) => k.startsWith(prefix)).map(([, g]) => rgBody(g));
      return page(ctx, req, rgs);
    }
    case 'resourceGroup': {
      requireResourceGroup(ctx, r.sub, r.rg);
      const g = ctx.store.resourceGroups.get(normalizeId(`/subscriptions/${r.sub}/resourceGroups/${r.rg}`))!;
      return { status: 200, body: rgBody(g) };
    }
    case 'permissions': {
      requireResourceGroup(ctx, r.sub, r.rg);
      return page(ctx, req, permissionsFor(ctx, r.scope));
    }
    default:
      throw new Error(`not a subscription route: ${r.kind}`);
  }
}

function rgBody(g: { id: string; name: string; location: string }): Record<string, unknown> {
  return { id: g.id, name: g.name, type: 'Microsoft.Resources/resourceGroups', location: g.location, properties: { provisioningState: 'Succeeded' } };
}

/** Effective permissions at a scope: every scenario entry whose scope contains it; `*` when none applies. */
export function permissionsFor(ctx: EmuContext, scope: string): unknown[] {
  const key = normalizeId(scope);
  const hits = ctx.scenario.permissions.filter((p) => {
    const s = normalizeId(p.scope);
    return key === s || key.startsWith(s + '/');
  });
  if (hits.length === 0) return [{ actions: ['*'], notActions: [], dataActions: [], notDataActions: [] }];
  return hits.map((p) => ({
    actions: p.actions,
    notActions: p.notActions,
    dataActions: p.dataActions ?? [],
    notDataActions: p.notDataActions ?? [],
  }));
}
