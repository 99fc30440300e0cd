import { normalizeId, parentId } from '../../arm/arm-id.js';
import { RT } from '../../arm/resource-types.js';
import { REDACTED } from '../../redact.js';
import { DOCS } from '../docs.js';
import { isErConnection, linkCircuitId } from '../er-links.js';
import { eqi, props, refAt, scopeReadable, subOf, type Model, type Res } from '../model.js';
import { defineRule, shortName } from '../rule-kit.js';
import type { FixSpec } from '../types.js';

/** A resource that redeems an authorization key on someone's circuit (domain.md §2.3). */
interface Redeemer {
  res: Res;
  /** Circuit that issued (or should issue) the key. */
  circuitId: string;
  /** Subscription of the side redeeming the key. */
  ownSub: string;
  label: string;
}

/** 'absent' | 'redacted' | 'real': a key is present when the property is a non-empty string (real or the REDACTED marker). */
export function keyState(v: unknown): 'absent' | 'redacted' | 'real' {
  if (typeof v !== 'string' || v.trim() === '') return 'absent';
  return v === REDACTED ? 'redacted' : 'real';
}

function redeemers(m: Model): Redeemer[] {
  const out: Redeemer[] = [];
  for (const conn of m.ofType(RT.connection)) {
    const circuitId = isErConnection(conn) ? linkCircuitId(conn) : undefined;
    if (circuitId) out.push({ res: conn, circuitId, ownSub: subOf(conn.id), label: 'connection' });
  }
  for (const conn of m.ofType(RT.erConnection)) {
    const circuitId = linkCircuitId(conn);
    if (circuitId) out.push({ res: conn, circuitId, ownSub: subOf(conn.id), label: 'vWAN ExpressRoute connection' });
  }
  for (const conn of m.ofType(RT.circuitConnection)) {
    // Global Reach: the key is created on the peer circuit and redeemed on this circuit's connection [GR-HOWTO].
    const peerPeering = refAt(conn, 'properties.peerExpressRouteCircuitPeering.id');
    const own = parentId(parentId(conn.id) ?? '');
    if (peerPeering && own) out.push({ res: conn, circuitId: parentId(peerPeering) ?? peerPeering, ownSub: subOf(own), label: 'Global Reach connection' });
  }
  return out;
}

function authorizations(m: Model, circuitId: string): Res[] {
  return m.children(circuitId, RT.authorization);
}

function pickFix(m: Model, r: Redeemer): FixSpec | undefined {
  const available = authorizations(m, r.circuitId).filter((a) => eqi(props(a).authorizationUseStatus, 'Available'));
  return {
    kind: 'pick-authorization',
    description: available.length
      ? `Use an unused authorization of ${shortName(r.circuitId)} (or ask its owner for a new one)`
      : `Ask the owner of ${shortName(r.circuitId)} to create an authorization, then set its key here`,
    targetId: r.res.id,
    choices: available.map((a) => ({ label: a.name, value: a.id })),
  };
}

// domain.md §2.3 / §3.1 [LINK-ARM], [GR-HOWTO]: a connection to a circuit in another subscription redeems an authorization key.
export const authKeyMissingCrossSubscription = defineRule(
  { id: 'auth-key-missing-cross-subscription', title: 'Cross-subscription circuit link without an authorization key', category: 'authorization', severity: 'high', docs: DOCS.linkArm, source: [{ url: DOCS.linkArm, quote: 'Different subscription: the circuit owner runs Microsoft.Network/expressRouteCircuits/authorizations/write to create the key. The circuit user then creates the connection with that key in their own subscription.' }] },
  (m, emit) => {
    for (const r of redeemers(m)) {
      if (subOf(r.circuitId) === r.ownSub || keyState(props(r.res).authorizationKey) !== 'absent') continue;
      emit(r.res.id, {
        reason: `This ${r.label} links to circuit ${shortName(r.circuitId)} in another subscription (${subOf(r.circuitId)}) but carries no authorization key. Across subscriptions the circuit owner must issue a key and the link must redeem it, otherwise ARM refuses the link.`,
        evidence: { 'properties.authorizationKey (status)': 'absent', circuit: r.circuitId, circuitSubscription: subOf(r.circuitId), ownSubscription: r.ownSub },
        fix: pickFix(m, r),
      });
    }
  },
);

// domain.md §2.2 / §2.3 (inference there): a key only works when it matches an authorization of the target circuit that
// is not already used by another connection ("An authorization is valid for only one connection" [LINK-ARM]).
export const authKeyUnmatched = defineRule(
  { id: 'auth-key-unmatched', title: 'Authorization key matches no authorization on the circuit', category: 'authorization', severity: 'high', docs: DOCS.linkArm, source: [{ url: DOCS.linkArm, quote: 'An authorization is valid for only one connection.' }] },
  (m, emit) => {
    for (const r of redeemers(m)) {
      const key = props(r.res).authorizationKey;
      const circuit = m.get(r.circuitId);
      if (keyState(key) !== 'real' || !circuit || circuit.stub) continue;
      const auths = authorizations(m, r.circuitId);
      const known = auths.filter((a) => keyState(props(a).authorizationKey) === 'real');
      const match = known.find((a) => String(props(a).authorizationKey).trim().toLowerCase() === String(key).trim().toLowerCase());
      if (!match) {
        if (known.length < auths.length) continue; // some keys were not readable: cannot prove a mismatch
        emit(r.res.id, {
          reason: `The key on this ${r.label} matches none of the ${auths.length} authorization(s) of circuit ${shortName(r.circuitId)}. It was probably revoked or copied from another circuit, so the link cannot be (re)established.`,
          evidence: { 'properties.authorizationKey (status)': 'present, value not shown', circuit: r.circuitId, authorizationsChecked: auths.map((a) => a.id) },
          fix: pickFix(m, r),
        });
        continue;
      }
      const usedBy = refAt(match, 'properties.connectionResourceUri');
      if (usedBy && normalizeId(usedBy) !== r.res.key && !eqi(props(match).authorizationUseStatus, 'Available')) {
        emit(r.res.id, {
          reason: `The key on this ${r.label} belongs to authorization ${match.name}, which is already in use by ${shortName(usedBy)}. An authorization is valid for one connection only.`,
          evidence: { 'properties.authorizationKey (status)': 'present, value not shown', authorization: match.id, 'authorization.properties.authorizationUseStatus': props(match).authorizationUseStatus, 'authorization.properties.connectionResourceUri': usedBy },
          fix: pickFix(m, r),
        });
      }
    }
  },
);

// domain.md §2.1 [SPEC-ERC]: connectionResourceUri names the connection that used the key; §2.2: a used key never frees up.
export const authOrphanedInUse = defineRule(
  { id: 'auth-orphaned-in-use', title: 'Authorization in use by a connection that no longer exists', category: 'authorization', severity: 'medium', docs: DOCS.specErc, source: [{ url: DOCS.specErc, quote: 'connectionResourceUri names the connection that used the key.' }, { url: DOCS.authReuse, quote: 'Deleting the connection does not make the same key usable again; create a new key for the new connection.' }] },
  (m, emit) => {
    for (const a of m.ofType(RT.authorization)) {
      const status = props(a).authorizationUseStatus;
      const uri = refAt(a, 'properties.connectionResourceUri');
      if (!uri || typeof status !== 'string' || eqi(status, 'Available')) continue;
      const target = m.get(uri);
      const gone = target ? target.stub === 'missing' : scopeReadable(m, uri) === true;
      if (!gone) continue;
      emit(a.id, {
        reason: `Authorization ${a.name} is marked ${status} by ${shortName(uri)}, but that connection does not exist (its subscription was readable). The key can never be reused and still counts toward the circuit's 10 authorizations; delete it if nothing needs it.`,
        evidence: { 'properties.authorizationUseStatus': status, 'properties.connectionResourceUri': uri },
      });
    }
  },
);

// domain.md §2.2: "as many as 10 authorizations for each circuit" (no limits-table entry; treat 10 as documented).
export const authLimit = defineRule(
  { id: 'auth-limit', title: 'Circuit is near or at its 10 authorizations', category: 'authorization', severity: 'medium', docs: DOCS.authPowershell, source: [{ url: DOCS.authPowershell, quote: 'as many as 10 authorizations for each circuit' }] },
  (m, emit) => {
    for (const c of m.ofType(RT.circuit)) {
      const count = authorizations(m, c.id).length;
      if (count < 8) continue;
      const at = count >= 10;
      emit(c.id, {
        severity: at ? 'medium' : 'low',
        reason: at
          ? `Circuit ${c.name} has ${count} authorizations, the documented maximum of 10: no new cross-subscription link can be authorized until one is deleted.`
          : `Circuit ${c.name} has ${count} of 10 authorizations; used keys never free up, so clean up unused ones before the next link request.`,
        evidence: { authorizationCount: count, limit: 10, inUse: authorizations(m, c.id).filter((x) => !eqi(props(x).authorizationUseStatus, 'Available')).length },
      });
    }
  },
);

/** Authorization-key rules (VNet gateway connections, vWAN ExpressRoute connections, Global Reach). */
export const AUTHORIZATION_RULES = [authKeyMissingCrossSubscription, authKeyUnmatched, authOrphanedInUse, authLimit];
