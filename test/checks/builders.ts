import type { ArmResource } from '../../src/inventory/types.js';

/** Two subscriptions: A (the user's) and B (another team's). */
export const SUB_A = '11111111-1111-1111-1111-111111111111';
export const SUB_B = '22222222-2222-2222-2222-222222222222';

type Props = Record<string, unknown>;

const base = (sub: string, rg: string) => `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Network`;

/** Deep-ish merge for test overrides (objects merge, everything else replaces). */
function merge(a: Props, b: Props): Props {
  const out: Props = { ...a };
  for (const [k, v] of Object.entries(b)) {
    out[k] = v && typeof v === 'object' && !Array.isArray(v) && out[k] && typeof out[k] === 'object' && !Array.isArray(out[k]) ? merge(out[k] as Props, v as Props) : v;
  }
  return out;
}

export function circuitId(name: string, sub = SUB_A, rg = 'rg-er'): string {
  return `${base(sub, rg)}/expressRouteCircuits/${name}`;
}

/** A provisioned circuit with a private peering by default; `peerings`/`authorizations` are embedded like ARM does. */
export function circuit(name: string, o: { sub?: string; rg?: string; location?: string; tier?: string; peeringLocation?: string; mbps?: number; props?: Props; peerings?: ArmResource[]; authorizations?: ArmResource[] } = {}): ArmResource {
  const tier = o.tier ?? 'Standard';
  return {
    id: circuitId(name, o.sub, o.rg),
    name,
    type: 'Microsoft.Network/expressRouteCircuits',
    location: o.location ?? 'westeurope',
    sku: { name: `${tier}_MeteredData`, tier, family: 'MeteredData' },
    properties: merge(
      {
        provisioningState: 'Succeeded',
        circuitProvisioningState: 'Enabled',
        serviceProviderProvisioningState: 'Provisioned',
        serviceProviderProperties: { serviceProviderName: 'Equinix', peeringLocation: o.peeringLocation ?? 'Amsterdam', bandwidthInMbps: o.mbps ?? 1000 },
        peerings: o.peerings ?? [peering(circuitId(name, o.sub, o.rg))],
        authorizations: o.authorizations ?? [],
      },
      o.props ?? {},
    ),
  };
}

/** A private (default) or Microsoft peering embedded in circuit `cid`. */
export function peering(cid: string, o: { name?: string; props?: Props } = {}): ArmResource {
  const name = o.name ?? 'AzurePrivatePeering';
  return {
    id: `${cid}/peerings/${name}`,
    name,
    type: 'Microsoft.Network/expressRouteCircuits/peerings',
    properties: merge(
      {
        provisioningState: 'Succeeded',
        peeringType: name === 'MicrosoftPeering' ? 'MicrosoftPeering' : 'AzurePrivatePeering',
        state: 'Enabled',
        azureASN: 12076,
        peerASN: 65001,
        primaryPeerAddressPrefix: '192.168.10.0/30',
        secondaryPeerAddressPrefix: '192.168.10.4/30',
        vlanId: 100,
      },
      o.props ?? {},
    ),
  };
}

export function authorization(cid: string, name: string, props: Props = {}): ArmResource {
  return { id: `${cid}/authorizations/${name}`, name, type: 'Microsoft.Network/expressRouteCircuits/authorizations', properties: { provisioningState: 'Succeeded', authorizationUseStatus: 'Available', ...props } };
}

/** A Global Reach connection under `peeringId` to `peerPeeringId`. */
export function grConnection(peeringId: string, name: string, peerPeeringId: string, props: Props = {}): ArmResource {
  return {
    id: `${peeringId}/connections/${name}`,
    name,
    type: 'Microsoft.Network/expressRouteCircuits/peerings/connections',
    properties: { provisioningState: 'Succeeded', addressPrefix: '10.250.0.0/29', circuitConnectionStatus: 'Connected', expressRouteCircuitPeering: { id: peeringId }, peerExpressRouteCircuitPeering: { id: peerPeeringId }, ...props },
  };
}

export function gatewayId(name: string, sub = SUB_A, rg = 'rg-hub'): string {
  return `${base(sub, rg)}/virtualNetworkGateways/${name}`;
}

/** A VNet gateway (ExpressRoute ErGw1AZ by default) in VNet `vnet`. */
export function gateway(name: string, o: { sub?: string; rg?: string; type?: string; sku?: string; vnet?: string; props?: Props } = {}): ArmResource {
  const sub = o.sub ?? SUB_A;
  const rg = o.rg ?? 'rg-hub';
  const sku = o.sku ?? 'ErGw1AZ';
  return {
    id: gatewayId(name, sub, rg),
    name,
    type: 'Microsoft.Network/virtualNetworkGateways',
    location: 'westeurope',
    properties: merge(
      {
        provisioningState: 'Succeeded',
        gatewayType: o.type ?? 'ExpressRoute',
        sku: { name: sku, tier: sku },
        ipConfigurations: [{ id: `${gatewayId(name, sub, rg)}/ipConfigurations/default`, name: 'default', properties: { subnet: { id: `${base(sub, rg)}/virtualNetworks/${o.vnet ?? 'vnet-hub'}/subnets/GatewaySubnet` } } }],
      },
      o.props ?? {},
    ),
  };
}

/** An ExpressRoute connection from gateway `gw` to circuit `cid`. */
export function erConnection(name: string, gw: string, cid: string, o: { sub?: string; rg?: string; props?: Props } = {}): ArmResource {
  return {
    id: `${base(o.sub ?? SUB_A, o.rg ?? 'rg-hub')}/connections/${name}`,
    name,
    type: 'Microsoft.Network/connections',
    location: 'westeurope',
    properties: merge({ provisioningState: 'Succeeded', connectionType: 'ExpressRoute', connectionStatus: 'Connected', routingWeight: 0, virtualNetworkGateway1: { id: gw }, peer: { id: cid } }, o.props ?? {}),
  };
}

export function localGateway(name: string, props: Props = {}): ArmResource {
  return { id: `${base(SUB_A, 'rg-hub')}/localNetworkGateways/${name}`, name, type: 'Microsoft.Network/localNetworkGateways', location: 'westeurope', properties: { provisioningState: 'Succeeded', gatewayIpAddress: '203.0.113.10', localNetworkAddressSpace: { addressPrefixes: ['172.16.0.0/16'] }, ...props } };
}

/** An IPsec connection from VPN gateway `gw` to local network gateway `lng`. */
export function vpnConnection(name: string, gw: string, lng: string, props: Props = {}): ArmResource {
  return {
    id: `${base(SUB_A, 'rg-hub')}/connections/${name}`,
    name,
    type: 'Microsoft.Network/connections',
    location: 'westeurope',
    properties: { provisioningState: 'Succeeded', connectionType: 'IPsec', connectionStatus: 'Connected', connectionProtocol: 'IKEv2', virtualNetworkGateway1: { id: gw }, localNetworkGateway2: { id: lng }, enableBgp: false, dpdTimeoutSeconds: 45, ipsecPolicies: [], ...props },
  };
}

/** A strong IPsec policy; override fields to weaken it. */
export function policy(o: Props = {}): Props {
  return { saLifeTimeSeconds: 27000, saDataSizeKilobytes: 102400000, ipsecEncryption: 'AES256', ipsecIntegrity: 'SHA256', ikeEncryption: 'AES256', ikeIntegrity: 'SHA256', dhGroup: 'DHGroup14', pfsGroup: 'PFS2048', ...o };
}

export function hubId(name: string, sub = SUB_A): string {
  return `${base(sub, 'rg-wan')}/virtualHubs/${name}`;
}

/** A hub (pointing at ER gateway `ergw` unless null) and its route tables. */
export function hub(name: string, o: { ergw?: string | null; routeTables?: string[] } = {}): ArmResource[] {
  const id = hubId(name);
  const out: ArmResource[] = [{ id, name, type: 'Microsoft.Network/virtualHubs', location: 'westeurope', properties: { provisioningState: 'Succeeded', addressPrefix: '10.100.0.0/23', ...(o.ergw === null ? {} : { expressRouteGateway: { id: o.ergw ?? `${base(SUB_A, 'rg-wan')}/expressRouteGateways/${name}-ergw` } }) } }];
  for (const rt of o.routeTables ?? ['defaultRouteTable']) out.push({ id: `${id}/hubRouteTables/${rt}`, name: rt, type: 'Microsoft.Network/virtualHubs/hubRouteTables', properties: { provisioningState: 'Succeeded' } });
  return out;
}

/** A vWAN ExpressRoute gateway in hub `hub` with connections to the given circuit peerings. */
export function erGateway(name: string, hubName: string, conns: Array<{ name: string; peering: string; props?: Props }>, props: Props = {}): ArmResource {
  const id = `${base(SUB_A, 'rg-wan')}/expressRouteGateways/${name}`;
  return {
    id,
    name,
    type: 'Microsoft.Network/expressRouteGateways',
    location: 'westeurope',
    properties: {
      provisioningState: 'Succeeded',
      virtualHub: { id: hubId(hubName) },
      autoScaleConfiguration: { bounds: { min: 2 } },
      expressRouteConnections: conns.map((c) => ({
        id: `${id}/expressRouteConnections/${c.name}`,
        name: c.name,
        properties: merge({ provisioningState: 'Succeeded', expressRouteCircuitPeering: { id: c.peering }, routingWeight: 0, routingConfiguration: { associatedRouteTable: { id: `${hubId(hubName)}/hubRouteTables/defaultRouteTable` } } }, c.props ?? {}),
      })),
      ...props,
    },
  };
}
