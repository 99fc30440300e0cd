import { parse, type Cidr } from './cidr.js';

interface Entry<T> {
  order: number;
  bits: number;
  /** Network address as a bit string (32 or 128 characters), host bits cleared. */
  net: string;
  item: T;
}

function bitString(c: Cidr): string {
  return c.address.toByteArray().map((b) => b.toString(2).padStart(8, '0')).join('');
}

/**
 * Finds every stored block that overlaps a query block without comparing it with all of them: two CIDR blocks are
 * either disjoint or nested, so the overlaps of `q` are the blocks starting inside `q` (a contiguous run in address
 * order) plus the shorter blocks containing it (one exact lookup per shorter prefix length). Same answer as testing
 * `overlaps` (cidr.ts) pairwise, in insertion order.
 */
export class CidrIndex<T> {
  private readonly entries = new Map<string, Array<Entry<T>>>();
  private readonly exact = new Map<string, Array<Entry<T>>>();
  private sorted = true;
  private count = 0;

  /** Stores `item` under a block; text that does not parse as a CIDR is ignored (it overlaps nothing). */
  add(text: unknown, item: T): void {
    const c = parse(text);
    if (!c) return;
    const raw = bitString(c);
    const entry: Entry<T> = { order: this.count++, bits: c.bits, net: raw.slice(0, c.bits).padEnd(raw.length, '0'), item };
    const list = this.entries.get(c.kind) ?? [];
    list.push(entry);
    this.entries.set(c.kind, list);
    const k = `${c.kind}|${raw.slice(0, c.bits)}`;
    const same = this.exact.get(k);
    if (same) same.push(entry);
    else this.exact.set(k, [entry]);
    this.sorted = false;
  }

  /** Items whose block shares at least one address with `q`, in the order they were added. */
  overlapping(q: Cidr): T[] {
    if (!this.sorted) {
      for (const list of this.entries.values()) list.sort((a, b) => (a.net < b.net ? -1 : a.net > b.net ? 1 : a.order - b.order));
      this.sorted = true;
    }
    const list = this.entries.get(q.kind) ?? [];
    const prefix = bitString(q).slice(0, q.bits);
    const hits = new Set<Entry<T>>();
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid]!.net < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < list.length && list[i]!.net.startsWith(prefix); i++) hits.add(list[i]!);
    for (let b = 0; b < q.bits; b++) for (const e of this.exact.get(`${q.kind}|${prefix.slice(0, b)}`) ?? []) hits.add(e);
    return [...hits].sort((a, b) => a.order - b.order).map((e) => e.item);
  }
}
