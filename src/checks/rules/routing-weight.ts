import { RT } from '../../arm/resource-types.js';
import { DOCS } from '../docs.js';
import { circuitFacts, distinctCircuits, gatewayLinks, preferredPath, type ErLink, type GatewayLinks } from '../er-links.js';
import { props, type Model } from '../model.js';
import { defineRule, num, shortName } from '../rule-kit.js';

const MAX_WEIGHT = 32000;

// domain.md §4 [LINK-ARM], [LINK-CLI], [VWAN-ER]: routingWeight is 0–32000 (the spec itself has no bounds, so the client enforces it).
export const weightOutOfRange = defineRule(
  { id: 'weight-out-of-range', title: 'Routing weight outside 0–32000', category: 'routing', severity: 'medium', docs: DOCS.linkArm, source: [{ url: DOCS.linkArm, quote: 'routingWeight: valid range 0-32000, default 0. Traffic prefers the connection with the highest weight.' }] },
  (m, emit) => {
    for (const conn of [...m.ofType(RT.connection), ...m.ofType(RT.erConnection)]) {
      const w = num(props(conn).routingWeight);
      if (w === undefined || (w >= 0 && w <= MAX_WEIGHT && Number.isInteger(w))) continue;
      const fixed = Math.min(MAX_WEIGHT, Math.max(0, Math.round(w)));
      emit(conn.id, {
        reason: `Routing weight ${w} is outside the documented range 0–32000. ARM may reject the next update of this connection, and the preference you meant to express is not guaranteed.`,
        evidence: { 'properties.routingWeight': props(conn).routingWeight, allowed: '0-32000' },
        fix: { kind: 'set-property', description: `Set routingWeight to ${fixed}`, targetId: conn.id, patch: { routingWeight: fixed } },
      });
    }
  },
);

/** Intent declared with a `role` tag on the connection (primary | backup | active-active); undefined when untagged. */
export type Role = 'primary' | 'backup' | 'active-active' | 'other' | undefined;

const ROLE_WORDS: Record<string, Role> = {
  primary: 'primary', active: 'primary', main: 'primary',
  backup: 'backup', secondary: 'backup', standby: 'backup', dr: 'backup', failover: 'backup',
  'active-active': 'active-active', activeactive: 'active-active', aa: 'active-active',
};

/** Reads the connection's `role` tag (key and value case-insensitive); an unknown value still counts as declared intent. */
export function roleOf(conn: { body: { tags?: Record<string, string> } }): Role {
  const entry = Object.entries(conn.body.tags ?? {}).find(([k]) => k.toLowerCase() === 'role');
  if (!entry) return undefined;
  return ROLE_WORDS[String(entry[1]).trim().toLowerCase()] ?? 'other';
}

interface Described extends ErLink {
  location?: string;
  bandwidthMbps?: number;
  tier?: string;
  role: Role;
}

function describe(m: Model, g: GatewayLinks): Described[] {
  return [...distinctCircuits(g).values()].map((l) => {
    const f = circuitFacts(m, l.circuit);
    // With several links to one circuit the highest weight decides, so compare per circuit on that link.
    const same = g.links.filter((x) => x.circuitId.toLowerCase() === l.circuitId.toLowerCase());
    const best = same.reduce((a, b) => (b.weight > a.weight ? b : a));
    return { ...best, location: f.peeringLocation, bandwidthMbps: f.bandwidthMbps, tier: f.tier, role: roleOf(best.conn) };
  });
}

function linkEvidence(ls: Described[]): Array<Record<string, unknown>> {
  return ls.map((l) => ({ connection: l.conn.id, circuit: l.circuitId, 'properties.routingWeight': l.weight, 'tags.role': l.role ?? null, peeringLocation: l.location, bandwidthInMbps: l.bandwidthMbps, skuTier: l.tier }));
}

function known(l: Described): boolean {
  return l.location !== undefined && l.bandwidthMbps !== undefined && l.tier !== undefined;
}

/** Active/active pairs: connections tagged role=active-active, else untagged look-alikes (same bandwidth and SKU, different peering locations). */
function activePairs(ls: Described[]): { links: Described[]; tagged: boolean } {
  const tagged = ls.filter((l) => l.role === 'active-active');
  if (tagged.length >= 2) return { links: tagged, tagged: true };
  const free = ls.filter((l) => l.role === undefined && known(l));
  const twins = free.filter((a) => free.some((b) => b !== a && b.bandwidthMbps === a.bandwidthMbps && b.tier?.toLowerCase() === a.tier?.toLowerCase() && b.location?.toLowerCase() !== a.location?.toLowerCase()));
  return { links: twins, tagged: false };
}

// domain.md §4, misconfiguration 1: differing weights on circuits meant as active/active break ECMP [OPT-ROUTING], [ER-FAQ].
export const weightActiveActiveMismatch = defineRule(
  { id: 'weight-active-active-mismatch', title: 'Active/active circuits have different routing weights', category: 'routing', severity: 'medium', docs: DOCS.optRouting, source: [{ url: DOCS.erFaq, quote: 'Multiple circuits to one gateway: with equal weights and attributes, the gateway uses ECMP across circuits, up to 4 circuits.' }] },
  (m, emit) => {
    for (const g of gatewayLinks(m)) {
      const { links, tagged } = activePairs(describe(m, g));
      if (links.length < 2 || new Set(links.map((l) => l.weight)).size < 2) continue;
      const top = Math.max(...links.map((l) => l.weight));
      const low = links.reduce((a, b) => (b.weight < a.weight ? b : a));
      emit(g.gateway.id, {
        severity: tagged ? 'medium' : 'low',
        reason: `${tagged ? 'Connections tagged role=active-active' : `Circuits ${links.map((l) => shortName(l.circuitId)).join(', ')} have the same bandwidth and SKU in different peering locations (a typical active/active pair), but they`} carry different routing weights (${links.map((l) => l.weight).join(' vs ')}). The gateway sends everything over the highest weight, so the pair runs active/passive without anyone noticing.`,
        evidence: { links: linkEvidence(links), preferredPath: preferredPath(g) },
        fix: { kind: 'set-property', description: `Give ${shortName(low.conn.id)} the same weight (${top}) as its partner`, targetId: low.conn.id, patch: { routingWeight: top } },
      });
    }
  },
);

// domain.md §4: equal weights and attributes mean ECMP across circuits [ER-FAQ], so a backup with the primary's weight
// carries an equal share of flows. Intent comes from role tags; without tags a bandwidth difference is only a hint (info).
// A VPN backup needs no weight: ER is preferred over S2S VPN at equal prefix length [COEXIST].
export const weightBackupEqual = defineRule(
  { id: 'weight-backup-equal', title: 'Backup circuit has the same routing weight as the primary', category: 'routing', severity: 'medium', docs: DOCS.erFaq, source: [{ url: DOCS.erFaq, quote: 'With equal weights and attributes, the gateway uses ECMP across circuits, hashed per flow on the 5-tuple.' }, { url: DOCS.coexist, quote: 'ExpressRoute is preferred over S2S VPN when prefixes are equal.' }] },
  (m, emit) => {
    for (const g of gatewayLinks(m)) {
      const ls = describe(m, g);
      const primaries = ls.filter((l) => l.role === 'primary');
      const backups = ls.filter((l) => l.role === 'backup');
      if (primaries.length && backups.length) {
        const top = Math.max(...primaries.map((l) => l.weight));
        for (const b of backups.filter((x) => x.weight >= top)) {
          emit(b.conn.id, {
            reason: `${shortName(b.conn.id)} is tagged role=backup but its routing weight ${b.weight} is ${b.weight > top ? 'higher than' : 'equal to'} the primary's ${top}: the gateway ${b.weight > top ? 'prefers the backup' : 'splits flows evenly (ECMP) across primary and backup'}.`,
            evidence: { links: linkEvidence([...primaries, b]), preferredPath: preferredPath(g) },
            fix: top > 0
              ? { kind: 'set-property', description: `Lower the backup's weight to 0`, targetId: b.conn.id, patch: { routingWeight: 0 } }
              : { kind: 'set-property', description: `Raise the primary's weight to 100`, targetId: primaries[0]!.conn.id, patch: { routingWeight: 100 } },
          });
        }
        continue;
      }
      const untagged = ls.filter((l) => l.role === undefined && l.bandwidthMbps !== undefined);
      const top = Math.max(...untagged.map((l) => l.weight));
      const tied = untagged.filter((l) => l.weight === top);
      if (tied.length < 2 || new Set(tied.map((l) => l.bandwidthMbps)).size < 2) continue;
      const small = tied.reduce((a, b) => ((b.bandwidthMbps ?? 0) < (a.bandwidthMbps ?? 0) ? b : a));
      const big = tied.reduce((a, b) => ((b.bandwidthMbps ?? 0) > (a.bandwidthMbps ?? 0) ? b : a));
      emit(small.conn.id, {
        severity: 'info',
        reason: `Circuits of different sizes (${tied.map((l) => `${shortName(l.circuitId)} ${l.bandwidthMbps} Mbps`).join(', ')}) share the top routing weight ${top}, so the gateway spreads flows evenly (ECMP) and the smaller one carries an equal share. If it is meant as a backup, give the primary a higher weight (or tag the connections role=primary/backup).`,
        evidence: { links: linkEvidence(tied), preferredPath: preferredPath(g) },
        fix: { kind: 'set-property', description: `Raise the weight of ${shortName(big.conn.id)} to ${Math.min(MAX_WEIGHT, top + 100)}`, targetId: big.conn.id, patch: { routingWeight: Math.min(MAX_WEIGHT, top + 100) } },
      });
    }
  },
);

/** Routing-weight rules; evidence carries each gateway's effective preferred path. */
export const ROUTING_WEIGHT_RULES = [weightOutOfRange, weightActiveActiveMismatch, weightBackupEqual];
