import { RT } from '../../arm/resource-types.js';
import { normalizeId } from '../../arm/arm-id.js';
import { DOCS } from '../docs.js';
import { eqi, get, props, type Res } from '../model.js';
import { defineRule, shortName } from '../rule-kit.js';
import type { RuleContext } from '../types.js';

const normalizedLive = new WeakMap<Record<string, string>, Map<string, string>>();

function liveStatus(ctx: RuleContext, r: Res): string | undefined {
  const live = ctx.live?.connectionStatus;
  if (!live) return undefined;
  const direct = live[r.id] ?? live[r.key];
  if (direct !== undefined) return direct;
  // Keys in any case: normalized once per status map (first key wins, as a scan in key order would).
  let byKey = normalizedLive.get(live);
  if (!byKey) {
    byKey = new Map();
    for (const [k, v] of Object.entries(live)) if (!byKey.has(normalizeId(k))) byKey.set(normalizeId(k), v);
    normalizedLive.set(live, byKey);
  }
  return byKey.get(r.key);
}

// domain.md §6.2 [SPEC-VNG]: connectionStatus is Unknown, Connecting, Connected or NotConnected; §5.1 [SPEC-ERC]:
// Global Reach circuitConnectionStatus is Connected, Connecting or Disconnected.
export const connectionNotConnected = defineRule(
  { id: 'connection-not-connected', title: 'Connection is not connected', category: 'connection', severity: 'high', docs: DOCS.specVng, source: [{ url: DOCS.specVng, quote: 'connectionStatus: Unknown, Connecting, Connected, NotConnected.' }, { url: DOCS.specErc, quote: 'Global Reach circuitConnectionStatus is Connected, Connecting or Disconnected.' }] },
  (m, emit, ctx) => {
    for (const c of [...m.ofType(RT.connection), ...m.ofType(RT.vpnConnection)]) {
      const live = liveStatus(ctx, c);
      const status = live ?? props(c).connectionStatus;
      const path = live ? 'live.connectionStatus' : 'properties.connectionStatus';
      if (eqi(status, 'NotConnected')) {
        emit(c.id, {
          reason: `${shortName(c.id)} reports ${String(status)}: no traffic flows over it. For ExpressRoute check the circuit and peering state; for VPN check the shared key, IKE policy and the on-premises device.`,
          evidence: { [path]: status, 'properties.connectionType': props(c).connectionType },
        });
      } else if (eqi(status, 'Unknown')) {
        emit(c.id, {
          severity: 'low',
          reason: `${shortName(c.id)} reports status Unknown: Azure cannot tell whether it is up. Check the connection's metrics or reset it if traffic is failing.`,
          evidence: { [path]: status, 'properties.connectionType': props(c).connectionType },
        });
      }
    }
    for (const c of m.ofType(RT.circuitConnection)) {
      for (const path of ['properties.circuitConnectionStatus', 'properties.ipv6CircuitConnectionConfig.circuitConnectionStatus']) {
        const status = get(c.body, path);
        if (!eqi(status, 'Disconnected')) continue;
        emit(c.id, {
          reason: `Global Reach connection ${c.name} is Disconnected, so the on-premises sites behind the two circuits cannot reach each other through Microsoft's backbone.`,
          evidence: { [path]: status },
        });
      }
    }
  },
);

/** Connection state rules. */
export const CONNECTION_RULES = [connectionNotConnected];
