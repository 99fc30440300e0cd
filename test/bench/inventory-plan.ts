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
 * or subscriptions → hubs → hub route tables, whichever is deeper in each subscription.
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
    let chain = subPages + pages(count.get(`${sub}|${RT.hub}`) ?? 0) + Math.max(0, ...hubs.map((h) => pages(count.get(`${h}|rt`) ?? 0)));
    const permDepth = new Map<string, number>();
    const holder = (rg: string, d: number) => permDepth.set(rg, Math.min(permDepth.get(rg) ?? Infinity, d));
    for (const h of hubs) n += pages(count.get(`${h}|rt`) ?? 0);
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

