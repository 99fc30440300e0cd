import { normalizeId, parseArmId } from '../../src/arm/arm-id.js';
import { RT } from '../../src/arm/resource-types.js';
import type { ResourceStore } from '../../src/emulator/store.js';

/** Subscription-wide lists per subscription (resource groups + 10 families) — each one paged. */
const SUB_FAMILIES: Record<string, string> = {
  circuits: RT.circuit, ports: RT.port, routeFilters: RT.routeFilter, vnets: RT.vnet, publicIps: RT.publicIp,
  vwans: RT.vwan, hubs: RT.hub, vpnGateways: RT.vpnGateway, vpnSites: RT.vpnSite,
};
const PER_RG = [RT.vnetGateway, RT.connection, RT.localGateway];

/**
 * The plan's floor, computed from the estate: request count (every page of every list the strategy makes) and the
 * depth of the longest dependent chain: subscriptions → resource groups → per-RG gateway lists → permissions,
 * or subscriptions → hubs → hub route tables / route maps (side by side), whichever is deeper in each subscription.
 */
export function planFloor(store: ResourceStore, pageSize: number): { requests: number; depth: number; perSubscription: Map<string, number> } {
  const pages = (n: number) => Math.max(1, Math.ceil(n / pageSize));
  const count = new Map<string, number>(); // `${scopeKey}|${type}` → n
  const bump = (k: string) => count.set(k, (count.get(k) ?? 0) + 1);
  for (const key of store.keys()) {
    const p = parseArmId(key);
    const type = store.typeOf(key) ?? '';
    const sub = p.subscriptionId!.toLowerCase();
    const rg = p.resourceGroup!.toLowerCase();
    bump(`${sub}|${type}`);
    bump(`${sub}/${rg}|${type}`);
    if (type === RT.hubRouteTable) bump(`${normalizeId(key.split('/hubroutetables/')[0]!)}|rt`);
    if (type === RT.routeMap) bump(`${normalizeId(key.split('/routemaps/')[0]!)}|rm`);
  }
  const subs = [...store.subscriptions.keys()];
  const subPages = pages(subs.length);
  let requests = subPages;
  let depth = 0;
  const perSubscription = new Map<string, number>();
  for (const sub of subs) {
    const rgs = [...store.resourceGroups.keys()].filter((k) => k.startsWith(`/subscriptions/${sub}/`)).map((k) => k.split('/')[4]!);
    let n = pages(rgs.length) + 1; // resource groups + ER gateways (not paged)
    for (const t of Object.values(SUB_FAMILIES)) n += pages(count.get(`${sub}|${t}`) ?? 0);
    const hubs = store.keys().filter((k) => k.startsWith(`/subscriptions/${sub}/`) && store.typeOf(k) === RT.hub);
    let chain = subPages + pages(count.get(`${sub}|${RT.hub}`) ?? 0) + Math.max(0, ...hubs.map((h) => Math.max(pages(count.get(`${h}|rt`) ?? 0), pages(count.get(`${h}|rm`) ?? 0))));
    const permDepth = new Map<string, number>();
    const holder = (rg: string, d: number) => permDepth.set(rg, Math.min(permDepth.get(rg) ?? Infinity, d));
    for (const h of hubs) n += pages(count.get(`${h}|rt`) ?? 0) + pages(count.get(`${h}|rm`) ?? 0);
    for (const t of Object.values(SUB_FAMILIES)) chain = Math.max(chain, subPages + pages(count.get(`${sub}|${t}`) ?? 0));
    for (const rg of rgs) {
      const rgPages = PER_RG.map((t) => pages(count.get(`${sub}/${rg}|${t}`) ?? 0));
      n += rgPages.reduce((a, b) => a + b, 0);
      const rgDone = subPages + pages(rgs.length) + Math.max(...rgPages);
      chain = Math.max(chain, rgDone);
      if ((count.get(`${sub}/${rg}|${RT.vnetGateway}`) ?? 0) > 0) holder(rg, rgDone);
      if ((count.get(`${sub}/${rg}|${RT.circuit}`) ?? 0) > 0) holder(rg, subPages + pages(count.get(`${sub}|${RT.circuit}`) ?? 0));
      if ((count.get(`${sub}/${rg}|${RT.hub}`) ?? 0) > 0) holder(rg, subPages + pages(count.get(`${sub}|${RT.hub}`) ?? 0));
      if ((count.get(`${sub}/${rg}|${RT.erGateway}`) ?? 0) > 0) holder(rg, subPages + 1);
    }
    for (const d of permDepth.values()) chain = Math.max(chain, d + 1);
    n += permDepth.size;
    perSubscription.set(sub, n);
    requests += n;
    depth = Math.max(depth, chain);
  }
  return { requests, depth, perSubscription };
}


const GRAPH_TYPES = new Set<string>([
  RT.circuit, RT.port, RT.routeFilter, RT.vnetGateway, RT.connection, RT.localGateway, RT.vnet, RT.publicIp,
  RT.vwan, RT.hub, RT.erGateway, RT.vpnGateway, RT.vpnSite,
]);
const ANCHORS = new Set<string>([RT.circuit, RT.vnetGateway, RT.hub, RT.erGateway]);

/**
 * The Resource Graph plan's floor: subscriptions → ARG page 1 → the other pages (all at once, by $skip) → hub route
 * tables and permissions, each as soon as the page holding its hub / first anchor of its resource group has landed;
 * a subscription with no rows costs one ARM list after the last page. One query batch per 100 subscriptions.
 */
export function graphPlanFloor(store: ResourceStore, armPageSize: number, opts: { permissions: boolean }): { requests: number; depth: number } {
  const pages = (n: number) => Math.max(1, Math.ceil(n / armPageSize));
  const subs = [...store.subscriptions.keys()];
  const subPages = pages(subs.length);
  const rows = store.keys().filter((k) => GRAPH_TYPES.has(store.typeOf(k) ?? '')).sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
  const routeTables = new Map<string, number>();
  const routeMaps = new Map<string, number>();
  for (const k of store.keys()) {
    const [per, re] = store.typeOf(k) === RT.hubRouteTable ? [routeTables, /\/hubroutetables\//i] : store.typeOf(k) === RT.routeMap ? [routeMaps, /\/routemaps\//i] : [];
    if (!per || !re) continue;
    const hub = normalizeId(k.split(re)[0]!);
    per.set(hub, (per.get(hub) ?? 0) + 1);
  }
  let requests = subPages;
  let depth = subPages + 1;
  for (let b = 0; b < subs.length; b += 100) {
    const batch = new Set(subs.slice(b, b + 100));
    const mine = rows.filter((k) => batch.has(parseArmId(k).subscriptionId!.toLowerCase()));
    const argPages = Math.max(1, Math.ceil(mine.length / 1000));
    requests += argPages;
    const landed = (i: number) => subPages + (Math.floor(i / 1000) === 0 ? 1 : 2);
    depth = Math.max(depth, subPages + (argPages > 1 ? 2 : 1));
    const permRgs = new Map<string, number>();
    mine.forEach((k, i) => {
      const type = store.typeOf(k)!;
      if (type === RT.hub) {
        const [rt, rm] = [pages(routeTables.get(normalizeId(k)) ?? 0), pages(routeMaps.get(normalizeId(k)) ?? 0)];
        requests += rt + rm;
        depth = Math.max(depth, landed(i) + Math.max(rt, rm));
      }
      if (opts.permissions && ANCHORS.has(type)) {
        const p = parseArmId(k);
        const rg = `${p.subscriptionId}/${p.resourceGroup}`.toLowerCase();
        if (!permRgs.has(rg)) permRgs.set(rg, landed(i) + 1);
      }
    });
    requests += permRgs.size;
    for (const d of permRgs.values()) depth = Math.max(depth, d);
    const withRows = new Set(mine.map((k) => parseArmId(k).subscriptionId!.toLowerCase()));
    const empty = [...batch].filter((s) => !withRows.has(s)).length;
    requests += empty;
    if (empty > 0) depth = Math.max(depth, subPages + (argPages > 1 ? 2 : 1) + 1);
  }
  return { requests, depth };
}
