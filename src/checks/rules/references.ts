import { RT } from '../../arm/resource-types.js';
import { DOCS } from '../docs.js';
import { defineRule, shortName } from '../rule-kit.js';
import type { Emit } from '../rule-kit.js';
import type { Model } from '../model.js';
import type { StubKind } from '../../topology/types.js';
import { PARENT_PATH } from '../../topology/edges.js';

/**
 * Paths a dedicated rule already reports (vwan-route-table-missing, auth-orphaned-in-use, peering-lists-unknown-connection),
 * so the user gets one message per problem. An authorization redeemed from a subscription the circuit owner cannot read
 * is the normal cross-subscription case, so it is not reported as no-access either.
 */
const COVERED = [/associatedRouteTable/i, /connectionResourceUri/i, /expressRouteConnection\.id/i];
const NOT_NEWS = [/connectionResourceUri/i];
const LINK_TYPES = new Set<string>([RT.connection, RT.erConnection, RT.circuitConnection, RT.vpnConnection, RT.vpnLinkConnection]);

function scan(m: Model, kind: StubKind, emit: Emit, describe: (relation: string, target: string) => string): void {
  const seen = new Set<string>();
  m.graph.forEachEdge((_edge, attrs, source, target, sourceAttrs, targetAttrs) => {
    // Parent → stub-child edges only place the stub in the tree; the real reference is the edge from whoever named it.
    if (targetAttrs.stub !== kind || sourceAttrs.stub || attrs.path === PARENT_PATH) return;
    if ((kind === 'missing' ? COVERED : NOT_NEWS).some((re) => re.test(attrs.path))) return;
    const k = `${source}|${target}|${attrs.path}`;
    if (seen.has(k)) return;
    seen.add(k);
    emit(sourceAttrs.id, {
      severity: kind === 'missing' && LINK_TYPES.has(sourceAttrs.type) ? 'high' : undefined,
      reason: describe(attrs.relation, targetAttrs.id),
      evidence: { relation: attrs.relation, [attrs.path]: targetAttrs.id, stub: kind },
    });
  });
}

// domain.md §2.2 / §8.5: a reference to a deleted resource (404) leaves the link broken; ARM does not clean it up.
export const referenceMissing = defineRule(
  { id: 'reference-missing', title: 'Reference to a resource that does not exist', category: 'reference', severity: 'medium', docs: DOCS.specNet, source: [{ url: DOCS.specNet, quote: '(inference from the CloudError shape) A GET of a referenced resource that was deleted returns 404 ResourceNotFound; ARM does not remove references to it from other bodies.' }] },
  (m, emit) => scan(m, 'missing', emit, (relation, target) => `This resource ${relation} ${shortName(target)}, which does not exist (ARM returned 404). Whatever depends on that link is broken until the reference is fixed or the resource is re-created.`),
);

// domain.md §9.1 / §3.4: scopes the caller cannot read are invisible; a link into one cannot be checked end to end.
export const referenceNoAccess = defineRule(
  { id: 'reference-no-access', title: 'Reference into a scope you cannot read', category: 'reference', severity: 'low', docs: DOCS.erRoles, source: [{ url: DOCS.erRoles, quote: 'Codes worth handling: 403 AuthorizationFailed (ARM RBAC).' }] },
  (m, emit) => scan(m, 'no-access', emit, (relation, target) => `This resource ${relation} ${target}, in a subscription or resource group you cannot read. erscope cannot check that side (state, keys, peerings); ask for Reader there or check it with its owner.`),
);

/** Dangling and unreadable reference rules (they read the graph's stub nodes). */
export const REFERENCE_RULES = [referenceMissing, referenceNoAccess];
