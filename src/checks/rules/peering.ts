import { parentId } from '../../arm/arm-id.js';
import { RT } from '../../arm/resource-types.js';
import { isPrivateV4, isNetworkAddress, networkCidr, overlaps, parse, type Cidr } from '../cidr.js';
import { DOCS } from '../docs.js';
import { eqi, get, props, refAt, subOf, type Res } from '../model.js';
import { defineRule, num, shortName } from '../rule-kit.js';
import { keyState } from './authorization.js';

// domain.md §5.1 [SPEC-ERC]: peering state is Enabled or Disabled; §6.1 step 2 [ER-TSG]: state must be Enabled.
export const peeringDisabled = defineRule(
  { id: 'peering-disabled', title: 'Peering is disabled', category: 'peering', severity: 'high', docs: DOCS.erTsg, source: [{ url: DOCS.erTsg, quote: 'Validate peering configuration: peering state = Enabled.' }] },
  (m, emit) => {
    for (const p of m.ofType(RT.peering)) {
      const v4 = props(p).state;
      const v6 = get(p.body, 'properties.ipv6PeeringConfig.state');
      if (eqi(v4, 'Disabled')) {
        emit(p.id, {
          reason: `Peering ${shortName(p.id)} is Disabled: its BGP sessions are shut, so nothing is routed over it. Enable it (the first check in Microsoft's troubleshooting flow).`,
          evidence: { 'properties.state': v4, 'properties.peeringType': props(p).peeringType },
          fix: { kind: 'enable-peering', description: `Set ${shortName(p.id)} state to Enabled`, targetId: p.id, patch: { state: 'Enabled' } },
        });
      } else if (eqi(v6, 'Disabled')) {
        emit(p.id, {
          severity: 'medium',
          reason: `The IPv6 part of peering ${shortName(p.id)} is Disabled while IPv6 is configured, so IPv6 prefixes are not exchanged.`,
          evidence: { 'properties.ipv6PeeringConfig.state': v6 },
          fix: { kind: 'enable-peering', description: 'Set the IPv6 peering state to Enabled', targetId: p.id, patch: { ipv6PeeringConfig: { state: 'Enabled' } } },
        });
      }
    }
  },
);

// domain.md §5.3 [ROUTING], [PEER-PORTAL]: 65515–65520 reserved by Microsoft; 64496–64511 not allowed in the AS path;
// Microsoft peering with a private ASN needs manual validation.
export const peeringAsnReserved = defineRule(
  { id: 'peering-asn-reserved', title: 'Peer ASN is reserved or unusable', category: 'peering', severity: 'high', docs: DOCS.routing, source: [{ url: DOCS.routing, quote: 'Private peering: 16-bit or 32-bit ASNs, public or private, except 65515-65520, which are reserved by Microsoft. ASNs 64496-64511 are not allowed in the AS path. Microsoft peering: a private ASN needs manual validation.' }] },
  (m, emit) => {
    for (const p of m.ofType(RT.peering)) {
      const asn = num(props(p).peerASN);
      if (asn === undefined) continue;
      const ev = { 'properties.peerASN': asn, 'properties.peeringType': props(p).peeringType };
      if (asn >= 65515 && asn <= 65520) {
        emit(p.id, { reason: `Peer ASN ${asn} is in 65515–65520, which Microsoft reserves; BGP with this ASN will not work. Use another ASN on the customer router.`, evidence: ev });
      } else if (asn >= 64496 && asn <= 64511) {
        emit(p.id, { reason: `Peer ASN ${asn} is in the documentation range 64496–64511, which is not allowed in the AS path.`, evidence: ev });
      } else if (eqi(props(p).peeringType, 'MicrosoftPeering') && ((asn >= 64512 && asn <= 65534) || (asn >= 4200000000 && asn <= 4294967294))) {
        emit(p.id, { severity: 'low', reason: `Microsoft peering uses private ASN ${asn}: it needs manual validation by Microsoft and is stripped from the AS path. A public ASN you own is expected.`, evidence: ev });
      }
    }
  },
);

interface PrefixSlot {
  path: string;
  value: unknown;
  family: 'ipv4' | 'ipv6';
}

function slots(p: Res): PrefixSlot[] {
  const out: PrefixSlot[] = [
    { path: 'properties.primaryPeerAddressPrefix', value: props(p).primaryPeerAddressPrefix, family: 'ipv4' },
    { path: 'properties.secondaryPeerAddressPrefix', value: props(p).secondaryPeerAddressPrefix, family: 'ipv4' },
  ];
  if (get(p.body, 'properties.ipv6PeeringConfig')) {
    out.push(
      { path: 'properties.ipv6PeeringConfig.primaryPeerAddressPrefix', value: get(p.body, 'properties.ipv6PeeringConfig.primaryPeerAddressPrefix'), family: 'ipv6' },
      { path: 'properties.ipv6PeeringConfig.secondaryPeerAddressPrefix', value: get(p.body, 'properties.ipv6PeeringConfig.secondaryPeerAddressPrefix'), family: 'ipv6' },
    );
  }
  return out;
}

function problem(s: PrefixSlot, c: Cidr | undefined, microsoft: boolean): string | undefined {
  const want = s.family === 'ipv4' ? 30 : 126;
  if (!c || c.kind !== s.family) return `is not a valid ${s.family === 'ipv4' ? 'IPv4' : 'IPv6'} prefix`;
  if (c.bits !== want) return `is a /${c.bits}; each link needs a /${want}`;
  if (!isNetworkAddress(c)) return `has host bits set (not the network address of a /${want})`;
  if (microsoft && isPrivateV4(c)) return 'is RFC 1918 private space, which Microsoft peering does not accept';
  return undefined;
}

// domain.md §5.4 [ROUTING]: two /30s (IPv6 two /126s), first usable IP = customer router, second = MSEE; Microsoft peering
// needs public IPs you own (no RFC 1918).
export const peeringPrefixInvalid = defineRule(
  { id: 'peering-prefix-invalid', title: 'Peering subnet malformed', category: 'peering', severity: 'high', docs: DOCS.routing, source: [{ url: DOCS.routing, quote: 'IPv4: two /30s (primary and secondary); IPv6: two /126s. Microsoft peering must use public IPs you own; RFC 1918 is not allowed.' }] },
  (m, emit) => {
    for (const p of m.ofType(RT.peering)) {
      const ms = eqi(props(p).peeringType, 'MicrosoftPeering');
      const all = slots(p);
      for (const s of all) {
        const sibling = all.find((o) => o.family === s.family && o !== s);
        if (s.value === undefined || s.value === null || s.value === '') {
          if (sibling && sibling.value) emit(p.id, { reason: `${s.path} is empty while ${sibling.path} is set: BGP needs both the primary and the secondary link, and the SLA needs both sessions up.`, evidence: { [s.path]: s.value ?? null, [sibling.path]: sibling.value } });
          continue;
        }
        const c = parse(s.value);
        const why = problem(s, c, ms);
        if (!why) continue;
        const fixable = c && c.kind === s.family && c.bits === (s.family === 'ipv4' ? 30 : 126) && !isNetworkAddress(c);
        const net = fixable ? networkCidr(c) : undefined;
        emit(p.id, {
          reason: `${s.path} (${String(s.value)}) ${why}. With a wrong subnet the MSEE and your router disagree on addressing, so BGP never establishes.`,
          evidence: { [s.path]: s.value },
          ...(net ? { fix: { kind: 'set-property', description: `Use the network address ${net}`, targetId: p.id, patch: patchFor(s.path, net) } } : {}),
        });
      }
    }
  },
);

function patchFor(path: string, value: string): Record<string, unknown> {
  const parts = path.replace(/^properties\./, '').split('.');
  return parts.reduceRight<unknown>((acc, k) => ({ [k]: acc }), value) as Record<string, unknown>;
}

// domain.md §5.4 [ROUTING]: primary and secondary are two distinct /30s (or /126s). Overlap with another peering of the
// same circuit is flagged too (inference: both subnets are routed on the same MSEE pair).
export const peeringPrefixOverlap = defineRule(
  { id: 'peering-prefix-overlap', title: 'Peering subnets overlap or are equal', category: 'peering', severity: 'high', docs: DOCS.routing, source: [{ url: DOCS.routing, quote: 'IPv4: one /29, or two /30s (primary and secondary). In each /30, the first usable IP is the customer router and the second is the MSEE.' }] },
  (m, emit) => {
    const byCircuit = new Map<string, Res[]>();
    for (const p of m.ofType(RT.peering)) {
      const c = parentId(p.id)?.toLowerCase() ?? '';
      byCircuit.set(c, [...(byCircuit.get(c) ?? []), p]);
    }
    for (const peerings of byCircuit.values()) {
      const cidrs = peerings.flatMap((p) => slots(p).map((s) => ({ p, s, c: parse(s.value) })).filter((x) => x.c));
      for (let i = 0; i < cidrs.length; i++) {
        for (let j = i + 1; j < cidrs.length; j++) {
          const a = cidrs[i]!;
          const b = cidrs[j]!;
          if (!overlaps(a.c!, b.c!)) continue;
          const same = a.p === b.p;
          emit(a.p.id, {
            reason: `${same ? '' : `${shortName(a.p.id)} `}${a.s.path} (${String(a.s.value)}) overlaps ${same ? '' : `${shortName(b.p.id)} `}${b.s.path} (${String(b.s.value)}). ${same ? 'Primary and secondary links must use two different subnets, or one of the two BGP sessions cannot come up.' : 'Two peerings of one circuit share address space, so routes and ARP on the MSEE collide.'}`,
            evidence: { [a.s.path]: a.s.value, [same ? b.s.path : `${b.p.name}:${b.s.path}`]: b.s.value, ...(same ? {} : { otherPeering: b.p.id }) },
          });
        }
      }
    }
  },
);

// domain.md §5.2 [PEER-PORTAL]: the VLAN ID must be unique among the peerings of one circuit.
export const peeringVlanDuplicate = defineRule(
  { id: 'peering-vlan-duplicate', title: 'Two peerings of one circuit share a VLAN ID', category: 'peering', severity: 'high', docs: DOCS.peerPortal, source: [{ url: DOCS.peerPortal, quote: 'The same VLAN ID is used for the primary and secondary links. It must be unique among the peerings of one circuit.' }] },
  (m, emit) => {
    const groups = new Map<string, Res[]>();
    for (const p of m.ofType(RT.peering)) {
      const vlan = num(props(p).vlanId);
      if (vlan === undefined) continue;
      const k = `${parentId(p.id)?.toLowerCase()}|${vlan}`;
      groups.set(k, [...(groups.get(k) ?? []), p]);
    }
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      for (const p of group) {
        emit(p.id, {
          reason: `VLAN ${String(props(p).vlanId)} is used by ${group.map((x) => x.name).join(' and ')} on the same circuit. Each peering needs its own VLAN tag, otherwise the provider cannot separate the two routing domains.`,
          evidence: { 'properties.vlanId': props(p).vlanId, peeringsWithSameVlan: group.map((x) => x.id) },
        });
      }
    }
  },
);

// domain.md §5.5 [PEER-PORTAL]: MD5 key optional, at most 25 characters, alphanumeric only. Only judged when the real
// value is present (snapshots redact it); the value itself never goes into evidence.
export const peeringMd5Invalid = defineRule(
  { id: 'peering-md5-invalid', title: 'Peering MD5 key breaks the length or character rules', category: 'peering', severity: 'medium', docs: DOCS.peerPortal, source: [{ url: DOCS.peerPortal, quote: 'MD5 shared key: optional, maximum 25 characters, alphanumeric only, no special characters.' }] },
  (m, emit) => {
    for (const p of m.ofType(RT.peering)) {
      const key = props(p).sharedKey;
      if (keyState(key) !== 'real') continue;
      const k = String(key);
      const tooLong = k.length > 25;
      const badChars = !/^[A-Za-z0-9]+$/.test(k);
      if (!tooLong && !badChars) continue;
      emit(p.id, {
        reason: `The BGP MD5 key of ${shortName(p.id)} is ${[tooLong ? 'longer than 25 characters' : '', badChars ? 'not purely alphanumeric' : ''].filter(Boolean).join(' and ')}. Azure accepts at most 25 alphanumeric characters; a key the router and MSEE disagree on keeps BGP down.`,
        evidence: { 'properties.sharedKey (status)': 'present, value not shown', longerThan25: tooLong, nonAlphanumeric: badChars },
      });
    }
  },
);

// domain.md §5.7 [PEER-PORTAL]: Microsoft peering (circuits after 1 Aug 2017) advertises no prefixes until a route filter is attached.
export const msPeeringNoRouteFilter = defineRule(
  { id: 'ms-peering-no-route-filter', title: 'Microsoft peering without a route filter', category: 'peering', severity: 'medium', docs: DOCS.peerPortal, source: [{ url: DOCS.peerPortal, quote: 'Microsoft peering circuits set up after 1 Aug 2017 advertise no prefixes until a route filter with BGP communities is attached.' }] },
  (m, emit) => {
    for (const p of m.ofType(RT.peering)) {
      if (!eqi(props(p).peeringType, 'MicrosoftPeering') || refAt(p, 'properties.routeFilter.id')) continue;
      const filters = m.bySubscription(subOf(p.id), RT.routeFilter);
      emit(p.id, {
        reason: 'This Microsoft peering has no route filter, so Microsoft advertises no service prefixes over it: the session may be up but nothing useful is learned. Attach a route filter with the BGP communities you need.',
        evidence: { 'properties.routeFilter': null, 'properties.peeringType': props(p).peeringType },
        fix: { kind: 'set-property', description: 'Attach a route filter to the Microsoft peering', targetId: p.id, choices: filters.map((f) => ({ label: f.name, value: { routeFilter: { id: f.id } } })) },
      });
    }
  },
);

// domain.md §5.7 [PEER-PORTAL], [WORKFLOWS]: ValidationNeeded = Microsoft could not confirm you own the prefixes.
export const msPeeringPrefixValidation = defineRule(
  { id: 'ms-peering-prefix-validation', title: 'Microsoft peering prefixes need validation', category: 'peering', severity: 'medium', docs: DOCS.peerPortal, source: [{ url: DOCS.peerPortal, quote: 'ValidationNeeded means Microsoft could not confirm you own the prefixes; open a support ticket with proof of ownership.' }] },
  (m, emit) => {
    for (const p of m.ofType(RT.peering)) {
      for (const path of ['properties.microsoftPeeringConfig.advertisedPublicPrefixesState', 'properties.ipv6PeeringConfig.microsoftPeeringConfig.advertisedPublicPrefixesState']) {
        const state = get(p.body, path);
        if (!eqi(state, 'ValidationNeeded')) continue;
        emit(p.id, {
          reason: 'Microsoft could not confirm that you own the advertised public prefixes, so they are not accepted. Open a support ticket with proof of ownership (RIR/IRR registration).',
          evidence: { [path]: state, [path.replace('advertisedPublicPrefixesState', 'advertisedPublicPrefixes')]: get(p.body, path.replace('advertisedPublicPrefixesState', 'advertisedPublicPrefixes')) },
        });
      }
    }
  },
);

/** Circuit peering rules. */
export const PEERING_RULES = [peeringDisabled, peeringAsnReserved, peeringPrefixInvalid, peeringPrefixOverlap, peeringVlanDuplicate, peeringMd5Invalid, msPeeringNoRouteFilter, msPeeringPrefixValidation];
