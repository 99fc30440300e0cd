import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES, ruleById } from '../../src/checks/catalog.js';
import { firstUsable, networkCidr, overlaps, parse, prefixLength } from '../../src/checks/cidr.js';
import { runChecks } from '../../src/checks/engine.js';
import { isAllowed, missingActions } from '../../src/checks/permissions.js';
import { loadSuppressions, parseSuppressions } from '../../src/checks/suppress.js';
import type { Rule } from '../../src/checks/types.js';
import { ErscopeError } from '../../src/errors.js';
import { authorization, circuit, circuitId, erConnection, gateway, gatewayId, localGateway, peering, SUB_B, vpnConnection } from './builders.js';
import { graphOf } from './graph-fixture.js';

const AGREED = `gateway-type-mismatch gateway-basic-sku gateway-circuit-limit gateway-fastpath-unsupported gateway-not-zone-redundant rbac-missing-permission
auth-key-missing-cross-subscription auth-key-unmatched auth-orphaned-in-use auth-limit weight-out-of-range weight-active-active-mismatch weight-backup-equal
connection-not-listed-on-peering peering-lists-unknown-connection circuit-not-provisioned circuit-provisioning-disabled peering-disabled provisioning-failed
peering-asn-reserved peering-prefix-invalid peering-prefix-overlap peering-vlan-duplicate peering-md5-invalid ms-peering-no-route-filter ms-peering-prefix-validation
global-reach-prefix-invalid global-reach-prefix-overlap global-reach-local-sku global-reach-geopolitical single-peering-location single-circuit-on-gateway
connection-not-connected vpn-weak-ipsec vpn-gcm-mismatch vpn-dpd-out-of-range vpn-sa-lifetime-low vpn-shared-key-weak vpn-bgp-one-sided vpn-apipa-out-of-range
vpn-asn-reserved vwan-route-table-missing vwan-hub-no-er-gateway vwan-hub-circuit-limit reference-missing reference-no-access
resiliency-circuits-same-metro resiliency-single-provider resiliency-no-backup-path resiliency-vpn-active-standby`.split(/\s+/);

/** Issue #12, ExpressRoute half of the second wave. */
const AGREED_ER_WAVE2 = `circuit-subscription-limit circuit-vnet-link-limit circuit-bandwidth-unsupported circuit-link-cross-geopolitical
peering-public-deprecated peering-prefix-overlaps-vnet ms-peering-advertised-private gateway-subnet-name gateway-subnet-too-small gateway-subnet-nsg
gateway-coexist-vpn-unsupported gateway-coexist-subnet-small gateway-sku-wrong-family gateway-er-vpn-generation gateway-ergwscale-bounds
gateway-ergwscale-basic-ip gateway-throughput-below-circuit gateway-advertised-prefix-limit gateway-vnet-peering-limit global-reach-same-location
er-hub-gateway-scale-units er-connection-shared-key er-connection-ipsec-policy`.split(/\s+/);

/** Issue #12, VPN Gateway and Virtual WAN half of the second wave. */
const AGREED_VPN_VWAN = `vpn-tunnel-limit vpn-generation-sku-mismatch vpn-basic-sku-bgp vpn-basic-sku-ipsec-policy vpn-ike-version-unsupported vpn-policy-based-limits
vpn-active-active-unsupported vpn-active-active-public-ips vpn-az-sku-public-ip vpn-policy-selectors-no-policy vpn-vnet2vnet-policy-mismatch
vpn-nat-sku vpn-nat-unsupported-connection vpn-nat-dynamic-mapping-size lng-prefix-overlaps-vnet lng-prefix-overlap lng-bgp-peer-not-in-prefixes
bgp-peer-is-public-ip bgp-apipa-one-sided bgp-apipa-duplicate hub-address-prefix-size hub-prefix-overlap hub-prefix-overlaps-site
vwan-basic-type-unsupported vwan-branch-custom-association vwan-hub-vpn-connection-limit vwan-site-link-limit vpn-site-no-routes
vwan-link-bgp-disabled vwan-vpn-weight-ignored vpn-vnet2vnet-overlap vpn-basic-sku-p2s`.split(/\s+/);

describe('catalog', () => {
  it('has exactly the agreed rule ids, each with title, docs URL and severity', () => {
    expect(RULES.map((r) => r.id).sort()).toEqual([...AGREED, ...AGREED_ER_WAVE2, ...AGREED_VPN_VWAN].sort());
    for (const r of RULES) {
      expect(r.title.length, r.id).toBeGreaterThan(10);
      expect(r.docs, r.id).toMatch(/^https:\/\/(learn\.microsoft\.com|github\.com\/Azure)\//);
      expect(['high', 'medium', 'low', 'info']).toContain(r.severity);
    }
    expect(ruleById('PEERING-DISABLED')?.id).toBe('peering-disabled');
  });
});

describe('cidr', () => {
  it.each<[string, string, boolean]>([
    ['10.0.0.0/30', '10.0.0.4/30', false],
    ['10.0.0.0/29', '10.0.0.4/30', true],
    ['10.0.0.0/30', '10.0.0.0/30', true],
    ['fd00::/126', 'fd00::4/126', false],
    ['fd00::/64', 'fd00::4/126', true],
    ['10.0.0.0/8', 'fd00::/8', false],
  ])('overlaps(%s, %s) = %s', (a, b, want) => expect(overlaps(a, b)).toBe(want));

  it('parses strictly and computes first usable / network', () => {
    expect(parse('10.1/30')).toBeUndefined();
    expect(parse('nope')).toBeUndefined();
    expect(prefixLength('192.168.0.0/30')).toBe(30);
    expect(firstUsable('192.168.10.4/30')).toBe('192.168.10.5');
    expect(firstUsable('fd00:1::4/126')).toBe('fd00:1::5');
    expect(networkCidr('192.168.10.6/30')).toBe('192.168.10.4/30');
  });
});

describe('permissions', () => {
  const rg = '/subscriptions/s1/resourceGroups/rg-net';
  const perms = [
    { scope: rg, actions: ['Microsoft.Network/*'], notActions: ['Microsoft.Network/*/delete', 'microsoft.network/expressroutecircuits/join/ACTION'] },
    { scope: '/subscriptions/s2', actions: ['*/read'], notActions: [] },
  ];
  it.each<[string, string, boolean | 'unknown']>([
    [rg, 'Microsoft.Network/connections/write', true],
    [`${rg}/providers/Microsoft.Network/connections/c1`, 'microsoft.network/CONNECTIONS/write', true],
    [rg, 'Microsoft.Network/connections/delete', false],
    [rg, 'Microsoft.Network/expressRouteCircuits/join/action', false],
    [rg, 'Microsoft.Compute/virtualMachines/write', false],
    ['/subscriptions/s2/resourceGroups/x', 'Microsoft.Network/connections/read', true],
    ['/subscriptions/s2/resourceGroups/x', 'Microsoft.Network/connections/write', false],
    ['/subscriptions/s3/resourceGroups/x', 'Microsoft.Network/connections/read', 'unknown'],
    ['/subscriptions/s1/resourceGroups/rg-net2', 'Microsoft.Network/connections/write', 'unknown'],
  ])('%s %s → %s', (scope, action, want) => expect(isAllowed(perms, scope, action)).toBe(want));

  it('unions blocks (RBAC is additive) and lists what is missing', () => {
    const two = [...perms, { scope: rg, actions: ['Microsoft.Network/expressRouteCircuits/join/action'], notActions: [] }];
    expect(isAllowed(two, rg, 'Microsoft.Network/expressRouteCircuits/join/action')).toBe(true);
    expect(missingActions(perms, rg, ['Microsoft.Network/connections/write', 'Microsoft.Network/expressRouteCircuits/join/action'])).toEqual({ missing: ['Microsoft.Network/expressRouteCircuits/join/action'], unknown: false });
  });
});

describe('suppressions', () => {
  const estate = [gateway('gw-er', { sku: 'Standard' }), circuit('c1'), circuit('c2'), erConnection('a', gatewayId('gw-er'), circuitId('c1')), erConnection('b', gatewayId('gw-er'), circuitId('c2'))];
  it('marks matching findings (rule-wide or one resource, case-insensitive) and keeps them', () => {
    const sups = parseSuppressions(`suppress:\n  - rule: gateway-not-zone-redundant\n    resource: ${gatewayId('gw-er').toUpperCase()}\n    reason: "legacy, replacing in Q3"\n  - rule: single-peering-location\n    reason: lab\n`, 'x.yaml');
    const f = runChecks({ graph: graphOf(estate) }, { suppressions: sups });
    expect(f.find((x) => x.ruleId === 'gateway-not-zone-redundant')?.suppressed).toEqual({ reason: 'legacy, replacing in Q3' });
    expect(f.find((x) => x.ruleId === 'single-peering-location')?.suppressed).toEqual({ reason: 'lab' });
  });

  it.each<[string, RegExp]>([
    ['suppress: [{ rule: peering-disabled }]', /x\.yaml: suppress\[0\]\.reason: is required/],
    ['suppress: [{ rule: peering-disabld, reason: x }]', /x\.yaml: suppress\[0\]\.rule: unknown rule id "peering-disabld"\. Did you mean peering-disabled/],
    ['suppress: {rule: 1', /x\.yaml: not valid YAML/],
    ['suppress: [{ rule: 7, reason: x }]', /x\.yaml: suppress\[0\]\.rule:/],
  ])('rejects %s with one line', (text, re) => {
    let err: unknown;
    try {
      parseSuppressions(text, 'x.yaml');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ErscopeError);
    expect((err as Error).message).toMatch(re);
    expect((err as Error).message).not.toContain('\n');
  });

  it('reads .erscope.yaml from cwd, tolerates its absence, and requires an explicit --config to exist', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'erscope-sup-'));
    expect(loadSuppressions(undefined, dir)).toEqual([]);
    writeFileSync(path.join(dir, '.erscope.yaml'), 'suppress:\n  - rule: auth-limit\n    reason: known\n');
    expect(loadSuppressions(undefined, dir)).toEqual([{ rule: 'auth-limit', reason: 'known' }]);
    expect(() => loadSuppressions('nope.yaml', dir)).toThrow(/nope\.yaml: cannot read the config file \(ENOENT\)/);
  });
});

describe('runChecks', () => {
  it('sorts by severity, then rule, then resource', () => {
    const f = runChecks({ graph: graphOf([gateway('gw-er', { type: 'Vpn', sku: 'Basic' }), circuit('c1', { props: { serviceProviderProvisioningState: 'NotProvisioned' } }), erConnection('a', gatewayId('gw-er'), circuitId('c1'))]) });
    const order = f.map((x) => `${x.severity}:${x.ruleId}`);
    expect(order).toEqual([...order].sort((a, b) => ['high', 'medium', 'low', 'info'].indexOf(a.split(':')[0]!) - ['high', 'medium', 'low', 'info'].indexOf(b.split(':')[0]!) || a.localeCompare(b)));
    expect(order.slice(0, 2)).toEqual(['high:circuit-not-provisioned', 'high:gateway-type-mismatch']);
  });

  it('turns a crashing rule into one info finding', () => {
    const bad: Rule = { id: 'boom', title: 'Explodes', category: 'circuit', severity: 'high', docs: 'https://learn.microsoft.com/x', source: [], run: () => { throw new Error('kaput'); } };
    const f = runChecks({ graph: graphOf([]) }, { rules: [bad, ruleById('auth-limit')!] });
    expect(f).toEqual([expect.objectContaining({ ruleId: 'rule-error', severity: 'info', evidence: { rule: 'boom', error: 'kaput' } })]);
  });

  it('rejects an unknown rule id with close matches', () => {
    expect(() => runChecks({ graph: graphOf([]) }, { ruleIds: ['auth-limt'] })).toThrow(/Unknown rule id "auth-limt"\. Did you mean auth-limit/);
  });

  it('never puts a secret in findings, even from a rule that tries to', () => {
    const AUTH = 'c0ffee00-dead-beef-0000-5ec7e75ec7e7';
    const PSK = 'VerySecretPsk!#';
    const MD5 = 'Md5Secret-with-dashes-and-much-too-long';
    const C_B = circuitId('c-remote', SUB_B);
    const estate = [
      gateway('gw-er'),
      gateway('gw-vpn', { type: 'Vpn', sku: 'VpnGw1AZ' }),
      circuit('c-remote', { sub: SUB_B, authorizations: [authorization(C_B, 'a1', { authorizationKey: `${AUTH}x` })], peerings: [peering(C_B, { props: { sharedKey: MD5 } })] }),
      erConnection('er', gatewayId('gw-er'), C_B, { props: { authorizationKey: AUTH } }),
      localGateway('lng'),
      vpnConnection('s2s', gatewayId('gw-vpn'), localGateway('lng').id, { sharedKey: PSK }),
    ];
    const leaky: Rule = { id: 'leaky', title: 'Leaks', category: 'vpn', severity: 'high', docs: 'https://learn.microsoft.com/x', source: [], run: () => [{ ruleId: 'leaky', severity: 'high', resourceId: 'x', title: 't', reason: 'r', docs: 'd', evidence: { 'properties.sharedKey': PSK, nested: { authorizationKey: AUTH }, 'properties.ipsecPolicies[0].sharedKey': PSK } }] };
    const all = [...runChecks({ graph: graphOf(estate) }), ...runChecks({ graph: graphOf(estate) }, { rules: [leaky] })];
    const ruleIds = new Set(all.map((f) => f.ruleId));
    for (const expected of ['auth-key-unmatched', 'peering-md5-invalid', 'vpn-shared-key-weak', 'leaky']) expect(ruleIds).toContain(expected);
    const json = JSON.stringify(all);
    for (const secret of [AUTH, PSK, MD5]) expect(json).not.toContain(secret);
  });
});
