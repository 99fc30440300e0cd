/** Parsed parts of an ARM resource id; comparisons elsewhere go through `normalizeId` because ARM ids are case-insensitive. */
export interface ParsedArmId {
  subscriptionId?: string;
  resourceGroup?: string;
  provider?: string;
  /** Canonical lower-cased type including child segments, e.g. microsoft.network/expressroutecircuits/peerings. */
  type?: string;
  name?: string;
  /** Names from the top-level resource down to this one. */
  names: string[];
}

/**
 * Lower-cases and trims an ARM id so that mixed-case references land on one graph node. ARM spells a vWAN link
 * connection both `…/vpnConnections/c/vpnLinkConnections/l` (REST path, NAT rule references) and
 * `…/VpnSiteLinkConnections/l` (the body's own id): both fold onto the REST spelling.
 */
export function normalizeId(id: string): string {
  return id.trim().replace(/\/+$/, '').toLowerCase().replace(/(\/vpnconnections\/[^/]+\/)vpnsitelinkconnections\//, '$1vpnlinkconnections/');
}

/** Splits an ARM id into subscription, resource group, type and names; tolerant of case and trailing slashes. */
export function parseArmId(id: string): ParsedArmId {
  const parts = id.trim().replace(/^\/+|\/+$/g, '').split('/');
  const out: ParsedArmId = { names: [] };
  let i = 0;
  while (i < parts.length) {
    const key = parts[i]!.toLowerCase();
    if (key === 'subscriptions' && out.subscriptionId === undefined) {
      out.subscriptionId = parts[i + 1];
      i += 2;
    } else if (key === 'resourcegroups' && out.resourceGroup === undefined) {
      out.resourceGroup = parts[i + 1];
      i += 2;
    } else if (key === 'providers') {
      out.provider = parts[i + 1];
      const typeSegs = [parts[i + 1]!.toLowerCase()];
      let j = i + 2;
      while (j + 1 < parts.length) {
        typeSegs.push(parts[j]!.toLowerCase());
        out.names.push(parts[j + 1]!);
        j += 2;
      }
      out.type = typeSegs.length > 1 ? typeSegs.join('/') : undefined;
      out.name = out.names[out.names.length - 1];
      break;
    } else {
      i += 1;
    }
  }
  if (!out.type && out.resourceGroup) out.type = 'microsoft.resources/resourcegroups';
  else if (!out.type && out.subscriptionId) out.type = 'microsoft.resources/subscriptions';
  return out;
}

/** The id of the parent resource (one type segment up), or undefined for a top-level resource. */
export function parentId(id: string): string | undefined {
  const p = parseArmId(id);
  if (p.names.length < 2) return undefined;
  const parts = id.replace(/\/+$/, '').split('/');
  return parts.slice(0, -2).join('/');
}
