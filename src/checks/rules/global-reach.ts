import { parentId } from '../../arm/arm-id.js';
import { RT } from '../../arm/resource-types.js';
import { isNetworkAddress, networkCidr, parse } from '../cidr.js';
import { CidrIndex } from '../cidr-index.js';
import { DOCS } from '../docs.js';
import { geoArea } from '../geo.js';
import { eqi, get, props, refAt, type Model, type Res } from '../model.js';
import { defineRule, shortName } from '../rule-kit.js';

const V4 = 'properties.addressPrefix';
const V6 = 'properties.ipv6CircuitConnectionConfig.addressPrefix';

function ownCircuit(m: Model, c: Res): Res | undefined {
  return m.get(parentId(parentId(c.id) ?? ''));
}

function peerCircuit(m: Model, c: Res): Res | undefined {
  const peering = refAt(c, 'properties.peerExpressRouteCircuitPeering.id');
  return peering ? m.get(parentId(peering)) : undefined;
}

// domain.md §5.1 / §5.8 [GR-HOWTO], [SPEC-ERC]: each Global Reach connection needs an IPv4 /29 (IPv6 /125).
export const globalReachPrefixInvalid = defineRule(
  { id: 'global-reach-prefix-invalid', title: 'Global Reach subnet is not a /29 (IPv6 /125)', category: 'global-reach', severity: 'high', docs: DOCS.grHowto, source: [{ url: DOCS.grHowto, quote: 'Each circuit connection needs an IPv4 /29 that does not overlap anything else. IPv6 uses /125.' }] },
  (m, emit) => {
    for (const c of m.ofType(RT.circuitConnection)) {
      for (const [path, family, bits] of [[V4, 'ipv4', 29], [V6, 'ipv6', 125]] as const) {
        const value = get(c.body, path);
        if (value === undefined || value === null || value === '') continue;
        const cidr = parse(value);
        const ok = cidr && cidr.kind === family && cidr.bits === bits && isNetworkAddress(cidr);
        if (ok) continue;
        const fixable = cidr && cidr.kind === family && cidr.bits === bits;
        const net = fixable ? networkCidr(cidr) : undefined;
        emit(c.id, {
          reason: `Global Reach connection ${c.name} uses ${String(value)} but needs ${family === 'ipv4' ? 'an IPv4 /29' : 'an IPv6 /125'} network address${cidr && cidr.bits !== bits ? ` (this is a /${cidr.bits})` : ''}. The link cannot be provisioned with it.`,
          evidence: { [path]: value },
          fix: {
            kind: 'set-global-reach-prefix',
            description: net ? `Use ${net}` : `Pick an unused ${family === 'ipv4' ? '/29' : '/125'} that overlaps nothing else`,
            targetId: c.id,
            ...(net ? { patch: path === V4 ? { addressPrefix: net } : { ipv6CircuitConnectionConfig: { addressPrefix: net } } } : {}),
          },
        });
      }
    }
  },
);

/** Address space Global Reach subnets must stay clear of (domain.md §5.8): other GR subnets, peering subnets, VNets, on-premises. */
function occupied(m: Model): Array<{ owner: Res; path: string; value: string }> {
  const out: Array<{ owner: Res; path: string; value: string }> = [];
  const add = (owner: Res, path: string, v: unknown) => {
    if (typeof v === 'string' && v) out.push({ owner, path, value: v });
  };
  const addList = (owner: Res, path: string) => {
    const list = get(owner.body, path);
    if (Array.isArray(list)) list.forEach((v, i) => add(owner, `${path}[${i}]`, v));
  };
  for (const c of m.ofType(RT.circuitConnection)) [V4, V6].forEach((p) => add(c, p, get(c.body, p)));
  for (const p of m.ofType(RT.peering)) {
    for (const path of ['properties.primaryPeerAddressPrefix', 'properties.secondaryPeerAddressPrefix', 'properties.ipv6PeeringConfig.primaryPeerAddressPrefix', 'properties.ipv6PeeringConfig.secondaryPeerAddressPrefix']) add(p, path, get(p.body, path));
  }
  for (const v of m.ofType(RT.vnet)) addList(v, 'properties.addressSpace.addressPrefixes');
  for (const h of m.ofType(RT.hub)) add(h, 'properties.addressPrefix', props(h).addressPrefix);
  for (const l of m.ofType(RT.localGateway)) addList(l, 'properties.localNetworkAddressSpace.addressPrefixes');
  for (const s of m.ofType(RT.vpnSite)) addList(s, 'properties.addressSpace.addressPrefixes');
  return out;
}

// domain.md §5.8 [GR-HOWTO]: the /29 must not overlap anything else (VNets, on-premises, peering subnets).
export const globalReachPrefixOverlap = defineRule(
  { id: 'global-reach-prefix-overlap', title: 'Global Reach subnet overlaps other address space', category: 'global-reach', severity: 'high', docs: DOCS.grHowto, source: [{ url: DOCS.grHowto, quote: 'Each circuit connection needs an IPv4 /29 that does not overlap anything else (VNets, on-premises, peering subnets).' }] },
  (m, emit) => {
    const taken = new CidrIndex<{ owner: Res; path: string; value: string }>();
    for (const t of occupied(m)) taken.add(t.value, t);
    for (const c of m.ofType(RT.circuitConnection)) {
      for (const path of [V4, V6]) {
        const value = get(c.body, path);
        const mine = parse(value);
        if (!mine) continue;
        const clash = taken.overlapping(mine).filter((t) => !(t.owner.key === c.key && t.path === path));
        if (clash.length === 0) continue;
        emit(c.id, {
          reason: `Global Reach subnet ${String(value)} overlaps ${clash.map((t) => `${shortName(t.owner.id)} (${t.value})`).join(', ')}. The /29 must be unique across VNets, on-premises and peering subnets, or routes collide on the MSEE.`,
          evidence: { [path]: value, overlapsWith: clash.map((t) => ({ resource: t.owner.id, path: t.path, prefix: t.value })) },
          fix: { kind: 'set-global-reach-prefix', description: 'Pick an unused /29 (IPv6 /125)', targetId: c.id },
        });
      }
    }
  },
);

// domain.md §5.8 [GR-ABOUT], [ER-FAQ]: Global Reach is not available on the Local SKU.
export const globalReachLocalSku = defineRule(
  { id: 'global-reach-local-sku', title: 'Global Reach on a Local SKU circuit', category: 'global-reach', severity: 'high', docs: DOCS.grAbout, source: [{ url: DOCS.grAbout, quote: 'Global Reach is not available on the Local SKU.' }] },
  (m, emit) => {
    for (const c of m.ofType(RT.circuitConnection)) {
      const local = [ownCircuit(m, c), peerCircuit(m, c)].filter((x): x is Res => Boolean(x && !x.stub && eqi(get(x.body, 'sku.tier'), 'Local')));
      if (local.length === 0) continue;
      emit(c.id, {
        reason: `${local.map((x) => x.name).join(' and ')} ${local.length > 1 ? 'are' : 'is a'} Local SKU circuit${local.length > 1 ? 's' : ''}; Global Reach is not available on Local, so this link cannot work. Upgrade the circuit to Standard or Premium.`,
        evidence: Object.fromEntries(local.map((x) => [`${x.name}:sku.tier`, get(x.body, 'sku.tier')])),
      });
    }
  },
);

// domain.md §5.8 [GR-ABOUT]: circuits in different geopolitical regions both need Premium (region grouping: inference, see geo.ts).
export const globalReachGeopolitical = defineRule(
  { id: 'global-reach-geopolitical', title: 'Cross-geopolitical Global Reach without Premium', category: 'global-reach', severity: 'high', docs: DOCS.grAbout, source: [{ url: DOCS.grAbout, quote: 'If the circuits are in different geopolitical regions, both must be Premium.' }] },
  (m, emit) => {
    for (const c of m.ofType(RT.circuitConnection)) {
      const a = ownCircuit(m, c);
      const b = peerCircuit(m, c);
      if (!a || !b || a.stub || b.stub) continue;
      const ga = geoArea(a.location);
      const gb = geoArea(b.location);
      if (!ga || !gb || ga === gb) continue;
      const notPremium = [a, b].filter((x) => !eqi(get(x.body, 'sku.tier'), 'Premium'));
      if (notPremium.length === 0) continue;
      emit(c.id, {
        reason: `${a.name} (${a.location}, ${ga}) and ${b.name} (${b.location}, ${gb}) are in different geopolitical regions, which needs Premium on both; ${notPremium.map((x) => x.name).join(' and ')} ${notPremium.length > 1 ? 'are' : 'is'} not Premium.`,
        evidence: { [`${a.name}:location`]: a.location, [`${b.name}:location`]: b.location, ...Object.fromEntries([a, b].map((x) => [`${x.name}:sku.tier`, get(x.body, 'sku.tier')])) },
        fix: { kind: 'set-property', description: `Upgrade ${notPremium[0]!.name} to Premium`, targetId: notPremium[0]!.id },
      });
    }
  },
);

/** Global Reach rules. */
export const GLOBAL_REACH_RULES = [globalReachPrefixInvalid, globalReachPrefixOverlap, globalReachLocalSku, globalReachGeopolitical];
