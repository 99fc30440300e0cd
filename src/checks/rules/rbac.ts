import { normalizeId } from '../../arm/arm-id.js';
import { RT } from '../../arm/resource-types.js';
import { DOCS } from '../docs.js';
import { isErConnection, linkCircuitId } from '../er-links.js';
import { refAt, rgScope, subOf, type Res } from '../model.js';
import { missingActions } from '../permissions.js';
import { defineRule } from '../rule-kit.js';

// domain.md §3.1 [ER-ROLES]: creating/updating a gateway→circuit connection needs connections/write,
// virtualNetworkGateways/join/action and expressRouteCircuits/join/action; across subscriptions the circuit owner runs
// expressRouteCircuits/authorizations/write to create the key [LINK-ARM]. §3.2 [VWAN-ROLES]: vWAN connections need
// expressRouteCircuits/join/action; §3.3 [NET-OPS] lists expressRouteGateways/expressRouteConnections/write.
const A = {
  connWrite: 'Microsoft.Network/connections/write',
  gwJoin: 'Microsoft.Network/virtualNetworkGateways/join/action',
  circuitJoin: 'Microsoft.Network/expressRouteCircuits/join/action',
  authWrite: 'Microsoft.Network/expressRouteCircuits/authorizations/write',
  erConnWrite: 'Microsoft.Network/expressRouteGateways/expressRouteConnections/write',
} as const;

interface Need {
  scope: string;
  subject: string;
  actions: Set<string>;
  neededFor: Set<string>;
}

/** Caller lacks an action that creating or changing a connection needs, per scope (domain.md §3.1–§3.4). */
export const rbacMissingPermission = defineRule(
  { id: 'rbac-missing-permission', title: 'You lack permissions to create or change a circuit connection', category: 'rbac', severity: 'low', docs: DOCS.erRoles, source: [{ url: DOCS.erRoles, quote: 'Create/update connection (gateway to circuit): Microsoft.Network/connections/write, Microsoft.Network/virtualNetworkGateways/join/action, Microsoft.Network/expressRouteCircuits/join/action.' }, { url: DOCS.vwanRoles, quote: 'A missing permission gives error code LinkedAccessCheckFailed.' }] },
  (m, emit, ctx) => {
    if (!ctx.permissions || ctx.permissions.length === 0) return;
    const needs = new Map<string, Need>();
    const need = (resourceId: string, action: string, forId: string) => {
      const scope = rgScope(resourceId);
      const k = normalizeId(scope);
      const entry = needs.get(k) ?? { scope, subject: resourceId, actions: new Set<string>(), neededFor: new Set<string>() };
      entry.actions.add(action);
      entry.neededFor.add(forId);
      needs.set(k, entry);
    };
    const circuitSide = (conn: Res, circuitId: string) => {
      // Same subscription: join the circuit directly. Cross-subscription: the owner must be able to issue a key.
      need(circuitId, subOf(circuitId) === subOf(conn.id) ? A.circuitJoin : A.authWrite, conn.id);
    };
    for (const conn of m.ofType(RT.connection)) {
      if (!isErConnection(conn)) continue;
      const gw = refAt(conn, 'properties.virtualNetworkGateway1.id');
      const circuit = linkCircuitId(conn);
      need(conn.id, A.connWrite, conn.id);
      if (gw) need(gw, A.gwJoin, conn.id);
      if (circuit) circuitSide(conn, circuit);
    }
    for (const conn of m.ofType(RT.erConnection)) {
      need(conn.id, A.erConnWrite, conn.id);
      const circuit = linkCircuitId(conn);
      if (circuit) circuitSide(conn, circuit);
    }
    for (const n of needs.values()) {
      const { missing, unknown } = missingActions(ctx.permissions, n.scope, [...n.actions]);
      if (unknown || missing.length === 0) continue;
      emit(n.subject, {
        reason: `In ${n.scope} your effective permissions (actions minus notActions) do not include ${missing.join(', ')}. Changing or re-creating the listed connections from here will fail with AuthorizationFailed / LinkedAccessCheckFailed; ask for Network Contributor on this scope or have its owner make the change.`,
        evidence: { scope: n.scope, missingActions: missing, neededFor: [...n.neededFor] },
      });
    }
  },
);

/** RBAC pre-flight rules. */
export const RBAC_RULES = [rbacMissingPermission];
