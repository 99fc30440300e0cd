import { AUTHORIZATION_RULES } from './rules/authorization.js';
import { CIRCUIT_RULES } from './rules/circuit.js';
import { CIRCUIT_LIMIT_RULES } from './rules/circuit-limits.js';
import { CONNECTION_RULES } from './rules/connection.js';
import { ER_CONNECTION_RULES } from './rules/er-connection.js';
import { GATEWAY_RULES } from './rules/gateway.js';
import { GATEWAY_CAPACITY_RULES } from './rules/gateway-capacity.js';
import { GATEWAY_SUBNET_RULES } from './rules/gateway-subnet.js';
import { GLOBAL_REACH_RULES } from './rules/global-reach.js';
import { PEERING_RULES } from './rules/peering.js';
import { PEERING_LIMIT_RULES } from './rules/peering-limits.js';
import { RBAC_RULES } from './rules/rbac.js';
import { REFERENCE_RULES } from './rules/references.js';
import { RESILIENCY_RULES } from './rules/resiliency.js';
import { RESILIENCY_GUIDANCE_RULES } from './rules/resiliency-guidance.js';
import { ROUTING_WEIGHT_RULES } from './rules/routing-weight.js';
import { VERIFY_RULES } from './rules/verify.js';
import { VPN_BGP_RULES } from './rules/vpn-bgp.js';
import { VPN_IPSEC_RULES } from './rules/vpn-ipsec.js';
import { VWAN_RULES } from './rules/vwan.js';
import { VPN_ACTIVE_ACTIVE_RULES } from './rules/vpn-active-active.js';
import { VPN_CONNECTION_POLICY_RULES } from './rules/vpn-connection-policy.js';
import { VPN_GATEWAY_SKU_RULES } from './rules/vpn-gateway-sku.js';
import { VPN_LOCAL_GATEWAY_RULES } from './rules/vpn-local-gateway.js';
import { VPN_NAT_RULES } from './rules/vpn-nat.js';
import { VWAN_HUB_RULES } from './rules/vwan-hub.js';
import { VWAN_SITE_RULES } from './rules/vwan-site.js';
import type { Rule } from './types.js';

/** Every rule erscope runs, in report order; ids are stable (suppressions and SARIF refer to them). */
export const RULES: Rule[] = [
  ...GATEWAY_RULES,
  ...GATEWAY_SUBNET_RULES,
  ...GATEWAY_CAPACITY_RULES,
  ...RBAC_RULES,
  ...AUTHORIZATION_RULES,
  ...ROUTING_WEIGHT_RULES,
  ...VERIFY_RULES,
  ...CIRCUIT_RULES,
  ...CIRCUIT_LIMIT_RULES,
  ...PEERING_RULES,
  ...PEERING_LIMIT_RULES,
  ...GLOBAL_REACH_RULES,
  ...RESILIENCY_RULES,
  ...RESILIENCY_GUIDANCE_RULES,
  ...CONNECTION_RULES,
  ...ER_CONNECTION_RULES,
  ...VPN_IPSEC_RULES,
  ...VPN_BGP_RULES,
  ...VPN_GATEWAY_SKU_RULES,
  ...VPN_ACTIVE_ACTIVE_RULES,
  ...VPN_CONNECTION_POLICY_RULES,
  ...VPN_NAT_RULES,
  ...VPN_LOCAL_GATEWAY_RULES,
  ...VWAN_RULES,
  ...VWAN_HUB_RULES,
  ...VWAN_SITE_RULES,
  ...REFERENCE_RULES,
];

const BY_ID = new Map(RULES.map((r) => [r.id.toLowerCase(), r]));

/** Looks a rule up by id (case-insensitive). */
export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id.trim().toLowerCase());
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** Up to three catalog ids closest to a mistyped one, for "did you mean" messages. */
export function closeRuleIds(id: string): string[] {
  const q = id.trim().toLowerCase();
  return RULES.map((r) => ({ id: r.id, d: r.id.includes(q) || q.includes(r.id) ? 0 : distance(q, r.id) }))
    .filter((x) => x.d <= Math.max(3, Math.floor(q.length / 3)))
    .sort((a, b) => a.d - b.d || a.id.localeCompare(b.id))
    .slice(0, 3)
    .map((x) => x.id);
}

/** The one-line error for an id the catalog does not know. */
export function unknownRuleMessage(id: string, where = ''): string {
  const close = closeRuleIds(id);
  return `Unknown rule id "${id}"${where}. ${close.length ? `Did you mean ${close.join(', ')}? ` : ''}Run "erscope rules" for the list.`;
}
