import { parseArmId } from '../arm/arm-id.js';
import { parse as parseCidr } from '../checks/cidr.js';
import { graphBody, propsOf, statusOf, type FlowState, type StepOutcome } from './flow.js';

const RESERVED_ASNS = new Set([65515, 65516, 65517, 65518, 65519, 65520, 8074, 8075, 12076]);

/** Step 1: re-read the circuit live; Enabled on the Microsoft side and Provisioned by the provider. */
export async function checkCircuitProvisioning(state: FlowState, signal: AbortSignal): Promise<StepOutcome> {
  const id = state.target.circuitId;
  if (!id) return { verdict: 'fail', evidence: {}, detail: 'The connection does not reference a circuit.', fault: { code: 'circuit-missing', params: { circuit: '(none)' } } };
  const name = parseArmId(id).name ?? id;
  state.progress('circuit-provisioning', `reading circuit ${name}`);
  try {
    state.circuit = await state.reads.getResource(id, { abortSignal: signal });
  } catch (e) {
    state.circuit = graphBody(state, id);
    if (statusOf(e) === 404) return { verdict: 'fail', evidence: { circuit: id }, detail: `Circuit ${name} does not exist.`, fault: { code: 'circuit-missing', params: { circuit: name } } };
    throw e;
  }
  const p = propsOf(state.circuit);
  const spp = (p.serviceProviderProperties ?? {}) as Record<string, unknown>;
  const provider = String(p.serviceProviderProvisioningState ?? 'unknown');
  const msSide = String(p.circuitProvisioningState ?? 'unknown');
  const params = {
    circuit: name,
    serviceKey: String(p.serviceKey ?? '?'),
    provider: String(spp.serviceProviderName ?? 'your provider'),
    resourceGroup: parseArmId(id).resourceGroup ?? '?',
  };
  const evidence = {
    circuit: name,
    serviceProviderProvisioningState: provider,
    circuitProvisioningState: msSide,
    provisioningState: p.provisioningState,
    serviceProviderName: spp.serviceProviderName,
    peeringLocation: spp.peeringLocation,
    bandwidthInMbps: spp.bandwidthInMbps,
    sku: (state.circuit?.sku as Record<string, unknown> | undefined)?.name,
    serviceKey: p.serviceKey,
  };
  if (provider === 'Deprovisioning') return { verdict: 'fail', evidence, detail: `The provider is deprovisioning circuit ${name}.`, fault: { code: 'provider-deprovisioning', params: { ...params, state: provider } } };
  if (provider !== 'Provisioned') return { verdict: 'fail', evidence, detail: `Provider state is ${provider}, not Provisioned.`, fault: { code: 'provider-not-provisioned', params: { ...params, state: provider } } };
  if (msSide !== 'Enabled') return { verdict: 'fail', evidence, detail: `circuitProvisioningState is ${msSide}, not Enabled.`, fault: { code: 'circuit-disabled', params: { ...params, state: msSide } } };
  if (p.provisioningState === 'Failed') return { verdict: 'fail', evidence, detail: 'The last change to the circuit failed.', fault: { code: 'circuit-failed', params } };
  return { verdict: 'pass', evidence, detail: `Circuit ${name} is Enabled and Provisioned by ${params.provider}.` };
}

function prefixProblem(label: string, prefix: unknown): string | undefined {
  if (typeof prefix !== 'string' || prefix === '') return `${label} peer subnet is not set`;
  const c = parseCidr(prefix);
  if (!c) return `${label} peer subnet ${prefix} is not valid CIDR`;
  const want = c.kind === 'ipv4' ? 30 : 126;
  if (c.bits !== want) return `${label} peer subnet ${prefix} is a /${c.bits}, not a /${want}`;
  return undefined;
}

/** Step 2: peering state, VLAN, ASNs, primary/secondary /30s, and a route filter on Microsoft peering. */
export async function checkPeeringConfig(state: FlowState, signal: AbortSignal): Promise<StepOutcome> {
  const id = state.target.peeringId;
  const circuitName = parseArmId(state.target.circuitId ?? '').name ?? '?';
  const peeringName = id ? (parseArmId(id).name ?? id) : 'AzurePrivatePeering';
  const missing: StepOutcome = {
    verdict: 'fail',
    evidence: { peering: peeringName },
    detail: `Circuit ${circuitName} has no ${peeringName}.`,
    fault: { code: 'peering-missing', params: { circuit: circuitName, peeringType: peeringName } },
  };
  if (!id) return missing;
  state.progress('peering-config', `reading peering ${peeringName}`);
  try {
    state.peering = await state.reads.getResource(id, { abortSignal: signal });
  } catch (e) {
    state.peering = graphBody(state, id);
    if (statusOf(e) === 404) return missing;
    throw e;
  }
  const p = propsOf(state.peering);
  const rg = parseArmId(id).resourceGroup ?? '?';
  const params = { circuit: circuitName, peering: peeringName, resourceGroup: rg };
  const evidence: Record<string, unknown> = {
    peeringType: p.peeringType,
    state: p.state,
    provisioningState: p.provisioningState,
    vlanId: p.vlanId,
    azureASN: p.azureASN,
    peerASN: p.peerASN,
    primaryPeerAddressPrefix: p.primaryPeerAddressPrefix,
    secondaryPeerAddressPrefix: p.secondaryPeerAddressPrefix,
    md5Key: typeof p.sharedKey === 'string' && p.sharedKey !== '' ? 'set' : 'not set',
  };
  const isMs = p.peeringType === 'MicrosoftPeering';
  if (isMs) evidence.routeFilter = (p.routeFilter as { id?: string } | undefined)?.id ?? 'none';
  if (p.state !== 'Enabled') return { verdict: 'fail', evidence, detail: `Peering ${peeringName} is ${String(p.state ?? 'in an unknown state')}.`, fault: { code: 'peering-disabled', params } };
  if (p.provisioningState === 'Failed') return { verdict: 'fail', evidence, detail: 'The last change to the peering failed.', fault: { code: 'peering-failed', params } };
  const problems = [prefixProblem('primary', p.primaryPeerAddressPrefix), prefixProblem('secondary', p.secondaryPeerAddressPrefix)].filter((x): x is string => !!x);
  if (typeof p.primaryPeerAddressPrefix === 'string' && p.primaryPeerAddressPrefix === p.secondaryPeerAddressPrefix) problems.push('primary and secondary peer subnets are the same');
  const vlan = Number(p.vlanId);
  if (!Number.isInteger(vlan) || vlan < 1 || vlan > 4094) problems.push(`VLAN ${String(p.vlanId ?? 'not set')} is outside 1–4094`);
  const asn = Number(p.peerASN);
  if (!Number.isInteger(asn) || asn < 1) problems.push('peer ASN is not set');
  else if (RESERVED_ASNS.has(asn)) problems.push(`peer ASN ${asn} is reserved by Microsoft`);
  if (problems.length > 0) return { verdict: 'fail', evidence, detail: problems.join('; '), fault: { code: 'peering-config-invalid', params: { ...params, problem: problems.join('; ') } } };
  if (isMs && evidence.routeFilter === 'none') return { verdict: 'fail', evidence, detail: 'Microsoft peering has no route filter.', fault: { code: 'ms-peering-no-route-filter', params } };
  return { verdict: 'pass', evidence, detail: `Peering ${peeringName} is Enabled: VLAN ${vlan}, peer AS ${asn}, ${String(p.primaryPeerAddressPrefix)} / ${String(p.secondaryPeerAddressPrefix)}.` };
}
