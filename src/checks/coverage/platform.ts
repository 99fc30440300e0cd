import { DOCS } from '../docs.js';
import type { Constraint } from './types.js';

/** RBAC and ARM-level constraints (permissions, references, provisioning state). */
export const CONSTRAINTS_PLATFORM: Constraint[] = [
  { id: 'rbac-link-actions', area: 'rbac', fact: 'Create/update connection (gateway to circuit): Microsoft.Network/connections/write, Microsoft.Network/virtualNetworkGateways/join/action, Microsoft.Network/expressRouteCircuits/join/action.', source: DOCS.erRoles, ruleIds: ['rbac-missing-permission'] },
  { id: 'rbac-vwan-linked-access', area: 'rbac', fact: 'Creating expressRouteGateways/expressRouteConnections needs hubRouteTables/read, routeMaps/read and expressRouteCircuits/join/action; a missing one gives LinkedAccessCheckFailed.', source: DOCS.vwanRoles, ruleIds: ['rbac-missing-permission'] },
  { id: 'rbac-deny-assignments', area: 'rbac', fact: 'Deny assignments override grants.', source: 'https://learn.microsoft.com/azure/role-based-access-control/role-definitions', ruleIds: [], unreadable: 'Whether the Permissions API reflects deny assignments is not documented; deny assignments are not read by erscope.' },
  { id: 'arm-provisioning-terminal', area: 'arm', fact: 'Succeeded, Failed and Canceled are terminal provisioning states; anything else means still running.', source: DOCS.armAsync, ruleIds: ['provisioning-failed'] },
  { id: 'arm-reference-404', area: 'arm', fact: 'A referenced resource that was deleted returns 404; ARM does not remove references to it (inference from the CloudError shape).', source: DOCS.specNet, ruleIds: ['reference-missing'] },
  { id: 'arm-reference-403', area: 'arm', fact: 'Codes worth handling: 403 AuthorizationFailed (ARM RBAC).', source: DOCS.erRoles, ruleIds: ['reference-no-access'] },
];
