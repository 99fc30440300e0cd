import { rgOf, type SubscriptionReader } from './reader.js';
import type { ArmResource, PermissionEntry } from './types.js';

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * Reads the caller's effective permissions (Microsoft.Authorization/permissions) once per resource group that holds
 * circuits, gateways or hubs; callers feed resources in as soon as each family arrives, so this never waits for all.
 */
export class PermissionReader {
  readonly entries: PermissionEntry[] = [];
  private readonly asked = new Set<string>();
  private readonly pending: Array<Promise<void>> = [];

  constructor(private readonly r: SubscriptionReader) {}

  /** Queues a permissions read for each not-yet-asked resource group of these resources. */
  askFor(resources: readonly ArmResource[]): void {
    for (const res of resources) {
      const rg = rgOf(res.id);
      if (!rg || this.asked.has(rg.toLowerCase())) continue;
      this.asked.add(rg.toLowerCase());
      this.pending.push(this.read(rg));
    }
  }

  /** Resolves when every queued read has finished (call after the last askFor). */
  async settle(): Promise<void> {
    await Promise.all(this.pending);
  }

  private async read(rg: string): Promise<void> {
    const scope = `${this.r.scope}/resourceGroups/${rg}`;
    const auth = this.r.conn.authorization(this.r.subscriptionId);
    const items = await this.r.listValues('permissions', scope, (o) => auth.permissions.listForResourceGroup(rg, o));
    for (const p of items) {
      this.entries.push({
        scope,
        actions: strings(p.actions),
        notActions: strings(p.notActions),
        dataActions: strings(p.dataActions),
        notDataActions: strings(p.notDataActions),
      });
    }
  }
}
