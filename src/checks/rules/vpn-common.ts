import { RT } from '../../arm/resource-types.js';
import { eqi, props, type Model, type Res } from '../model.js';

/** Everything that carries VPN tunnel settings: VNet gateway IPsec/VNet-to-VNet connections and vWAN VPN (link) connections. */
export function vpnTunnels(m: Model): Res[] {
  const vnet = m.ofType(RT.connection).filter((c) => ['ipsec', 'vnet2vnet'].includes(String(props(c).connectionType ?? '').toLowerCase()));
  return [...vnet, ...m.ofType(RT.vpnConnection), ...m.ofType(RT.vpnLinkConnection)];
}

/** The custom IPsec/IKE policies of a tunnel (empty when the default policy applies). */
export function ipsecPolicies(r: Res): Array<Record<string, unknown>> {
  const list = props(r).ipsecPolicies;
  return Array.isArray(list) ? (list.filter((x) => x && typeof x === 'object') as Array<Record<string, unknown>>) : [];
}

/** True when a tunnel authenticates with a pre-shared key (VNet connections may use certificates instead). */
export function usesPsk(r: Res): boolean {
  return r.type !== RT.connection || !eqi(props(r).authenticationType, 'Certificate');
}
