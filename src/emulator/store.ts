import { createHash, randomUUID } from 'node:crypto';
import { normalizeId, parentId, parseArmId } from '../arm/arm-id.js';
import { addReferenceProperties, deepMerge } from './body-merge.js';
import { canonicalType, EMBEDDED } from './families.js';

/** A resource body as the emulator keeps it (raw ARM shape, `properties` nested, unknown fields kept). */
export type ArmBody = Record<string, unknown> & { id: string; properties?: Record<string, unknown> };

/** A subscription the emulator knows. */
export interface EmuSubscription {
  subscriptionId: string;
  displayName: string;
  state: string;
  tenantId?: string;
}

/** A resource group derived from resource ids (or declared in the scenario). */
export interface EmuResourceGroup {
  id: string;
  name: string;
  subscriptionId: string;
  location: string;
}

interface Entry {
  body: ArmBody;
  type: string;
  /** Emulator clock (seconds) when byte counters were last folded into the body. */
  counterStamp: number;
}

/** Fresh weak etag in ARM's format. */
export function newEtag(): string {
  return `W/"${randomUUID()}"`;
}

/** Weak etag derived from the (case-insensitive) id, so scenarios that omit etags load the same way every run. */
export function seededEtag(id: string): string {
  const h = createHash('sha256').update(normalizeId(id)).digest('hex');
  return `W/"${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}"`;
}

/** The one store of resources, keyed by lower-cased id; parents' embedded child arrays are composed at read time. */
export class ResourceStore {
  private readonly entries = new Map<string, Entry>();
  private readonly children = new Map<string, Set<string>>();
  /** Top-level ids by `type|subscription`: list calls must not scan the whole store (10k-resource bench). */
  private readonly byTypeAndSub = new Map<string, Set<string>>();
  readonly subscriptions = new Map<string, EmuSubscription>();
  readonly resourceGroups = new Map<string, EmuResourceGroup>();
  /** Bumped by every change, so derived indexes (the Resource Graph row cache) know when to rebuild. */
  revision = 0;

  constructor(private readonly clock: () => number = () => 0) {}

  /** Number of stored resources (children counted separately). */
  get size(): number {
    return this.entries.size;
  }

  /** Registers a subscription (idempotent; a later call with a display name wins). */
  addSubscription(sub: Partial<EmuSubscription> & { subscriptionId: string }): void {
    const key = sub.subscriptionId.toLowerCase();
    const prev = this.subscriptions.get(key);
    this.subscriptions.set(key, {
      subscriptionId: prev?.subscriptionId ?? sub.subscriptionId,
      displayName: sub.displayName ?? prev?.displayName ?? sub.subscriptionId,
      state: sub.state ?? prev?.state ?? 'Enabled',
      tenantId: sub.tenantId ?? prev?.tenantId,
    });
  }

  /** Registers a resource group (and its subscription) if not known yet. */
  ensureResourceGroup(subscriptionId: string, name: string, location = 'westeurope'): EmuResourceGroup {
    const id = `/subscriptions/${subscriptionId}/resourceGroups/${name}`;
    const key = normalizeId(id);
    if (!this.subscriptions.has(subscriptionId.toLowerCase())) this.addSubscription({ subscriptionId });
    let rg = this.resourceGroups.get(key);
    if (!rg) {
      rg = { id, name, subscriptionId, location };
      this.resourceGroups.set(key, rg);
    }
    return rg;
  }

  /** The stored entry for an id, or undefined. */
  getRaw(id: string): ArmBody | undefined {
    return this.entries.get(normalizeId(id))?.body;
  }

  /** Lower-cased type of a stored id. */
  typeOf(id: string): string | undefined {
    return this.entries.get(normalizeId(id))?.type;
  }

  /**
   * Inserts or replaces a resource; embedded children with ids are flattened into the store. Returns true when created.
   * `seedEtags` (scenario loading) gives bodies without an etag one derived from their id instead of a random one.
   */
  upsert(input: ArmBody, opts: { keepEtag?: boolean; replaceChildren?: boolean; seedEtags?: boolean } = {}): boolean {
    this.revision += 1;
    const key = normalizeId(input.id);
    const parsed = parseArmId(input.id);
    const type = parsed.type ?? '';
    const prev = this.entries.get(key);
    const body = structuredClone(input) as ArmBody;
    if (!opts.keepEtag || typeof body.etag !== 'string') body.etag = opts.seedEtags ? seededEtag(input.id) : newEtag();
    const embedded: Array<[string, ArmBody[]]> = [];
    for (const coll of EMBEDDED[type] ?? []) {
      const arr = body.properties?.[coll.prop];
      if (!Array.isArray(arr)) continue;
      const flat = arr.every((c) => isChildBody(c, input.id, `${type}/${coll.segment}`));
      if (!flat) continue;
      embedded.push([coll.segment, arr as ArmBody[]]);
      body.properties![coll.prop] = [];
    }
    if (parsed.subscriptionId && parsed.resourceGroup) {
      this.ensureResourceGroup(parsed.subscriptionId, parsed.resourceGroup, (body.location as string) ?? undefined);
    }
    this.entries.set(key, { body, type, counterStamp: this.clock() });
    const parent = parentId(input.id);
    if (!parent && parsed.subscriptionId) {
      const ik = `${type}|${parsed.subscriptionId.toLowerCase()}`;
      if (!this.byTypeAndSub.has(ik)) this.byTypeAndSub.set(ik, new Set());
      this.byTypeAndSub.get(ik)!.add(key);
    }
    if (parent) {
      const pk = normalizeId(parent);
      if (!this.children.has(pk)) this.children.set(pk, new Set());
      this.children.get(pk)!.add(key);
    }
    for (const [segment, arr] of embedded) {
      if (opts.replaceChildren) {
        // A PUT of the parent with the array is a full replace of that child set, as in ARM.
        const keep = new Set(arr.map((c) => normalizeId(c.id)));
        for (const childKey of this.childKeys(input.id, `${type}/${segment}`)) if (!keep.has(childKey)) this.remove(childKey);
      }
      for (const child of arr) this.upsert(child, { keepEtag: true, seedEtags: opts.seedEtags });
    }
    return !prev;
  }

  /** Removes a resource and all its descendants. */
  remove(id: string): boolean {
    this.revision += 1;
    const key = normalizeId(id);
    if (!this.entries.has(key)) return false;
    for (const c of [...(this.children.get(key) ?? [])]) this.remove(c);
    this.children.delete(key);
    const entry = this.entries.get(key)!;
    this.entries.delete(key);
    const sub = parseArmId(key).subscriptionId;
    if (sub) this.byTypeAndSub.get(`${entry.type}|${sub}`)?.delete(key);
    const parent = parentId(key);
    if (parent) this.children.get(normalizeId(parent))?.delete(key);
    return true;
  }

  /** Deep-merges properties into a stored resource and gives it a new etag (timeline patches, state changes). */
  patch(id: string, properties: Record<string, unknown>, opts: { newEtag?: boolean } = {}): ArmBody | undefined {
    this.revision += 1;
    const entry = this.entries.get(normalizeId(id));
    if (!entry) return undefined;
    this.foldCounters(entry);
    entry.body.properties = deepMerge(entry.body.properties ?? {}, properties);
    if (opts.newEtag !== false) entry.body.etag = newEtag();
    return entry.body;
  }

  /** Lower-cased ids of the direct children of `parent` with the given lower-cased type. */
  childKeys(parent: string, childType: string): string[] {
    const set = this.children.get(normalizeId(parent));
    if (!set) return [];
    return [...set].filter((k) => this.entries.get(k)?.type === childType);
  }

  /** All top-level resources of a type in a subscription (and resource group when given), in insertion order. */
  listTopLevel(type: string, subscriptionId: string, resourceGroup?: string): string[] {
    const prefix = normalizeId(`/subscriptions/${subscriptionId}/${resourceGroup ? `resourcegroups/${resourceGroup}/` : ''}`);
    const out: string[] = [];
    for (const k of this.byTypeAndSub.get(`${type}|${subscriptionId.toLowerCase()}`) ?? []) if (k.startsWith(prefix + '/')) out.push(k);
    return out;
  }

  /** Every stored id (lower-cased). */
  keys(): string[] {
    return [...this.entries.keys()];
  }

  /** The body as ARM would return it: children composed, `properties: {}` on references, live counters applied. */
  render(id: string, opts: { fillType?: boolean } = {}): ArmBody | undefined {
    const entry = this.entries.get(normalizeId(id));
    if (!entry) return undefined;
    const out = this.compose(entry);
    if (opts.fillType && typeof out.type !== 'string') out.type = canonicalType(entry.type);
    if (opts.fillType && typeof out.name !== 'string') out.name = parseArmId(out.id).name;
    return addReferenceProperties(out) as ArmBody;
  }

  private compose(entry: Entry): ArmBody {
    const body = structuredClone(entry.body);
    this.applyCounters(entry, body);
    for (const coll of EMBEDDED[entry.type] ?? []) {
      const current = body.properties?.[coll.prop];
      if (Array.isArray(current) && current.length > 0) continue;
      const kids = this.childKeys(entry.body.id, `${entry.type}/${coll.segment}`);
      if (kids.length === 0 && current === undefined) continue;
      body.properties ??= {};
      body.properties[coll.prop] = kids.map((k) => this.compose(this.entries.get(k)!));
    }
    return body;
  }

  /** Bytes per second that connection counters grow by, per resource (set from scenario diagnostics). */
  counterRate: (id: string) => number = () => 0;

  private growth(entry: Entry): number {
    const p = entry.body.properties;
    if (!p || typeof p.ingressBytesTransferred !== 'number') return 0;
    const status = p.connectionStatus;
    if (status !== undefined && status !== 'Connected') return 0;
    return Math.floor(this.counterRate(entry.body.id) * Math.max(0, this.clock() - entry.counterStamp));
  }

  private applyCounters(entry: Entry, body: ArmBody): void {
    const g = this.growth(entry);
    if (g === 0 || !body.properties) return;
    body.properties.ingressBytesTransferred = (body.properties.ingressBytesTransferred as number) + g;
    if (typeof body.properties.egressBytesTransferred === 'number') body.properties.egressBytesTransferred += g;
  }

  private foldCounters(entry: Entry): void {
    this.applyCounters(entry, entry.body);
    entry.counterStamp = this.clock();
  }
}

/** True when an embedded array item is a real child of `parent` with the expected type (else it stays inline as given). */
function isChildBody(c: unknown, parent: string, childType: string): boolean {
  if (!c || typeof c !== 'object' || typeof (c as ArmBody).id !== 'string') return false;
  const id = (c as ArmBody).id;
  const p = parentId(id);
  return p !== undefined && normalizeId(p) === normalizeId(parent) && parseArmId(id).type === childType;
}
