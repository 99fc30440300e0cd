import { existsSync, readFileSync } from 'node:fs';
import { normalizeId } from '../../src/arm/arm-id.js';
import type { Finding } from '../../src/checks/types.js';
import type { ArmResource, Inventory, PermissionEntry, SubscriptionInfo } from '../../src/inventory/types.js';
import { flattenAll } from '../../src/inventory/flatten.js';
import type { ReportInput } from '../../src/report/model.js';
import { buildGraph } from '../../src/topology/graph.js';

const ROOT = new URL('../../', import.meta.url).pathname;
export const CONTOSO_FILE = `${ROOT}src/emulator/scenarios/contoso.json`;
const ENGINE_FILE = `${ROOT}src/checks/engine.ts`;

/** Why the contoso goldens cannot run yet (scenario or checks engine still being written), or undefined when they can. */
export function contosoMissing(): string | undefined {
  if (!existsSync(CONTOSO_FILE)) return 'src/emulator/scenarios/contoso.json does not exist yet';
  if (!existsSync(ENGINE_FILE)) return 'src/checks/engine.ts (runChecks) does not exist yet';
  return undefined;
}

interface Scenario {
  name: string;
  tenantId?: string;
  subscriptions: SubscriptionInfo[];
  resources: ArmResource[];
  permissions?: PermissionEntry[];
  forbidden?: string[];
}

/**
 * The contoso estate as the CLI would see it, built offline: embedded children flattened, forbidden scopes left out and
 * recorded (they become no-access stubs), then the real graph builder and the real checks.
 */
export async function contosoInput(): Promise<ReportInput> {
  const scenario = JSON.parse(readFileSync(CONTOSO_FILE, 'utf8')) as Scenario;
  const forbidden = (scenario.forbidden ?? []).map(normalizeId);
  const visible = flattenAll(scenario.resources).filter((r) => !forbidden.some((f) => normalizeId(r.id).startsWith(`${f}/`)));
  const source = { kind: 'emulator' as const, label: `https://127.0.0.1:0 (scenario ${scenario.name})`, scenario: scenario.name };
  const inv: Inventory = {
    source, subscriptions: scenario.subscriptions.map((s) => ({ subscriptionId: s.subscriptionId, displayName: s.displayName })),
    resources: visible, issues: forbidden.map((scope) => ({ scope, kind: 'forbidden' as const, message: 'AuthorizationFailed: the client does not have authorization' })),
    permissions: scenario.permissions ?? [], forbiddenScopes: forbidden, startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:01.000Z',
  };
  const graph = buildGraph(inv);
  const { runChecks } = (await import(ENGINE_FILE)) as { runChecks: (ctx: unknown, opts?: unknown) => Finding[] | Promise<Finding[]> };
  const findings = await runChecks({ graph, permissions: inv.permissions }, {});
  return {
    graph, findings, inventoryIssues: inv.issues, source, subscriptions: inv.subscriptions, permissions: inv.permissions,
    forbiddenScopes: inv.forbiddenScopes, generatedAt: new Date('2026-01-02T03:04:05.000Z'),
  };
}
