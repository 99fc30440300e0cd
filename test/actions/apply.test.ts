import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { applyPlan, confirmPlan, replan } from '../../src/actions/apply.js';
import { auditPath } from '../../src/actions/audit.js';
import { planFix } from '../../src/actions/fix.js';
import { buildPlan } from '../../src/actions/kinds/index.js';
import type { ActionPlan } from '../../src/actions/plan.js';
import { preflightPlan } from '../../src/actions/preflight.js';
import { OperationTracker, type ApplyProgress } from '../../src/actions/tracker.js';
import { verifyApplied } from '../../src/actions/verify.js';
import { createWriter, type Writer } from '../../src/actions/writer.js';
import { runChecks } from '../../src/checks/engine.js';
import { REDACTED } from '../../src/redact.js';
import { AMS, CONN_LON, DIS, KEY_FREE, LON, S1, startActions } from './scenario.js';

type Env = Awaited<ReturnType<typeof startActions>>;
let env: Env | undefined;
afterEach(async () => {
  env?.conn.close();
  await env?.emu.close();
  env = undefined;
});

async function applyConfirmed(w: Writer, plan: ActionPlan, e: Env, tracker?: OperationTracker, progress?: ApplyProgress[]) {
  return applyPlan(w, plan, confirmPlan(plan, plan.confirmName), { env: e.env, ...(tracker ? { tracker } : {}), ...(progress ? { onProgress: (p) => progress.push(p) } : {}) });
}

/** Someone tags conn-lon through the SDK between plan and apply (the concurrent change a write must not overwrite). */
async function tagConnectionMeanwhile(e: Env): Promise<void> {
  const net = e.conn.network(S1);
  const cur = await net.virtualNetworkGatewayConnections.get('rg-app', 'conn-lon');
  await net.virtualNetworkGatewayConnections.beginCreateOrUpdateAndWait('rg-app', 'conn-lon', { ...cur, tags: { owner: 'netops' } }, { updateIntervalInMs: 5 });
}

describe('each kind end to end: plan → confirm → apply → verify (SDK → HTTPS → emulator)', () => {
  it('connection across subscriptions redeems the Available key and appears on the circuit peering', async () => {
    env = await startActions();
    const g = await env.graph();
    const plan = await preflightPlan(env.conn, buildPlan(g, 'connection', { gateway: 'gw-er', circuit: 'er-lon', routingWeight: '10', name: 'c-lon' }));
    expect(plan.preflight.every((r) => r.allowed === true)).toBe(true);
    const w = createWriter(env.conn, { mode: 'read-write' });
    const progress: ApplyProgress[] = [];
    const tracker = new OperationTracker();
    const r = await applyConfirmed(w, plan, env, tracker, progress);
    expect(r.status).toBe('succeeded');
    expect(progress.map((p) => p.state)).toContain('InProgress');
    expect(progress.at(-1)).toMatchObject({ step: 1, steps: 1, state: 'Succeeded' });
    expect(tracker.list()[0]).toMatchObject({ status: 'succeeded', plan: { id: plan.id } });
    const stored = env.emu.store.render(`${plan.targetId}`)!;
    expect(stored.properties).toMatchObject({ routingWeight: 10, authorizationKey: KEY_FREE, peer: { id: LON } });
    expect(env.emu.store.render(`${LON}/authorizations/auth-free`)!.properties).toMatchObject({ authorizationUseStatus: 'InUse' });
    const v = await verifyApplied(w, r, g);
    expect(v.ok).toBe(true);
    expect(v.notes).toContain("connection appears among the connections that reference circuit er-lon's peering AzurePrivatePeering");
  });

  it('vWAN ExpressRoute connection lands with its routing configuration', async () => {
    env = await startActions();
    const g = await env.graph();
    const plan = buildPlan(g, 'er-connection', { gateway: 'ergw1', circuit: 'er-ams', routingWeight: '5', associatedRouteTable: 'rt-blue' });
    const w = createWriter(env.conn, { mode: 'read-write' });
    const r = await applyConfirmed(w, plan, env);
    expect(r.status).toBe('succeeded');
    expect(env.emu.store.render(plan.targetId)!.properties).toMatchObject({ routingWeight: 5, routingConfiguration: { associatedRouteTable: { id: expect.stringMatching(/rt-blue$/) } } });
    const v = await verifyApplied(w, r, g);
    expect(v.ok).toBe(true);
    expect(v.notes).toContain('connection is listed on gateway ergw1');
  });

  it('Global Reach lands in the peering connections', async () => {
    env = await startActions();
    const g = await env.graph();
    const plan = buildPlan(g, 'global-reach', { circuit: 'er-ams', peerCircuit: 'er-lon', addressPrefix: '192.168.250.8/29' });
    const w = createWriter(env.conn, { mode: 'read-write' });
    const r = await applyConfirmed(w, plan, env);
    expect(r.status).toBe('succeeded');
    expect(env.emu.store.render(plan.targetId)!.properties).toMatchObject({ addressPrefix: '192.168.250.8/29', authorizationKey: KEY_FREE });
    const v = await verifyApplied(w, r, g);
    expect(v.notes).toContain("Global Reach appears in circuit er-ams's peering connections");
  });

  it('peering create and vpn connection (key revealed once, never in the audit log)', async () => {
    env = await startActions();
    const g = await env.graph();
    const w = createWriter(env.conn, { mode: 'read-write' });
    const peering = buildPlan(g, 'peering', { circuit: 'er-new', peerASN: '65020', vlanId: '400', primaryPeerAddressPrefix: '10.1.0.0/30', secondaryPeerAddressPrefix: '10.1.0.4/30', sharedKey: 'md5secret' });
    const r1 = await applyConfirmed(w, peering, env);
    expect(r1.status).toBe('succeeded');
    expect((await verifyApplied(w, r1, g)).notes).toContain('peering AzurePrivatePeering on circuit er-new is Enabled (VLAN 400, ASN 65020)');
    const vpn = buildPlan(g, 'vpn-connection', { gateway: 'vpngw1', site: 'site1' });
    const r2 = await applyConfirmed(w, vpn, env);
    expect(r2.status).toBe('succeeded');
    if (r2.status !== 'succeeded') return;
    expect(r2.reveal?.revealOnce).toBe(true);
    expect(r2.reveal?.value).toMatch(/^[A-Za-z0-9]{40}$/);
    const v = await verifyApplied(w, r2, g);
    expect(v.notes).toContain('VPN connection has 2 link connection(s) to site site1');
    expect(v.findings.filter((f) => f.ruleId.startsWith('vpn-'))).toEqual([]);
    const log = readFileSync(auditPath(env.env), 'utf8');
    expect(log).not.toContain(r2.reveal!.value);
    expect(log).not.toContain('md5secret');
    expect(log).toContain(REDACTED);
  });

});

describe('safety', () => {
  it('412 on a concurrent change → conflict; re-plan keeps the other change; apply succeeds', async () => {
    env = await startActions();
    const g = await env.graph('arm');
    const finding = runChecks({ graph: g }).find((f) => f.ruleId === 'weight-out-of-range' && f.resourceId === CONN_LON)!;
    const plan = planFix(finding, g);
    expect(plan.diff).toEqual(['~ properties.routingWeight: 40000 → 32000']);
    await tagConnectionMeanwhile(env);
    const w = createWriter(env.conn, { mode: 'read-write' });
    const r = await applyConfirmed(w, plan, env);
    expect(r.status).toBe('conflict');
    if (r.status !== 'conflict') return;
    expect(r.changes).toContain('+ tags.owner: "netops"');
    expect(env.emu.store.render(CONN_LON)!.properties!.routingWeight).toBe(40000);
    const again = await replan(w, plan, r);
    expect(again.requests[0]!.ifMatch).toBe(r.current!.etag);
    const r2 = await applyConfirmed(w, again, env);
    expect(r2.status).toBe('succeeded');
    const stored = env.emu.store.render(CONN_LON)!;
    expect(stored.tags).toEqual({ owner: 'netops' });
    expect(stored.properties!.routingWeight).toBe(32000);
    const v = await verifyApplied(w, r2, g);
    expect(v.notes).toContain('weight-out-of-range no longer fires on conn-lon');
  });

  it('a plan from a Resource Graph copy (no etag) is checked against ARM first: unchanged → sent with the fresh etag', async () => {
    env = await startActions();
    const g = await env.graph('graph');
    const finding = runChecks({ graph: g }).find((f) => f.ruleId === 'weight-out-of-range' && f.resourceId === CONN_LON)!;
    const plan = planFix(finding, g);
    expect(plan.base?.etag).toBeUndefined();
    expect(plan.requests[0]!.ifMatch).toBeUndefined();
    expect(plan.warnings.join(' ')).toMatch(/re-read from ARM before writing, sent with that etag, stopped if anything changed/);
    const etag = env.emu.store.render(CONN_LON)!.etag;
    const w = createWriter(env.conn, { mode: 'read-write' });
    const r = await applyConfirmed(w, plan, env);
    expect(r.status).toBe('succeeded');
    const [line] = readFileSync(auditPath(env.env), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(line.request.ifMatch).toBe(etag);
    expect(env.emu.store.render(CONN_LON)!.properties!.routingWeight).toBe(32000);
  });

  it('a plan from a Resource Graph copy is not stopped by runtime state that moved (counters, connection status)', async () => {
    env = await startActions();
    const g = await env.graph('graph');
    const finding = runChecks({ graph: g }).find((f) => f.ruleId === 'weight-out-of-range' && f.resourceId === CONN_LON)!;
    const plan = planFix(finding, g);
    env.emu.store.patch(CONN_LON, { ingressBytesTransferred: 123_456, egressBytesTransferred: 654_321, connectionStatus: 'Connecting' }, { newEtag: true });
    const r = await applyConfirmed(createWriter(env.conn, { mode: 'read-write' }), plan, env);
    expect(r.status).toBe('succeeded');
    expect(env.emu.store.render(CONN_LON)!.properties!.routingWeight).toBe(32000);
  });

  it('a plan from a Resource Graph copy stops when ARM differs (a lagging or concurrent change), and re-plans from ARM', async () => {
    env = await startActions();
    const g = await env.graph('graph');
    const finding = runChecks({ graph: g }).find((f) => f.ruleId === 'weight-out-of-range' && f.resourceId === CONN_LON)!;
    const plan = planFix(finding, g);
    await tagConnectionMeanwhile(env);
    const w = createWriter(env.conn, { mode: 'read-write' });
    const r = await applyConfirmed(w, plan, env);
    expect(r.status).toBe('conflict');
    if (r.status !== 'conflict') return;
    expect(r.message).toMatch(/differs in ARM from the copy the plan was made from .* nothing was written/);
    expect(r.changes).toContain('+ tags.owner: "netops"');
    expect(env.emu.store.render(CONN_LON)!.properties!.routingWeight).toBe(40000);
    const again = await replan(w, plan, r);
    expect(again.requests[0]!.ifMatch).toBe(r.current!.etag);
    expect((await applyConfirmed(w, again, env)).status).toBe('succeeded');
    expect(env.emu.store.render(CONN_LON)!.tags).toEqual({ owner: 'netops' });
  });

  it('fix in place: disabled peering → Enabled', async () => {
    env = await startActions();
    const g = await env.graph();
    const finding = runChecks({ graph: g }).find((f) => f.ruleId === 'peering-disabled' && f.resourceId.startsWith(DIS))!;
    const w = createWriter(env.conn, { mode: 'read-write' });
    const r = await applyConfirmed(w, planFix(finding, g), env);
    expect(r.status).toBe('succeeded');
    expect(env.emu.store.render(`${DIS}/peerings/AzurePrivatePeering`)!.properties!.state).toBe('Enabled');
    expect((await verifyApplied(w, r, g)).ok).toBe(true);
  });

  it('a Failed LRO surfaces ARM code and message; the plan stays available and a retry succeeds', async () => {
    env = await startActions({ rules: [{ kind: 'lro-fail', path: 'connections/c-fail', code: 'GatewayConnectionFailed', times: 1 }] });
    const g = await env.graph();
    const plan = buildPlan(g, 'connection', { gateway: 'gw-er', circuit: 'er-ams', name: 'c-fail' });
    const w = createWriter(env.conn, { mode: 'read-write' });
    const r = await applyConfirmed(w, plan, env);
    expect(r).toMatchObject({ status: 'failed', code: 'GatewayConnectionFailed', message: expect.stringMatching(/emulated failure/), plan: { id: plan.id } });
    const lines = readFileSync(auditPath(env.env), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.at(-1)).toMatchObject({ principal: 'emulator', request: { method: 'PUT' }, result: { status: 'failed', code: 'GatewayConnectionFailed' } });
    expect((await applyConfirmed(w, plan, env)).status).toBe('succeeded');
  });

  it('audit log: one JSON line per write, secrets masked', async () => {
    env = await startActions();
    const g = await env.graph();
    const plan = buildPlan(g, 'connection', { gateway: 'gw-er', circuit: 'er-lon', name: 'c-audit' });
    await applyConfirmed(createWriter(env.conn, { mode: 'read-write' }), plan, env);
    const text = readFileSync(auditPath(env.env), 'utf8');
    expect(text).not.toContain(KEY_FREE);
    const [line] = text.trim().split('\n').map((l) => JSON.parse(l));
    expect(line).toMatchObject({ principal: 'emulator', planId: plan.id, request: { method: 'PUT', url: expect.stringMatching(/connections\/c-audit\?api-version=/), body: { properties: { authorizationKey: REDACTED } } }, result: { status: 'succeeded' } });
    expect(Date.parse(line.time)).not.toBeNaN();
  });
});

// These two depend on emulator behaviour Azure has (asked of the emulator helper): a PUT authorization gets a generated
// authorizationKey, and a Global Reach PUT adds the mirror peerConnection on the peer circuit's peering.
describe('needs emulator: generated authorization keys and Global Reach peer connections', () => {
  it('authorization: the new key is revealed once', async () => {
    env = await startActions();
    const g = await env.graph();
    const plan = buildPlan(g, 'authorization', { circuit: AMS, name: 'auth-new' });
    const r = await applyConfirmed(createWriter(env.conn, { mode: 'read-write' }), plan, env);
    expect(r.status).toBe('succeeded');
    if (r.status === 'succeeded') expect(r.reveal).toMatchObject({ revealOnce: true, value: expect.stringMatching(/^[0-9a-f-]{36}$/i) });
  });

  it('Global Reach also appears in the peer circuit peerConnections', async () => {
    env = await startActions();
    const g = await env.graph();
    const plan = buildPlan(g, 'global-reach', { circuit: 'er-ams', peerCircuit: 'er-lon', addressPrefix: '192.168.250.8/29' });
    const w = createWriter(env.conn, { mode: 'read-write' });
    const v = await verifyApplied(w, await applyConfirmed(w, plan, env), g);
    expect(v.problems).toEqual([]);
    expect(v.notes).toContain("Global Reach appears in peer circuit er-lon's peerConnections");
  });
});
