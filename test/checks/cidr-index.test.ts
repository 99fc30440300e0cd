import { describe, expect, it } from 'vitest';
import { overlaps, parse } from '../../src/checks/cidr.js';
import { CidrIndex } from '../../src/checks/cidr-index.js';

/** Deterministic pseudo-random blocks clustered in a small space so that nesting, equality and host bits all occur. */
function blocks(n: number, seed: number): string[] {
  let x = seed;
  const next = (m: number) => ((x = (x * 1103515245 + 12345) % 2 ** 31), x % m);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    if (next(5) === 0) out.push(`fd00:${next(4).toString(16)}::${next(16).toString(16)}/${120 + next(9)}`);
    else out.push(`10.${next(2)}.${next(4)}.${next(256)}/${[8, 16, 22, 24, 29, 30, 32][next(7)]}`);
  }
  return [...out, 'not-a-cidr', '10.0.0.0/33', '0.0.0.0/0'];
}

describe('CidrIndex', () => {
  it.each([1, 2, 3])('answers like pairwise overlaps(), in insertion order (seed %i)', (seed) => {
    const stored = blocks(300, seed);
    const index = new CidrIndex<number>();
    stored.forEach((b, i) => index.add(b, i));
    for (const q of blocks(80, seed + 100)) {
      const c = parse(q);
      if (!c) continue;
      const want = stored.map((b, i) => (overlaps(c, b) ? i : -1)).filter((i) => i >= 0);
      expect(index.overlapping(c), q).toEqual(want);
    }
  });

  it('finds containing, contained and equal blocks but not neighbours or the other family', () => {
    const index = new CidrIndex<string>();
    for (const b of ['10.0.0.0/8', '10.1.2.0/29', '10.1.2.8/29', '10.1.2.0/24', 'fd00::/8', '10.1.2.4/30']) index.add(b, b);
    expect(index.overlapping(parse('10.1.2.0/29')!)).toEqual(['10.0.0.0/8', '10.1.2.0/29', '10.1.2.0/24', '10.1.2.4/30']);
    expect(index.overlapping(parse('11.0.0.0/29')!)).toEqual([]);
  });
});
