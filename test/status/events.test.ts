import { describe, expect, it } from 'vitest';
import { EventLog, classifyChange } from '../../src/status/events.js';

describe('classifyChange', () => {
  it('marks broken targets high, recoveries info, in-between low', () => {
    expect(classifyChange('connectionStatus', 'Connected', 'NotConnected')).toEqual({ severity: 'high', recovery: false });
    expect(classifyChange('connectionStatus', 'NotConnected', 'Connected')).toEqual({ severity: 'info', recovery: true });
    expect(classifyChange('provisioningState', 'Succeeded', 'Updating')).toEqual({ severity: 'low', recovery: false });
    expect(classifyChange('state', 'Enabled', 'Disabled')).toEqual({ severity: 'high', recovery: false });
  });
});

describe('EventLog', () => {
  it('numbers events, notifies subscribers and counts unacknowledged', () => {
    const log = new EventLog(2);
    const seen: string[] = [];
    const off = log.subscribe((e) => seen.push(`${e.seq}:${e.to}`));
    const base = { at: new Date(0), resourceId: '/x', name: 'x', kind: 'connection', field: 'connectionStatus' };
    log.add({ ...base, from: 'Connected', to: 'NotConnected' });
    log.add({ ...base, from: 'NotConnected', to: 'Connected' });
    expect(log.unacknowledged()).toHaveLength(2);
    log.acknowledge();
    off();
    log.add({ ...base, from: 'Connected', to: 'Connecting' });
    expect(seen).toEqual(['1:NotConnected', '2:Connected']);
    expect(log.list().map((e) => e.seq)).toEqual([2, 3]);
    expect(log.unacknowledged().map((e) => e.seq)).toEqual([3]);
  });
});
