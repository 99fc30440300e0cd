import { afterEach, describe, expect, it } from 'vitest';
import { AMS, CONN_LON, GW_ER, S1 } from '../actions/scenario.js';
import { acceptDefaults, confirmAndVerify, confirmName, select, startWriteApp, WKEY, type WriteApp } from './wizard-harness.js';

let app: WriteApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const bodyOf = (f: string) => f.split('\n').slice(2, -2).join('\n');

describe('write mode', () => {
  it('read-only: c and f do nothing, help hides them, no writer exists; w + typed WRITE enables writes', async () => {
    app = await startWriteApp();
    const writes = app.backend.writes!;
    expect(app.r.frame()).toContain(' READ-ONLY ');
    await app.press('3', 'c');
    expect(app.r.frame()).not.toContain('Create: pick');
    await app.press('7', 'f');
    expect(app.r.frame()).not.toContain('Plan: ');
    await app.press('?');
    expect(await app.until('Keys')).not.toContain('create a connection');
    expect(app.r.frame()).not.toContain('fix the selected finding');
    await app.press(WKEY.esc);
    expect(writes.writerReady()).toBe(false);
    await app.press('w');
    await app.until('type WRITE to enable writes');
    await app.press(...'write', WKEY.enter);
    await app.until('type WRITE in capitals');
    expect(app.r.frame()).toContain(' READ-ONLY ');
    expect(writes.writerReady()).toBe(false);
    await app.press(...'WRITE', WKEY.enter);
    const f = await app.until(' WRITE ');
    expect(f).toContain('write mode: c creates, f fixes');
    expect(writes.writerReady()).toBe(true);
    await app.press('3', 'c');
    await app.until('Create: pick');
  });

  it('--dry-run: the review shows the plan, says nothing will be sent, and apply is disabled', async () => {
    app = await startWriteApp({ write: true, dryRun: true });
    expect(app.r.frame()).toContain(' DRY-RUN ');
    await select(app, '1', 'er-ams');
    await app.press('c', '6');
    await app.until('Step 1 of 2');
    const f = await acceptDefaults(app);
    expect(f).toContain('dry run: nothing will be sent');
    expect(f).not.toContain('type the resource name');
    await app.press(...'auth-1', WKEY.enter);
    await app.until('dry run: nothing will be sent (restart without --dry-run');
    expect(app.emu.store.render(`${AMS}/authorizations/auth-1`)).toBeUndefined();
    expect(app.backend.writes!.writerReady()).toBe(false);
  });
});

describe('fix, conflict, failure, background operations', () => {
  it('f on the detail page of a connection fixes its routing weight', async () => {
    app = await startWriteApp({ write: true });
    await select(app, '4', 'conn-lon');
    await app.press(WKEY.enter);
    await app.until('weight-out-of-range');
    await app.press('f');
    const review = await app.until(/Plan: Fix weight-out-of-range/);
    expect(review).toContain('~ properties.routingWeight: 40000 → 32000');
    const done = await confirmAndVerify(app);
    expect(done).toContain('weight-out-of-range no longer fires on conn-lon');
    expect(app.emu.store.render(CONN_LON)!.properties!.routingWeight).toBe(32000);
  });

  it('a confirmation pasted with its Enter in one chunk applies (the Enter is not typed into the name)', async () => {
    app = await startWriteApp({ write: true });
    await select(app, '4', 'conn-lon');
    await app.press(WKEY.enter);
    await app.until('weight-out-of-range');
    await app.press('f');
    const name = confirmName(await app.until('type the resource name', 'the confirmation prompt'));
    app.r.stdin.write(`${name}\r`);
    const done = await app.until((f) => f.includes('✔ applied') && !f.includes('re-reading the resource'), 'the applied + verify page');
    expect(done).toContain('weight-out-of-range no longer fires on conn-lon');
  });

  it('412: a change between review and confirm shows the changes and re-plans, keeping the other change', async () => {
    app = await startWriteApp({ write: true });
    await select(app, '7', 'weight-out-of-range');
    await app.press('f');
    await app.until(/✔ Microsoft\.Network\/connections\/write/);
    const net = app.src.conn!.network(S1);
    const cur = await net.virtualNetworkGatewayConnections.get('rg-app', 'conn-lon');
    await net.virtualNetworkGatewayConnections.beginCreateOrUpdateAndWait('rg-app', 'conn-lon', { ...cur, tags: { owner: 'netops' } }, { updateIntervalInMs: 5 });
    await app.press(...'conn-lon', WKEY.enter);
    const conflict = await app.until('conflict:');
    expect(conflict).toContain('Changes since the plan');
    expect(conflict).toContain('+ tags.owner: "netops"');
    expect(app.emu.store.render(CONN_LON)!.properties!.routingWeight).toBe(40000);
    await app.press('r');
    const again = await app.until(/Plan: Fix weight-out-of-range/);
    expect(confirmName(again)).toBe('conn-lon');
    const done = await confirmAndVerify(app);
    expect(done).toContain('weight-out-of-range no longer fires on conn-lon');
    const stored = app.emu.store.render(CONN_LON)!;
    expect(stored.tags).toEqual({ owner: 'netops' });
    expect(stored.properties!.routingWeight).toBe(32000);
  });

  it('a Failed LRO shows the ARM code and message; the plan stays available and a retry succeeds', async () => {
    app = await startWriteApp({ write: true, faults: { rules: [{ kind: 'lro-fail', path: 'connections/c-fail', code: 'GatewayConnectionFailed', times: 1 }] } });
    await select(app, '3', 'gw-er');
    await app.press('c', WKEY.enter, WKEY.enter, ...'er-ams', WKEY.enter);
    await app.until('Connection name');
    await app.press(WKEY.ctrlU, ...'c-fail', WKEY.enter);
    await acceptDefaults(app);
    await app.press(...'c-fail', WKEY.enter);
    const failed = await app.until('failed: GatewayConnectionFailed');
    expect(failed).toMatch(/emulated failure/);
    await app.press(WKEY.enter);
    await app.until(/Plan: Create connection c-fail/);
    const done = await confirmAndVerify(app);
    expect(done).toContain('c-fail is provisioned (Succeeded)');
    const target = GW_ER.replace(/virtualNetworkGateways\/gw-er$/, 'connections/c-fail');
    expect(app.emu.store.render(target)!.properties!.provisioningState).toBe('Succeeded');
  });

  it('esc during apply leaves the page while the operation keeps running; o brings it back when done', async () => {
    app = await startWriteApp({ write: true });
    await select(app, '1', 'er-ams');
    await app.press('c', '6');
    await app.until('Step 1 of 2');
    await acceptDefaults(app);
    // A slow ARM: every response takes 500 ms, so the operation is surely still running when esc arrives.
    app.emu.setFaults({ latencyMs: 500 });
    await app.press(...'auth-1', WKEY.enter);
    await app.until('Applying: Create authorization auth-1');
    await app.press(WKEY.esc);
    const away = await app.until('1 operation running');
    expect(bodyOf(away)).toContain('er-ams');
    expect(app.backend.writes!.tracker.list()[0]!.status).toBe('running');
    app.emu.setFaults({});
    await app.until((f) => !f.includes('operation running'), 'the operation to finish');
    expect(app.emu.store.render(`${AMS}/authorizations/auth-1`)).toBeDefined();
    await app.press('o');
    const back = await app.until('✔ applied: Create authorization auth-1');
    expect(back).toMatch(/authorization key of auth-1:\n\s+[0-9a-f-]{36}/);
  });
});

describe('erscope create KIND on a terminal', () => {
  it('opens that kind\'s wizard as soon as the data is loaded, without the picker', async () => {
    const a = await startWriteApp({ write: true, startCreate: 'peering' });
    try {
      const f = await a.until('Step 1 of', 'the peering wizard');
      expect(f).not.toContain('Create: pick what to create');
      expect(f).toMatch(/peering/i);
    } finally {
      await a.close();
    }
  });

  it('stays on the explorer in read-only mode (no writer, no wizard)', async () => {
    const a = await startWriteApp({ startCreate: 'peering' });
    try {
      await new Promise((r) => setTimeout(r, 300));
      expect(a.r.frame()).not.toContain('Step 1 of');
      expect(a.r.frame()).toContain('READ-ONLY');
    } finally {
      await a.close();
    }
  });
});
