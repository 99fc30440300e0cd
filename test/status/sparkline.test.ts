import { describe, expect, it } from 'vitest';
import { formatRate, sparkline } from '../../src/status/sparkline.js';

describe('sparkline', () => {
  it('maps a rising series onto the eight blocks, tallest = max', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7, 8])).toBe('▁▁▂▃▄▅▆▇█');
  });
  it('keeps the newest values and left-pads to the width', () => {
    expect(sparkline([8, 8, 0, 4, 8], { width: 3 })).toBe('▁▄█');
    expect(sparkline([4, 8], { width: 4 })).toBe('  ▄█');
  });
  it('draws an all-zero series as a flat low line and gaps for missing samples', () => {
    expect(sparkline([0, 0, 0])).toBe('▁▁▁');
    expect(sparkline([8, null, Number.NaN, 8])).toBe('█  █');
    expect(sparkline([])).toBe('');
  });
  it('clamps to a fixed max', () => {
    expect(sparkline([1, 2, 100], { max: 2 })).toBe('▄██');
  });
});

describe('formatRate', () => {
  it('prints bits per second with a unit', () => {
    expect(formatRate(0)).toBe('0 bps');
    expect(formatRate(125)).toBe('1.0 kbps');
    expect(formatRate(125_000_000)).toBe('1.0 Gbps');
    expect(formatRate(12_500_000 * 3.3)).toBe('330 Mbps');
    expect(formatRate(undefined)).toBe('–');
  });
});
