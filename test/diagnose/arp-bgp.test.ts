import { describe, expect, it } from 'vitest';
import { peerAddresses } from '../../src/diagnose/addresses.js';
import { describeArp, evaluateArp } from '../../src/diagnose/arp.js';
import { describeBgp, evaluateBgpSummary, prefixCount, summariseGatewayPeers } from '../../src/diagnose/bgp.js';

describe('peerAddresses', () => {
  it('on-premises is the first usable IP of the /30, Azure the second', () => {
    expect(peerAddresses('10.0.0.0/30')).toEqual({ prefix: '10.0.0.0/30', onPremises: '10.0.0.1', azure: '10.0.0.2' });
    expect(peerAddresses('10.0.0.254/30')).toEqual({ prefix: '10.0.0.254/30', onPremises: '10.0.0.253', azure: '10.0.0.254' });
    expect(peerAddresses('3FFE:FFFF:0:CD30::4/126')?.onPremises).toBe('3ffe:ffff:0:cd30::5');
    expect(peerAddresses('not-a-prefix')).toBeUndefined();
    expect(peerAddresses('10.0.0.0/32')).toBeUndefined();
  });
});

describe('evaluateArp', () => {
  const table = [
    { age: 10, interface: 'On-Prem', ipAddress: '192.168.1.1', macAddress: 'ffff.eeee.dddd' },
    { age: 0, interface: 'Microsoft', ipAddress: '192.168.1.2', macAddress: 'aaaa.bbbb.cccc' },
  ];
  it('passes when the on-premises IP has a MAC', () => {
    const r = evaluateArp('primary', '192.168.1.0/30', table);
    expect(r).toMatchObject({ ok: true, onPremisesIp: '192.168.1.1', azureIp: '192.168.1.2', onPremisesMac: 'ffff.eeee.dddd' });
    expect(describeArp(r)).toBe('primary: on-premises 192.168.1.1 is at ffff.eeee.dddd');
  });
  it('fails on an empty table, a missing on-prem entry, an incomplete MAC or no prefix', () => {
    expect(evaluateArp('secondary', '192.168.1.4/30', []).problem).toBe('empty');
    expect(evaluateArp('secondary', '192.168.1.4/30', table).problem).toBe('onprem-missing');
    expect(evaluateArp('primary', '192.168.1.0/30', [{ ipAddress: '192.168.1.1', macAddress: 'Incomplete' }]).problem).toBe('onprem-incomplete');
    expect(evaluateArp('primary', undefined, table).problem).toBe('no-prefix');
    expect(describeArp(evaluateArp('secondary', '192.168.1.4/30', []))).toMatch(/secondary: ARP table is empty/);
  });
});

describe('evaluateBgpSummary', () => {
  it('reads a numeric statePfxRcd as Established with N prefixes', () => {
    expect(prefixCount(12)).toBe(12);
    expect(prefixCount('7')).toBe(7);
    expect(prefixCount('Active')).toBeUndefined();
    const r = evaluateBgpSummary('primary', '10.0.0.0/30', [{ neighbor: '10.0.0.1', as: 65010, statePfxRcd: '4' }], 65010);
    expect(r).toEqual({ path: 'primary', neighbor: '10.0.0.1', state: 'Established', established: true, prefixesReceived: 4, neighborAs: 65010 });
  });
  it('reports Active/Idle as not established, flags an ASN mismatch, and an empty summary as none', () => {
    const idle = evaluateBgpSummary('secondary', '10.0.0.4/30', [{ neighbor: '10.0.0.5', as: 65999, statePfxRcd: 'Idle' }], 65010);
    expect(idle).toMatchObject({ established: false, state: 'Idle', asnMismatch: true });
    expect(describeBgp(idle)).toBe("secondary: neighbour 10.0.0.5 is Idle, not Established (neighbour AS 65999 differs from the peering's peer ASN)");
    expect(evaluateBgpSummary('primary', '10.0.0.0/30', [])).toEqual({ path: 'primary', state: 'none', established: false });
  });
  it('prefers the row of the on-premises neighbour', () => {
    const rows = [{ neighbor: '1.1.1.1', statePfxRcd: 'Active' }, { neighbor: '10.0.0.1', statePfxRcd: 3 }];
    expect(evaluateBgpSummary('primary', '10.0.0.0/30', rows).established).toBe(true);
  });
});

describe('summariseGatewayPeers', () => {
  it('counts connected peers and their routes', () => {
    const s = summariseGatewayPeers([
      { neighbor: '10.0.0.2', state: 'Connected', routesReceived: 5 },
      { neighbor: '10.0.0.6', state: 'Idle', routesReceived: 0 },
    ]);
    expect(s).toEqual({ total: 2, connected: 1, routesReceived: 5, down: ['10.0.0.6 Idle'] });
  });
});
