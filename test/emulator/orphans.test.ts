import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createArmConnection } from '../../src/arm/clients.js';
import { rawGet } from '../../src/arm/raw.js';
import { runEmulatorCommand } from '../../src/cli/commands/emulator.js';
import { main } from '../../src/cli/main.js';
import { parseScenario } from '../../src/emulator/scenario.js';
import { scenarioPath } from '../../src/emulator/scenarios/index.js';
import { startEmulator } from '../../src/emulator/server.js';
import { example } from '../topology/fixture-inventory.js';

const SUB = 'subid';
const NET = `/subscriptions/${SUB}/resourceGroups/rg1/providers/Microsoft.Network`;
const peering = () => example('ExpressRouteCircuitPeeringGet'); // …/expressRouteCircuits/circuitName/peerings/MicrosoftPeering
const link = () => ({
  id: `${NET}/vpnGateways/gw1/vpnConnections/conn1/vpnLinkConnections/link1`,
  name: 'link1',
  properties: { provisioningState: 'Succeeded', vpnSiteLink: { id: `${NET}/vpnSites/site1/vpnSiteLinks/l1` }, connectionStatus: 'Connected' },
});
const vm = { id: `/subscriptions/${SUB}/resourceGroups/rg1/providers/Microsoft.Compute/virtualMachines/vm1`, name: 'vm1', type: 'Microsoft.Compute/virtualMachines' };
const scenario = (resources: unknown[]) => ({ name: 'orphans', subscriptions: [{ subscriptionId: SUB, displayName: 'Spec' }], resources });

const PEERING_LINE =
  'orphans.json: resources[0] (expressRouteCircuits/circuitName/peerings/MicrosoftPeering): its parent expressRouteCircuits/circuitName is not in the file; serving a placeholder (id, name, type, location only) so the child is listed and embedded as ARM would with the parent present — add the parent to the file to give it real properties';
const LINK_LINE =
  'orphans.json: resources[1] (vpnGateways/gw1/vpnConnections/conn1/vpnLinkConnections/link1): its parents vpnGateways/gw1, vpnGateways/gw1/vpnConnections/conn1 are not in the file; serving a placeholder (id, name, type, location only) so the child is listed and embedded as ARM would with the parent present — add the parent to the file to give it real properties';
const VM_LINE =
  'orphans.json: resources[2] (virtualMachines/vm1): type Microsoft.Compute/virtualMachines is not one the emulator serves; it is kept, but every request for it answers 404 and erscope shows it only where something references it';

describe('children listed without their parent', () => {
  it('one warning line per case, naming the JSON path; the child is served under a placeholder parent as ARM would', async () => {
    const emu = await startEmulator({ scenario: parseScenario(scenario([peering(), link(), vm]), 'orphans.json'), timeScale: 0 });
    try {
      expect(emu.warnings).toEqual([PEERING_LINE, LINK_LINE, VM_LINE]);
      const conn = createArmConnection({ endpoint: emu.endpoint, caPem: emu.caPem });
      const net = conn.network(SUB);
      // the circuit list (how the inventory finds peerings) now holds the peering, embedded as ARM embeds it
      const circuits: any[] = [];
      for await (const c of net.expressRouteCircuits.listAll()) circuits.push(c);
      expect(circuits.map((c) => [c.name, c.peerings.map((p: any) => p.name)])).toEqual([['circuitName', ['MicrosoftPeering']]]);
      // the child reads back exactly as the file gave it
      const served = await net.expressRouteCircuitPeerings.get('rg1', 'circuitName', 'MicrosoftPeering');
      expect(served.id).toBe(peering().id);
      expect(served.routeFilter?.id).toBe((peering().properties as any).routeFilter.id);
      // two levels of placeholders: the VPN gateway lists its connection with the link connection inside
      const gws: any[] = [];
      for await (const g of net.vpnGateways.list()) gws.push(g);
      expect(gws.map((g) => [g.name, g.connections.map((c: any) => [c.name, c.vpnLinkConnections.map((l: any) => l.name)])])).toEqual([['gw1', [['conn1', ['link1']]]]]);
      // the unserved type is kept but answers 404, as the warning says
      const res = await rawGet((o) => conn.resources(SUB).resources.getById(vm.id.slice(1), '2024-03-01', o)).catch((e) => e.statusCode);
      expect(res).toBe(404);
    } finally {
      await emu.close();
    }
  });

  it('a scenario with every parent present loads without a word (the bundled scenarios)', async () => {
    const dir = join(scenarioPath('contoso'), '..');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
      const emu = await startEmulator({ scenarioFile: join(dir, f), timeScale: 0 });
      try {
        expect(emu.warnings, f).toEqual([]);
      } finally {
        await emu.close();
      }
    }
  });
});

describe('the warning lines reach the user', () => {
  const dir = mkdtempSync(join(tmpdir(), 'erscope-orphans-'));
  const file = join(dir, 'orphans.json');
  writeFileSync(file, JSON.stringify(scenario([peering(), link(), vm])));

  it('`erscope emulator --scenario` prints them on stderr, the contract lines stay alone on stdout', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const ac = new AbortController();
    const done = runEmulatorCommand(['--scenario', file], { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) } } as any, { signal: ac.signal });
    while (out.join('').split('\n').length < 3) await new Promise((r) => setTimeout(r, 5));
    ac.abort();
    expect(await done).toBe(0);
    expect(err.join('')).toBe([PEERING_LINE, LINK_LINE, VM_LINE].map((l) => `warning: ${l}\n`).join(''));
    expect(out.join('').split('\n').slice(0, 2).map((l) => l.split('=')[0])).toEqual(['ERSCOPE_ENDPOINT', 'ERSCOPE_CA_CERT']);
  });

  it('every other command run with --scenario prints them on stderr, and the children show in its output', async () => {
    let out = '';
    let err = '';
    const io = { stdout: { write: (s: string) => (out += s), isTTY: false }, stderr: { write: (s: string) => (err += s), isTTY: false } };
    const code = await main(['inventory', '--scenario', file, '--reader', 'arm', '--format', 'json'], io as any);
    expect(code).toBe(0);
    expect(err.split('\n').filter((l) => l.startsWith('warning: '))).toEqual([PEERING_LINE, LINK_LINE, VM_LINE].map((l) => `warning: ${l}`));
    const ids = JSON.parse(out).nodes.filter((n: any) => !n.stub).map((n: any) => n.name);
    expect(ids).toEqual(expect.arrayContaining(['circuitName', 'MicrosoftPeering', 'gw1', 'conn1', 'link1']));
  });
});
