import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLroFailure } from '../../src/actions/apply.js';
import { appendAudit, auditPath, principalFromAuthorization } from '../../src/actions/audit.js';
import { diffBodies } from '../../src/actions/diff.js';
import { planFix } from '../../src/actions/fix.js';
import { mergePatch } from '../../src/actions/merge.js';
import { OperationTracker } from '../../src/actions/tracker.js';
import type { Finding } from '../../src/checks/types.js';
import { REDACTED } from '../../src/redact.js';
import { AMS, CONN_LON, ERGW, HUB, KEY_FREE, LON, scenarioGraph } from './scenario.js';

const g = scenarioGraph();
const finding = (ruleId: string, resourceId: string, fix: Finding['fix']): Finding => ({ ruleId, severity: 'high', resourceId, title: ruleId, reason: 'r.', evidence: {}, docs: '', ...(fix ? { fix } : {}) });

describe('diff', () => {
  it('prints dotted +/-/~ lines and masks secrets on both sides', () => {
    const before = { properties: { routingWeight: 0, authorizationKey: 'old-secret', state: 'Disabled', gone: 1 } };
    const after = { properties: { routingWeight: 10, authorizationKey: 'new-secret', state: 'Disabled', links: [{ sharedKey: 'psk' }] } };
    expect(diffBodies(before, after)).toEqual([
      `~ properties.authorizationKey: ${REDACTED} → ${REDACTED} (changed)`,
      '- properties.gone: 1',
      `+ properties.links[0].sharedKey: "${REDACTED}"`,
      '~ properties.routingWeight: 0 → 10',
    ]);
  });

  it.each([
    ['traffic counters', { ingressBytesTransferred: 1, egressBytesTransferred: 2 }, { ingressBytesTransferred: 9, egressBytesTransferred: 8 }],
    ['connection status', { connectionStatus: 'Connected', tunnelConnectionStatus: [] }, { connectionStatus: 'Connecting', tunnelConnectionStatus: [{ connectionStatus: 'NotConnected' }] }],
    ['server fields', { provisioningState: 'Succeeded', resourceGuid: 'a' }, { provisioningState: 'Updating', resourceGuid: 'b' }],
  ])('ignores runtime state ARM moves on its own: %s', (_label, before, after) => {
    expect(diffBodies({ etag: 'x', properties: { routingWeight: 0, ...before } }, { etag: 'y', properties: { routingWeight: 0, ...after } })).toEqual([]);
    expect(diffBodies({ properties: { routingWeight: 0, ...before } }, { properties: { routingWeight: 10, ...after } })).toEqual(['~ properties.routingWeight: 0 → 10']);
  });

  it('merge patch keeps untouched fields and replaces arrays', () => {
    expect(mergePatch({ a: 1, b: { c: 2, d: [1, 2] } }, { b: { d: [3] }, e: null })).toEqual({ a: 1, b: { c: 2, d: [3] } });
  });
});

describe('audit log', () => {
  it('goes under ERSCOPE_STATE_DIR, else XDG_STATE_HOME/erscope, else ~/.local/state/erscope', () => {
    expect(auditPath({ ERSCOPE_STATE_DIR: '/x' })).toBe('/x/audit.jsonl');
    expect(auditPath({ XDG_STATE_HOME: '/s' })).toBe('/s/erscope/audit.jsonl');
    expect(auditPath({ HOME: '/h' })).toMatch(/\.local\/state\/erscope\/audit\.jsonl$/);
  });

  it('writes whole lines with secrets masked in body, URL and message', async () => {
    const env = { ERSCOPE_STATE_DIR: mkdtempSync(join(tmpdir(), 'erscope-audit-')) };
    const entry = (i: number) => ({
      time: new Date().toISOString(), principal: 'alice@contoso.com', source: 'test', planId: `p${i}`, title: 't',
      request: { method: 'PUT', url: '/x?authorizationKey=leak1', body: { properties: { authorizationKey: 'leak2', vpnLinkConnections: [{ properties: { sharedKey: 'leak3' } }] } } },
      result: { status: 'failed' as const, code: 'Bad', message: 'rejected "sharedKey": "leak4"' },
    });
    await Promise.all(Array.from({ length: 40 }, (_, i) => Promise.resolve().then(() => appendAudit(entry(i), env))));
    const text = readFileSync(auditPath(env), 'utf8');
    for (const leak of ['leak1', 'leak2', 'leak3', 'leak4']) expect(text).not.toContain(leak);
    const lines = text.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(40);
    expect(new Set(lines.map((l) => l.planId)).size).toBe(40);
    expect(lines[0].request.body.properties.authorizationKey).toBe(REDACTED);
  });

  it('names the principal from a JWT, else emulator/unknown', () => {
    const jwt = ['e30', Buffer.from(JSON.stringify({ upn: 'alice@contoso.com' })).toString('base64url'), 'sig'].join('.');
    expect(principalFromAuthorization(`Bearer ${jwt}`, 'https://management.azure.com')).toBe('alice@contoso.com');
    expect(principalFromAuthorization('Bearer emulator-token', 'https://127.0.0.1:4443')).toBe('emulator');
    expect(principalFromAuthorization(undefined, 'https://management.azure.com')).toBe('unknown');
  });
});

describe('LRO failures and the tracker', () => {
  it('parses the SDK message of a Failed LRO into ARM code and message', () => {
    expect(parseLroFailure('The long-running operation has failed. GatewayConnectionFailed. emulated failure: x')).toEqual({ code: 'GatewayConnectionFailed', message: 'emulated failure: x' });
    expect(parseLroFailure('socket hang up')).toBeUndefined();
  });

  it('keeps operations after the caller leaves; list/get re-attach to the outcome', async () => {
    const t = new OperationTracker();
    const seen: string[] = [];
    t.subscribe((op) => seen.push(op.status));
    const plan = { id: 'p1' } as never;
    let finish!: () => void;
    const op = t.start('op1', plan, (progress) => new Promise((res) => {
      progress({ operationId: 'op1', planId: 'p1', step: 1, steps: 1, targetId: 'x', state: 'InProgress', elapsedMs: 1 });
      finish = () => res({ status: 'failed', plan, code: 'C', message: 'm' });
    }));
    expect(t.get('op1')).toMatchObject({ status: 'running', last: { state: 'InProgress' } });
    finish();
    expect(await t.get('op1')!.done).toMatchObject({ status: 'failed', code: 'C' });
    expect(op.status).toBe('failed');
    expect(t.list().map((o) => o.id)).toEqual(['op1']);
    expect(seen).toEqual(['running', 'running', 'failed']);
  });
});

describe('fix in place (planFix)', () => {
  it('routing weight: full body PUT with If-Match from the graph', () => {
    const plan = planFix(finding('weight-out-of-range', CONN_LON, { kind: 'set-property', description: 'Set routingWeight to 32000', targetId: CONN_LON, patch: { routingWeight: 32000 } }), g);
    expect(plan.requests[0]).toMatchObject({ method: 'PUT', ifMatch: 'W/"n1"' });
    expect((plan.requests[0]!.body as any).properties).toMatchObject({ routingWeight: 32000, connectionType: 'ExpressRoute', peer: { id: LON } });
    expect(plan.diff).toEqual(['~ properties.routingWeight: 40000 → 32000']);
    expect(plan.confirmName).toBe('conn-lon');
    expect(plan.az).toBe(`az resource update --ids ${CONN_LON} --set properties.routingWeight=32000`);
  });

  it('routing weight chosen by the user is validated', () => {
    const f = finding('weight-backup-equal', CONN_LON, { kind: 'set-property', description: 'Pick a weight', targetId: CONN_LON });
    expect(planFix(f, g, '200').diff).toEqual(['~ properties.routingWeight: 40000 → 200']);
    expect(() => planFix(f, g, '99999')).toThrow(/0–32000/);
  });

  it('missing authorization key: pick an Available one, or create a new one first', () => {
    const f = finding('auth-key-missing-cross-subscription', CONN_LON, { kind: 'pick-authorization', description: 'Use an unused authorization', targetId: CONN_LON, choices: [{ label: 'auth-free', value: `${LON}/authorizations/auth-free` }] });
    const picked = planFix(f, g, 'auth-free');
    expect((picked.requests[0]!.body as any).properties.authorizationKey).toBe(KEY_FREE);
    expect(picked.diff).toEqual([`~ properties.authorizationKey: ${REDACTED} → ${REDACTED} (changed)`]);
    expect(() => planFix(f, g, `${LON}/authorizations/auth-used`)).toThrow(/InUse: a key works for one connection only/);
    const created = planFix(f, g, 'new');
    expect(created.prerequisites[0]!.targetId).toBe(`${LON}/authorizations/erscope-conn-lon`);
    expect(() => planFix(f, g)).toThrow(/choose an authorization of er-lon/);
  });

  it('weak IPsec → the strong preset; a weak choice is refused', () => {
    const f = finding('vpn-weak-ipsec', CONN_LON, { kind: 'ipsec-preset', description: 'Apply a strong preset', targetId: CONN_LON });
    const plan = planFix(f, g, 'compatible');
    expect(plan.diff).toContain('+ properties.ipsecPolicies[0].dhGroup: "DHGroup14"');
    const bad = finding('vpn-weak-ipsec', CONN_LON, { kind: 'ipsec-preset', description: 'x', targetId: CONN_LON, patch: { ipsecPolicies: [{ saLifeTimeSeconds: 3600, saDataSizeKilobytes: 102400000, ikeEncryption: 'DES', ikeIntegrity: 'MD5', dhGroup: 'DHGroup1', ipsecEncryption: 'DES', ipsecIntegrity: 'MD5', pfsGroup: 'PFS1' }] } });
    expect(() => planFix(bad, g)).toThrow(/weak/);
  });

  it('DPD out of range → 45 s by default, chosen values validated', () => {
    const f = finding('vpn-dpd-out-of-range', CONN_LON, { kind: 'set-dpd', description: 'DPD', targetId: CONN_LON });
    expect(planFix(f, g).diff).toEqual(['+ properties.dpdTimeoutSeconds: 45']);
    expect(() => planFix(f, g, 5)).toThrow(/9–3600/);
  });

  it('associated route table missing → pick one of the hub tables', () => {
    const conn = { id: `${ERGW}/expressRouteConnections/x`, name: 'x', type: 'Microsoft.Network/expressRouteGateways/expressRouteConnections', etag: 'W/"x"', properties: { routingConfiguration: { associatedRouteTable: { id: `${HUB}/hubRouteTables/gone` } } } };
    g.addNode(conn.id.toLowerCase(), { id: conn.id, type: 'microsoft.network/expressroutegateways/expressrouteconnections', name: 'x', subscriptionId: '', resourceGroup: 'rg-hub', status: 'x', body: conn });
    const f = finding('vwan-route-table-missing', conn.id, { kind: 'pick-route-table', description: 'Associate', targetId: conn.id });
    expect(planFix(f, g, 'rt-blue').diff).toEqual([`~ properties.routingConfiguration.associatedRouteTable.id: "${HUB}/hubRouteTables/gone" → "${HUB}/hubRouteTables/rt-blue"`]);
    expect(() => planFix(f, g, 'nope')).toThrow(/choose a route table: defaultRouteTable, rt-blue/);
    g.dropNode(conn.id.toLowerCase());
  });

  it('Global Reach prefix invalid → a new /29 that overlaps nothing', () => {
    const id = `${AMS}/peerings/AzurePrivatePeering/connections/gr-bad`;
    const gr = { id, name: 'gr-bad', type: 'Microsoft.Network/expressRouteCircuits/peerings/connections', etag: 'W/"gr"', properties: { addressPrefix: '192.168.250.1/30', expressRouteCircuitPeering: { id: `${AMS}/peerings/AzurePrivatePeering` }, peerExpressRouteCircuitPeering: { id: `${LON}/peerings/AzurePrivatePeering` } } };
    g.addNode(id.toLowerCase(), { id, type: 'microsoft.network/expressroutecircuits/peerings/connections', name: 'gr-bad', subscriptionId: '', resourceGroup: 'rg-er', status: 'x', body: gr });
    const f = finding('global-reach-prefix-invalid', id, { kind: 'set-global-reach-prefix', description: 'Pick a /29', targetId: id });
    expect(planFix(f, g, '192.168.250.8/29').diff).toEqual(['~ properties.addressPrefix: "192.168.250.1/30" → "192.168.250.8/29"']);
    expect(() => planFix(f, g, '10.255.1.0/29')).toThrow(/overlaps 10\.255\.1\.0\/30/);
    expect(() => planFix(f, g)).toThrow(/give a new \/29/);
    g.dropNode(id.toLowerCase());
  });

  it('a finding without a known fix kind is a one-line error', () => {
    expect(() => planFix(finding('gateway-basic-sku', CONN_LON, undefined), g)).toThrow(/has no automatic fix/);
    expect(() => planFix(finding('x', CONN_LON, { kind: 'upgrade-sku', description: 'Upgrade', targetId: CONN_LON }), g)).toThrow(/no automatic fix of kind "upgrade-sku"/);
  });
});
