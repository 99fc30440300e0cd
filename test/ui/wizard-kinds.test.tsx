import { afterEach, describe, expect, it } from 'vitest';
import { AMS, GW_ER } from '../actions/scenario.js';
import { acceptDefaults, confirmAndVerify, confirmName, select, startWriteApp, WKEY, type WriteApp } from './wizard-harness.js';

let app: WriteApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('create wizard, each kind end to end against the emulator', () => {
  it('connection: c on a gateway preselects it; disabled choices, hints and live validation; wrong name writes nothing', async () => {
    app = await startWriteApp({ write: true });
    await select(app, '3', 'gw-er');
    await app.press('c');
    let f = await app.until('Create: pick what to create');
    expect(f).toContain('(from gw-er)');
    expect(f).toMatch(/▸ 1 {2}connection/);
    await app.press(WKEY.enter);
    f = await app.until('Step 1 of 6: VNet gateway');
    expect(f).toMatch(/▸ gw-er/);
    expect(f).toMatch(/gw-vpn\s+✖ Vpn gateway: not ExpressRoute-capable/);
    await app.press(WKEY.down, WKEY.enter);
    f = await app.until('gw-vpn cannot be used: Vpn gateway: not ExpressRoute-capable');
    await app.press(WKEY.up, WKEY.enter, ...'er-ams', WKEY.enter);
    f = await app.until('Connection name');
    expect(f).toContain('> gw-er-to-er-ams');
    await app.press(WKEY.enter, WKEY.enter, WKEY.enter);
    f = await app.until('Routing weight');
    expect(f).toContain('conn-lon → er-lon: weight 40000');
    await app.press(WKEY.ctrlU, ...'40000');
    f = await app.until('0–32000');
    await app.press(WKEY.enter);
    expect(app.r.frame()).toContain('Step 6 of 6: Routing weight');
    await app.press(WKEY.ctrlU, ...'20', WKEY.enter);
    f = await app.until(/✔ Microsoft\.Network\/connections\/write/, 'RBAC pre-flight rows');
    expect(f).toContain('Plan: Create connection gw-er-to-er-ams');
    const target = `${GW_ER.replace(/virtualNetworkGateways\/gw-er$/, '')}connections/gw-er-to-er-ams`;
    await app.press(...'wrong', WKEY.enter);
    await app.until('does not match');
    expect(app.emu.store.render(target)).toBeUndefined();
    f = await confirmAndVerify(app);
    expect(f).toContain("connection appears among the connections that reference circuit er-ams's peering AzurePrivatePeering");
    expect(app.emu.store.render(target)!.properties).toMatchObject({ routingWeight: 20, peer: { id: AMS } });
  });
});
