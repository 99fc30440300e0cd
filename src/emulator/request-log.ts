/** Counts of requests the emulator served, for benchmarks and tests (how many calls did the inventory make?). */
export interface RequestLogSnapshot {
  total: number;
  /** Key: `METHOD /normalised/path`, e.g. `GET /subscriptions/{sub}/providers/microsoft.network/expressroutecircuits`. */
  byRoute: Record<string, number>;
  byMethod: Record<string, number>;
  /** Key: lower-cased subscription id. */
  bySubscription: Record<string, number>;
}

/** Replaces ids and names in a path with placeholders so that requests group by operation. */
export function normalisePath(pathname: string): string {
  const segs = pathname.split('/').filter((s) => s !== '').map((s) => s.toLowerCase());
  const out: string[] = [];
  let i = 0;
  while (i < segs.length) {
    const s = segs[i]!;
    out.push(s);
    if (s === 'subscriptions' && i + 1 < segs.length) {
      out.push('{sub}');
      i += 2;
    } else if (s === 'resourcegroups' && i + 1 < segs.length) {
      out.push('{rg}');
      i += 2;
    } else if (s === 'providers' && i + 1 < segs.length) {
      out.push(segs[i + 1]!);
      i += 2;
      while (i < segs.length && segs[i] !== 'providers') {
        out.push(segs[i]!);
        if (i + 1 < segs.length && segs[i + 1] !== 'providers') out.push('{name}');
        i += 2;
      }
    } else {
      i += 1;
    }
  }
  return '/' + out.join('/');
}

/** Mutable request counters owned by one emulator instance. */
export class RequestLog {
  total = 0;
  private byRoute = new Map<string, number>();
  private byMethod = new Map<string, number>();
  private bySubscription = new Map<string, number>();

  /** Records one request. */
  record(method: string, pathname: string): void {
    this.total += 1;
    const route = `${method} ${normalisePath(pathname)}`;
    this.byRoute.set(route, (this.byRoute.get(route) ?? 0) + 1);
    this.byMethod.set(method, (this.byMethod.get(method) ?? 0) + 1);
    const m = /^\/subscriptions\/([^/?]+)/i.exec(pathname);
    if (m) {
      const sub = decodeURIComponent(m[1]!).toLowerCase();
      this.bySubscription.set(sub, (this.bySubscription.get(sub) ?? 0) + 1);
    }
  }

  /** Count for one `METHOD /normalised/path` key (0 when never seen). */
  count(route: string): number {
    return this.byRoute.get(route) ?? 0;
  }

  /** Plain-object copy of all counters. */
  snapshot(): RequestLogSnapshot {
    return {
      total: this.total,
      byRoute: Object.fromEntries(this.byRoute),
      byMethod: Object.fromEntries(this.byMethod),
      bySubscription: Object.fromEntries(this.bySubscription),
    };
  }

  /** Zeroes every counter (between benchmark phases). */
  reset(): void {
    this.total = 0;
    this.byRoute.clear();
    this.byMethod.clear();
    this.bySubscription.clear();
  }
}
