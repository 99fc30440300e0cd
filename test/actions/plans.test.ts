import { describe, expect, it } from 'vitest';
import { confirmPlan } from '../../src/actions/apply.js';
import { PlanInputError } from '../../src/actions/fields.js';
import { formatPlanText } from '../../src/actions/format.js';
import { buildPlan, wizardOptions } from '../../src/actions/kinds/index.js';
import { peerIps } from '../../src/actions/kinds/peering.js';
import { createWriter } from '../../src/actions/writer.js';
import { createArmConnection } from '../../src/arm/clients.js';
import { ErscopeError } from '../../src/errors.js';
import { REDACTED } from '../../src/redact.js';
import { AMS, DIS, ERGW, GW_ER, GW_VPN, HUB, KEY_FREE, LON, NEW, PENDING, scenarioGraph, SITE } from './scenario.js';

const g = scenarioGraph();
const field = (kind: string, values: Record<string, string>, key: string) => wizardOptions(g, kind, values).find((f) => f.field.key === key);
const choice = (kind: string, values: Record<string, string>, key: string, label: string) => field(kind, values, key)?.choices.find((c) => c.label === label);
const inputError = (fn: () => unknown): Record<string, string> => {
  try {
    fn();
  } catch (e) {
    if (e instanceof PlanInputError) return e.errors;
    throw e;
  }
  throw new Error('expected a PlanInputError');
};

describe('wizard options with reasons', () => {
  it('lists VPN gateways as not selectable, with the reason', () => {
    expect(choice('connection', {}, 'gateway', 'gw-vpn')).toMatchObject({ value: GW_VPN, enabled: false, reason: 'Vpn gateway: not ExpressRoute-capable' });
    expect(choice('connection', {}, 'gateway', 'gw-er')).toMatchObject({ enabled: true });
  });

  it('explains why circuits cannot be linked', () => {
    const v = { gateway: GW_ER };
    expect(choice('connection', v, 'circuit', 'er-pending')).toMatchObject({ value: PENDING, enabled: false, reason: expect.stringMatching(/provider state NotProvisioned/) });
    expect(choice('connection', v, 'circuit', 'er-dis')).toMatchObject({ enabled: false, reason: 'private peering is Disabled: enable it first' });
    expect(choice('connection', v, 'circuit', 'er-new')).toMatchObject({ enabled: false, reason: expect.stringMatching(/no private peering/) });
    expect(choice('connection', v, 'circuit', 'er-lon')).toMatchObject({ enabled: true, reason: expect.stringMatching(/another subscription: needs an authorization key/) });
  });

  it('asks for an authorization only across subscriptions, offering Available ones first', () => {
    expect(field('connection', { gateway: GW_ER, circuit: AMS }, 'authorization')).toBeUndefined();
    const auth = field('connection', { gateway: GW_ER, circuit: LON }, 'authorization')!;
    expect(auth.value).toBe(`${LON}/authorizations/auth-free`);
    expect(auth.choices.find((c) => c.label === 'auth-used')).toMatchObject({ enabled: false, reason: expect.stringMatching(/InUse/) });
    expect(auth.choices.map((c) => c.label)).toEqual(['auth-free', 'auth-used', 'new', 'manual']);
  });

  it('shows the other connections\' weights and the /30 router IPs as hints', () => {
    expect(field('connection', { gateway: GW_ER }, 'routingWeight')!.hints).toEqual(['conn-lon → er-lon: weight 40000']);
    expect(field('peering', { circuit: NEW, primaryPeerAddressPrefix: '10.1.0.0/30' }, 'primaryPeerAddressPrefix')!.hints).toEqual(['your router 10.1.0.1, Microsoft 10.1.0.2']);
  });

  it('fills defaults and reports a bad value on its field', () => {
    const f = wizardOptions(g, 'connection', { gateway: 'gw-er', circuit: 'er-ams', routingWeight: '40000' });
    expect(f.find((x) => x.field.key === 'name')!.value).toBe('gw-er-to-er-ams');
    expect(f.find((x) => x.field.key === 'routingWeight')!.error).toMatch(/0–32000/);
  });

  it('flags Global Reach peers in the same location, the same circuit and Local SKU', () => {
    expect(choice('global-reach', { circuit: AMS }, 'peerCircuit', 'er-ams')).toMatchObject({ enabled: false, reason: 'the same circuit' });
    expect(choice('global-reach', { circuit: AMS }, 'peerCircuit', 'er-lon')).toMatchObject({ enabled: true });
  });

  it('offers the hub route tables for vWAN connections, defaulting to defaultRouteTable', () => {
    const f = field('er-connection', { gateway: ERGW, circuit: AMS }, 'associatedRouteTable')!;
    expect(f.value).toBe(`${HUB}/hubRouteTables/defaultRouteTable`);
    expect(f.choices.map((c) => c.label)).toEqual(['defaultRouteTable', 'rt-blue']);
  });
});

describe('plan builders', () => {
  it('connection: exact PUT body, masked key in text, az equivalent', () => {
    const plan = buildPlan(g, 'connection', { gateway: 'gw-er', circuit: 'er-lon', routingWeight: '10' });
    const req = plan.requests.at(-1)!;
    expect(req).toMatchObject({ method: 'PUT', url: expect.stringMatching(/\/connections\/gw-er-to-er-lon\?api-version=2025-05-01$/) });
    expect(req.ifMatch).toBeUndefined();
    expect(req.body).toEqual({ location: 'westeurope', properties: { connectionType: 'ExpressRoute', virtualNetworkGateway1: { id: GW_ER }, peer: { id: LON }, routingWeight: 10, authorizationKey: KEY_FREE } });
    const text = formatPlanText(plan);
    expect(text).not.toContain(KEY_FREE);
    expect(text).toContain(`"authorizationKey": "${REDACTED}"`);
    expect(plan.az).toBe(`az network vpn-connection create --name gw-er-to-er-lon --resource-group rg-app --subscription 11111111-1111-1111-1111-111111111111 --location westeurope --vnet-gateway1 ${GW_ER} --express-route-circuit2 ${LON} --routing-weight 10 --authorization-key <redacted>`);
    expect(plan.diff).toContain(`+ properties.authorizationKey: "${REDACTED}"`);
    expect(plan.preflight.map((r) => r.action)).toEqual(['Microsoft.Network/connections/write', 'Microsoft.Network/virtualNetworkGateways/join/action']);
  });

  it('connection with "new" authorization: a prerequisite plan creates the key first', () => {
    const plan = buildPlan(g, 'connection', { gateway: 'gw-er', circuit: 'er-lon', authorization: 'new', name: 'c2' });
    expect(plan.prerequisites).toHaveLength(1);
    expect(plan.requests.map((r) => r.url.split('?')[0]!.split('/').slice(-2).join('/'))).toEqual(['authorizations/erscope-c2', 'connections/c2']);
    expect(plan.az.split('\n')[0]).toMatch(/^az network express-route auth create --circuit-name er-lon --name erscope-c2/);
  });

  it('rejects every invalid field with its own message', () => {
    const errors = inputError(() => buildPlan(g, 'connection', { gateway: 'gw-vpn', circuit: 'er-dis', routingWeight: '-3', name: '-x', bogus: '1' }));
    expect(errors.gateway).toBe('gw-vpn cannot be used: Vpn gateway: not ExpressRoute-capable');
    expect(errors.circuit).toMatch(/private peering is Disabled/);
    expect(errors.routingWeight).toMatch(/0–32000/);
    expect(errors.name).toMatch(/must start with a letter or digit/);
    expect(errors.bogus).toMatch(/unknown field for connection/);
  });

  it('peering: VLAN clash, overlapping /30s, router IPs shown', () => {
    const base = { circuit: 'er-ams', peeringType: 'MicrosoftPeering', peerASN: '206123', primaryPeerAddressPrefix: '194.54.42.0/30', secondaryPeerAddressPrefix: '194.54.42.4/30', advertisedPublicPrefixes: '194.54.40.0/24' };
    expect(inputError(() => buildPlan(g, 'peering', { ...base, vlanId: '100' })).vlanId).toMatch(/VLAN 100 is already used/);
    expect(inputError(() => buildPlan(g, 'peering', { ...base, vlanId: '101', secondaryPeerAddressPrefix: '194.54.42.0/30' })).secondaryPeerAddressPrefix).toMatch(/overlaps the primary/);
    const plan = buildPlan(g, 'peering', { circuit: NEW, peerASN: '65020', vlanId: '400', primaryPeerAddressPrefix: '10.1.0.0/30', secondaryPeerAddressPrefix: '10.1.0.4/30' });
    expect(plan.notes).toEqual(['primary 10.1.0.0/30: your router 10.1.0.1, Microsoft 10.1.0.2', 'secondary 10.1.0.4/30: your router 10.1.0.5, Microsoft 10.1.0.6']);
    expect(peerIps('10.1.0.8/30')).toEqual({ onPrem: '10.1.0.9', azure: '10.1.0.10' });
  });

  it('peering on an existing peering is an update with If-Match from the graph body', () => {
    const plan = buildPlan(g, 'peering', { circuit: DIS, state: 'Enabled' });
    expect(plan.operation).toBe('update');
    expect(plan.requests[0]!.ifMatch).toBe('W/"p0"');
    expect(plan.diff).toEqual(['~ properties.state: "Disabled" → "Enabled"']);
  });

  it('global reach: /29 overlapping a peering subnet is refused', () => {
    const errors = inputError(() => buildPlan(g, 'global-reach', { circuit: 'er-ams', peerCircuit: 'er-lon', addressPrefix: '10.255.0.0/29' }));
    expect(errors.addressPrefix).toMatch(/overlaps 10\.255\.0\.0\/30/);
  });

  it('vpn connection: generated strong key (revealed once), weak IPsec refused unless forced', () => {
    const plan = buildPlan(g, 'vpn-connection', { gateway: 'vpngw1', site: 'site1' });
    const links = (plan.requests[0]!.body as any).properties.vpnLinkConnections;
    expect(links).toHaveLength(2);
    expect(links[0].properties.sharedKey).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(links[0].properties.ipsecPolicies[0]).toMatchObject({ ikeEncryption: 'GCMAES256', dhGroup: 'ECP384', ipsecEncryption: 'GCMAES256', ipsecIntegrity: 'GCMAES256' });
    expect(plan.revealOnce).toBe(true);
    expect(formatPlanText(plan)).not.toContain(links[0].properties.sharedKey);
    const weak = { gateway: 'vpngw1', site: SITE, ipsecOverrides: 'ikeIntegrity=SHA1,dhGroup=DHGroup2' };
    expect(inputError(() => buildPlan(g, 'vpn-connection', weak)).ipsecOverrides).toMatch(/weak IPsec policy refused \(ikeIntegrity SHA1 is weak or broken; dhGroup DHGroup2 is weak or broken\)/);
    expect(inputError(() => buildPlan(g, 'vpn-connection', { ...weak, ipsecOverrides: 'ipsecEncryption=GCMAES256,ipsecIntegrity=SHA256' })).ipsecOverrides).toMatch(/must equal ipsecEncryption/);
    const forced = buildPlan(g, 'vpn-connection', weak, { force: true });
    expect(forced.warnings[0]).toMatch(/forced weak IPsec policy/);
    expect(inputError(() => buildPlan(g, 'vpn-connection', { gateway: 'vpngw1', site: 'site1', ipsecPreset: 'azure-default' })).ipsecPreset).toMatch(/--force/);
  });
});

describe('confirmation and modes', () => {
  it('rejects a confirmation that is not the exact resource name', () => {
    const plan = buildPlan(g, 'authorization', { circuit: AMS, name: 'auth-x' });
    expect(() => confirmPlan(plan, 'auth-X')).toThrow(/type the resource name "auth-x" exactly/);
    expect(() => confirmPlan(plan, 'y')).toThrow(ErscopeError);
    expect(confirmPlan(plan, 'auth-x')).toEqual({ planId: plan.id, name: 'auth-x' });
  });

  it('a read-only session cannot construct a writer', () => {
    const conn = createArmConnection({ endpoint: 'https://127.0.0.1:9', caPem: 'x' });
    expect(() => createWriter(conn, { mode: 'read-only' })).toThrow(/read-only/);
    expect(createWriter(conn, { mode: 'read-write' }).mode).toBe('read-write');
  });
});
