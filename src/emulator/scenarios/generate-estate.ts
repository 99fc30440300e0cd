import { stableGuid } from './arm-ids.js';
import { circuitStats, gatewayDiagnostics, peeringDiagnostics } from './build-diagnostics.js';
import type { IpsecPolicy, LiveFields } from './build-connections.js';
import { connectivityUnit, erLink, gatewayVnet, makeRng, STRONG_POLICY, vpnUnit, vwanUnit } from './estate-units.js';
import type { SubCtx } from './estate-units.js';
import type { PlantedFault, Scenario, ScenarioDiagnostics, ScenarioResource } from './scenario-types.js';
import { countResources } from './walk.js';

/** Knobs for a generated estate; every output is a pure function of these. */
export interface EstateOptions {
  subscriptions?: number;
  /** Approximate number of graph nodes (top-level resources plus embedded children) to produce; the result is at least this many. */
  resourcesTarget?: number;
  seed?: number;
  /** Share of spoke connections and VPN connections that get a planted fault (0 disables faults). */
  faultRate?: number;
  /** How many of the last subscriptions the caller may not read (they stay in the file, listed in `forbidden`). */
  forbiddenSubscriptions?: number;
}

/** Ready-made sizes: `bench` is the 50-subscription / 10,000-resource estate, `small` a ~100-node one. */
export const ESTATE_PRESETS = {
  bench: { subscriptions: 50, resourcesTarget: 10_000, seed: 1 },
  small: { subscriptions: 1, resourcesTarget: 100, seed: 1 },
} as const satisfies Record<string, EstateOptions>;

const LOCATIONS = ['westeurope', 'northeurope', 'uksouth', 'francecentral', 'germanywestcentral', 'swedencentral'] as const;
const ER_SKUS = ['ErGw1AZ', 'ErGw2AZ', 'ErGw3AZ', 'ErGwScale', 'Standard', 'HighPerformance', 'UltraPerformance'] as const;
/** Nodes per subscription outside spokes: connectivity (17) + hub (15) + vWAN (33). */
const FIXED_PER_SUB = 65;
const PER_SPOKE = 7;
const SPOKES_PER_RG = 5;
const WEAK: IpsecPolicy = { saLifeTimeSeconds: 3600, saDataSizeKilobytes: 102400000, ipsecEncryption: 'DES', ipsecIntegrity: 'MD5', ikeEncryption: 'DES', ikeIntegrity: 'MD5', dhGroup: 'DHGroup1', pfsGroup: 'PFS1' };

function subscriptionId(seed: number, i: number): string {
  return stableGuid(`estate-sub:${seed}:${i}`);
}

/** A large deterministic estate covering every resource family, spread over subscriptions and resource groups, for benchmarks. */
export function generateEstate(options: EstateOptions = {}): Scenario {
  const subs = Math.max(1, options.subscriptions ?? 50);
  const target = options.resourcesTarget ?? 10_000;
  const seed = options.seed ?? 1;
  const faultRate = options.faultRate ?? 0.02;
  const forbiddenCount = Math.min(subs - 1, Math.max(0, options.forbiddenSubscriptions ?? 0));
  const rng = makeRng(seed);
  const spokesPerSub = Math.max(1, Math.ceil((Math.ceil(target / subs) - FIXED_PER_SUB) / PER_SPOKE));
  const resources: ScenarioResource[] = [];
  const diagnostics: Record<string, ScenarioDiagnostics> = {};
  const plantedFaults: PlantedFault[] = [];
  const ids = Array.from({ length: subs }, (_, i) => subscriptionId(seed, i));
  const bytes = () => 1_000_000 + rng.int(9_000_000_000);
  const liveUp = (): LiveFields => ({ connectionStatus: 'Connected', ingressBytesTransferred: bytes(), egressBytesTransferred: bytes() });
  const maybe = () => faultRate > 0 && rng.next() < faultRate;
  let vnetCount = 0;
  // Distinct /16 per VNet (10.0/16, 10.1/16, ... 11.0/16, ...) so generated address spaces never overlap.
  const nextVnetPrefix = () => {
    const n = vnetCount++;
    return `${10 + Math.floor(n / 256)}.${n % 256}.0.0/16`;
  };

  // Cross-subscription links: the first spokes of subscription i+1 redeem keys on subscription i's circuits.
  const redeemer = (i: number) => (circuit: string, n: number) => {
    if (i + 1 >= subs || n > spokesPerSub) return undefined;
    const c = circuit.endsWith('-primary') ? 0 : 1;
    return `/subscriptions/${ids[i + 1]}/resourceGroups/rg-app-00/providers/Microsoft.Network/connections/cn-spoke-${n - 1}-er-x${c}`;
  };
  let previous: ReturnType<typeof connectivityUnit> | undefined;
  for (let i = 0; i < subs; i++) {
    const s: SubCtx = { index: i, subscriptionId: ids[i]!, location: LOCATIONS[i % LOCATIONS.length]!, rng };
    const pair = connectivityUnit(s, resources, redeemer(i));
    pair.privatePeeringIds.forEach((p, c) => {
      diagnostics[p] = peeringDiagnostics({ primaryPeerAddressPrefix: '172.16.0.0/30', secondaryPeerAddressPrefix: '172.16.0.4/30', peerASN: 65010 + (i % 400), onPremPrefixes: [`10.${200 + c}.${i % 256}.0/24`], azureRoutes: [{ prefix: `10.${10 + (i % 240)}.0.0/16`, nextHops: ['10.0.255.4', '10.0.255.5'] }], seed: i * 2 + c });
      diagnostics[pair.ids[c]] = { stats: circuitStats(i * 2 + c) };
    });
    const hubPrefix = nextVnetPrefix();
    const hubEr = gatewayVnet(s, resources, 'rg-hub', `hub-${i}`, hubPrefix, 'ExpressRoute', 'ErGw3AZ');
    erLink(s, resources, 'rg-hub', 'cn-hub-er-primary', hubEr, pair.ids[0], 100, liveUp());
    erLink(s, resources, 'rg-hub', 'cn-hub-er-secondary', hubEr, pair.ids[1], 0, liveUp());
    diagnostics[hubEr] = gatewayDiagnostics(hubPrefix.replace('.0.0/16', '.255.0/26'), [hubPrefix], [0, 1].map((c) => ({ mseeAddresses: [`10.0.255.${12 + c * 2}`, `10.0.255.${13 + c * 2}`] as [string, string], state: 'Connected' as const, onPremPrefixes: [`10.${200 + c}.${i % 256}.0/24`], asPath: `12076-${65010 + (i % 400)}`, weight: c === 0 ? 100 : 0 })));
    const vpnGw = gatewayVnet(s, resources, 'rg-hub', `hubvpn-${i}`, nextVnetPrefix(), 'Vpn', 'VpnGw2AZ', 2);
    for (const c of vpnUnit(s, resources, vpnGw, liveUp, () => STRONG_POLICY)) {
      if (maybe()) {
        (c.properties!.ipsecPolicies as IpsecPolicy[])[0] = WEAK;
        plantedFaults.push({ ruleId: 'vpn-weak-ipsec', resourceId: c.id, note: 'Generated: DES/MD5/DHGroup1 policy.' });
      }
    }
    for (const vc of vwanUnit(s, resources, pair, liveUp, () => (maybe() ? [WEAK] : undefined))) {
      if ((vc.properties!.ipsecPolicies as unknown[]).length) plantedFaults.push({ ruleId: 'vpn-weak-ipsec', resourceId: vc.id, note: 'Generated: DES/MD5/DHGroup1 policy on a vWAN VPN connection.' });
    }
    for (let k = 0; k < spokesPerSub; k++) {
      const rg = `rg-app-${String(Math.floor(k / SPOKES_PER_RG)).padStart(2, '0')}`;
      const sku = ER_SKUS[(i + k) % ER_SKUS.length]!;
      const props = sku === 'ErGwScale' ? { autoScaleConfiguration: { bounds: { min: 2, max: 10 } } } : undefined;
      const gw = gatewayVnet(s, resources, rg, `spoke-${i}-${k}`, nextVnetPrefix(), 'ExpressRoute', sku, 1, props);
      for (const c of [0, 1]) {
        const cross = previous && k < 2 ? previous.crossKeys.find((x) => x.circuitId === previous!.ids[c] && x.authName === `auth-xsub-0${k + 1}`) : undefined;
        const name = cross ? `cn-spoke-${k}-er-x${c}` : `cn-spoke-${k}-er-${c}`;
        const conn = erLink(s, resources, rg, name, gw, cross ? cross.circuitId : pair.ids[c], c === 0 ? 10 : 0, liveUp(), cross?.key);
        if (maybe()) {
          const kind = rng.int(2);
          if (kind === 0) {
            conn.properties!.routingWeight = 40000;
            plantedFaults.push({ ruleId: 'weight-out-of-range', resourceId: conn.id, note: 'Generated: routingWeight 40000.' });
          } else {
            conn.properties!.connectionStatus = 'NotConnected';
            plantedFaults.push({ ruleId: 'connection-not-connected', resourceId: conn.id, note: 'Generated: connectionStatus NotConnected.' });
          }
        }
      }
    }
    previous = pair;
  }
  const forbidden = ids.slice(subs - forbiddenCount).map((id) => `/subscriptions/${id}`);
  const scenario: Scenario = {
    name: `estate-${subs}x${target}-seed${seed}`,
    tenantId: 'bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb',
    description: `Generated estate: ${subs} subscriptions, about ${target} resources, seed ${seed}.`,
    subscriptions: ids.map((subscriptionId, i) => ({ subscriptionId, displayName: `estate-${LOCATIONS[i % LOCATIONS.length]}-${String(i).padStart(3, '0')}` })),
    resources,
    permissions: ids.filter((_, i) => i < subs - forbiddenCount).map((id) => ({ scope: `/subscriptions/${id}`, actions: ['*'], notActions: [] })),
    forbidden,
    diagnostics,
    timeline: [],
    plantedFaults,
  };
  scenario.description += ` ${countResources(scenario)} nodes, ${plantedFaults.length} planted faults.`;
  return scenario;
}
