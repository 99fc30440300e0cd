import { afterEach, describe, expect, it } from 'vitest';
import { AMS, ERGW, GW_ER, NEW, VPNGW } from '../actions/scenario.js';
import { acceptDefaults, confirmAndVerify, select, startWriteApp, WKEY, type WriteApp } from './wizard-harness.js';

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
    await app.press(WKEY.shiftTab);
    expect(await app.until('Step 2 of 6: Circuit')).toMatch(/▸ er-ams/);
    await app.press(WKEY.tab);
    await app.until('Step 3 of 6: Connection name');
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

describe('create wizard: vWAN, Global Reach, peering', () => {
  it('er-connection: c on a hub ExpressRoute gateway, defaults through route tables', async () => {
    app = await startWriteApp({ write: true });
    await select(app, '3', 'ergw1');
    // "ergw1" also matches gw-er's SKU column (ErGw1AZ): move the cursor to the vWAN gateway's row.
    const rows = app.r.frame().split('\n').slice(3);
    const at = rows.findIndex((l) => /^\s*ergw1\b/.test(l));
    for (let i = 0; i < at; i++) await app.press('j');
    await app.press('c');
    expect(await app.until('Create: pick')).toMatch(/▸ 2 {2}er-connection/);
    await app.press(WKEY.enter);
    await app.until('Hub ExpressRoute gateway');
    await app.press(WKEY.enter, ...'er-ams', WKEY.enter);
    const f = await app.until('Connection name');
    expect(f).toContain('> er-ams-conn');
    await acceptDefaults(app);
    const done = await confirmAndVerify(app);
    expect(done).toContain('connection is listed on gateway ergw1');
    expect(app.emu.store.render(`${ERGW}/expressRouteConnections/er-ams-conn`)!.properties).toMatchObject({ routingConfiguration: { associatedRouteTable: { id: expect.stringMatching(/defaultRouteTable$/) } } });
  });

  it('global-reach: the picker offers the kind for a circuit; cross-subscription peer asks for an authorization', async () => {
    app = await startWriteApp({ write: true });
    await select(app, '1', 'er-ams');
    await app.press('c');
    await app.until('Create: pick');
    await app.press('3');
    await app.until('Step 1 of');
    await app.press(WKEY.enter);
    const peer = await app.until('Peer circuit');
    expect(peer).toMatch(/er-ams\s+✖ the same circuit/);
    await app.press(...'er-lon', WKEY.enter, WKEY.enter);
    await app.until('IPv4 /29');
    await app.press(...'192.168.250.8/30');
    await app.until(/✖ .*\/29/);
    await app.press(WKEY.ctrlU, ...'192.168.250.8/29', WKEY.enter, WKEY.enter);
    expect(await app.until('Authorization')).toMatch(/▸ auth-free/);
    await app.press(WKEY.enter);
    const done = await confirmAndVerify(app);
    expect(done).toContain("Global Reach appears in circuit er-ams's peering connections");
    expect(app.emu.store.render(`${AMS}/peerings/AzurePrivatePeering/connections/gr-er-ams-er-lon`)!.properties).toMatchObject({ addressPrefix: '192.168.250.8/29' });
  });

  it('peering: the MD5 key is masked as it is typed, ctrl-t shows it, the plan redacts it', async () => {
    app = await startWriteApp({ write: true });
    await select(app, '1', 'er-new');
    await app.press('c');
    expect(await app.until('Create: pick')).toMatch(/▸ 4 {2}peering/);
    await app.press(WKEY.enter, WKEY.enter, WKEY.enter);
    await app.until('Peer ASN');
    await app.press(...'65020', WKEY.enter, ...'400', WKEY.enter, ...'10.1.0.0/30');
    expect(await app.until('your router 10.1.0.1, Microsoft 10.1.0.2')).toContain('Primary /30');
    await app.press(WKEY.enter, ...'10.1.0.4/30', WKEY.enter);
    await app.until('MD5 key');
    await app.press(...'md5secret');
    let f = await app.until('•••••••••');
    expect(f).not.toContain('md5secret');
    await app.press(WKEY.ctrlT);
    f = await app.until('> md5secret');
    await app.press(WKEY.ctrlT, WKEY.enter, WKEY.enter);
    f = await app.until(/Plan: /);
    expect(f).not.toContain('md5secret');
    const done = await confirmAndVerify(app);
    expect(done).toContain('peering AzurePrivatePeering on circuit er-new is Enabled (VLAN 400, ASN 65020)');
    expect(app.emu.store.render(`${NEW}/peerings/AzurePrivatePeering`)!.properties).toMatchObject({ vlanId: 400, peerASN: 65020 });
  });
});

describe('create wizard: secrets revealed once', () => {
  it('vpn-connection: an empty shared key is generated and shown once after apply', async () => {
    app = await startWriteApp({ write: true });
    await select(app, '3', 'vpngw1');
    await app.press('c');
    expect(await app.until('Create: pick')).toMatch(/▸ 5 {2}vpn-connection/);
    await app.press(WKEY.enter);
    await app.until('Hub VPN gateway');
    const f = await acceptDefaults(app);
    expect(f).toContain('Plan: Create VPN connection conn-site1');
    const done = await confirmAndVerify(app);
    expect(done).toContain('VPN connection has 2 link connection(s) to site site1');
    const key = /shared key of conn-site1[^\n]*:\n\s+([A-Za-z0-9]{40})/.exec(done)?.[1];
    expect(key).toBeDefined();
    expect(app.emu.store.render(`${VPNGW}/vpnConnections/conn-site1`)).toBeDefined();
  });

  it('authorization: the key is shown once with a copy key and a warning; leaving spends it', async () => {
    app = await startWriteApp({ write: true });
    await select(app, '1', 'er-ams');
    await app.press('c');
    await app.until('Create: pick');
    await app.press('6');
    await app.until('Step 1 of 2: Circuit');
    await acceptDefaults(app);
    const done = await confirmAndVerify(app);
    const key = /authorization key of auth-1:\n\s+([0-9a-f-]{36})/.exec(done)?.[1];
    expect(key).toBeDefined();
    expect(done).toContain('it will not be shown again');
    await app.press('y');
    const osc = app.r.frames.map((x) => /\u001b\]52;c;([A-Za-z0-9+/=]+)\u0007/.exec(x)?.[1]).filter(Boolean);
    expect(Buffer.from(osc.at(-1)!, 'base64').toString()).toBe(key);
    await app.press(WKEY.esc, 'o');
    const again = await app.until('applied');
    expect(again).toContain('the secret was shown once and is not shown again');
    expect(again).not.toContain(key!);
    expect(app.emu.store.render(`${AMS}/authorizations/auth-1`)).toBeDefined();
  });
});
