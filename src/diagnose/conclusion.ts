import type { Conclusion, DiagnosisStep, StepFault } from './types.js';

/** How to word one fault code; `{name}` placeholders are filled from the step's fault params. */
interface FaultText {
  fault: string;
  nextAction: string;
}

/**
 * Fault codes in priority order (earlier = more fundamental): a circuit the provider never provisioned explains every
 * later symptom, layer 2 (ARP) explains layer 3 (BGP), BGP explains no traffic, and so on. The first failing code wins.
 */
export const FAULT_PRIORITY: ReadonlyArray<[code: string, text: FaultText]> = [
  ['circuit-missing', { fault: 'The circuit {circuit} could not be found.', nextAction: 'Check the circuit id; if it was deleted, recreate it or point the connection at the right circuit.' }],
  ['provider-not-provisioned', { fault: 'Your connectivity provider has not provisioned circuit {circuit} (provider state {state}).', nextAction: 'Call your connectivity provider ({provider}): give them service key {serviceKey} and ask them to finish provisioning the circuit.' }],
  ['provider-deprovisioning', { fault: 'Circuit {circuit} is being deprovisioned by the provider (provider state {state}).', nextAction: 'Call your connectivity provider ({provider}) with service key {serviceKey}: the circuit is being torn down.' }],
  ['circuit-disabled', { fault: 'Circuit {circuit} is not enabled on the Microsoft side (circuitProvisioningState {state}).', nextAction: 'Open a support request with Microsoft for circuit {circuit} (service key {serviceKey}).' }],
  ['circuit-failed', { fault: 'The last change to circuit {circuit} failed (provisioningState Failed).', nextAction: 'Re-apply the circuit settings (az network express-route update -g {resourceGroup} -n {circuit}); if it fails again, open a support request.' }],
  ['peering-missing', { fault: 'Circuit {circuit} has no {peeringType} configured.', nextAction: 'Configure the peering (az network express-route peering create --circuit-name {circuit} ...) with the VLAN and /30 subnets agreed with your provider.' }],
  ['peering-disabled', { fault: 'Peering {peering} on circuit {circuit} is Disabled.', nextAction: 'Enable it: az network express-route peering update -g {resourceGroup} --circuit-name {circuit} -n {peering} --state Enabled.' }],
  ['peering-failed', { fault: 'The last change to peering {peering} failed (provisioningState Failed).', nextAction: 'Re-apply the peering settings; if it fails again, open a support request.' }],
  ['peering-config-invalid', { fault: 'Peering {peering} is misconfigured: {problem}.', nextAction: 'Fix the peering settings so they match the provider and your router (VLAN, ASN, /30 subnets).' }],
  ['ms-peering-no-route-filter', { fault: 'Microsoft peering {peering} has no route filter, so no Microsoft prefixes are advertised.', nextAction: 'Attach a route filter with the service communities you need to peering {peering}.' }],
  ['arp-down-both', { fault: 'Layer 2 is down on both links of circuit {circuit}: no on-premises MAC in the ARP tables.', nextAction: 'Ask your provider ({provider}) to check both cross-connects and VLAN {vlan}; check the router interfaces for {onPremPrimary} and {onPremSecondary}.' }],
  ['arp-down', { fault: 'Layer 2 is down on the {path} link of circuit {circuit}: {problem}.', nextAction: 'Ask your provider ({provider}) to check the {path} link and VLAN {vlan}; your router should answer ARP for {onPrem}.' }],
  ['bgp-down-both', { fault: 'BGP is not established on either link of peering {peering} ({state}).', nextAction: 'On your router check the BGP neighbours {azurePrimary} and {azureSecondary}: remote AS 12076, local AS {peerAsn}, VLAN {vlan} and the MD5 key.' }],
  ['bgp-down', { fault: 'BGP is not established on the {path} link of peering {peering} ({state}).', nextAction: 'On your router check the BGP neighbour {azureIp}: remote AS 12076, local AS {peerAsn}, VLAN {vlan} and the MD5 key.' }],
  ['gateway-missing', { fault: 'The gateway {gateway} used by {connection} could not be found.', nextAction: 'Recreate the gateway or point the connection at an existing ExpressRoute gateway.' }],
  ['gateway-type-vpn', { fault: 'Connection {connection} uses gateway {gateway}, which is a VPN gateway, not an ExpressRoute gateway.', nextAction: 'Create an ExpressRoute gateway (gatewayType ExpressRoute) in the GatewaySubnet and connect the circuit to it.' }],
  ['gateway-bgp-down', { fault: 'Gateway {gateway} has no BGP session up with the Microsoft edge ({down}).', nextAction: 'Check that the connection {connection} is Succeeded and the private peering is up; reset the connection if it stays down.' }],
  ['connection-failed', { fault: 'The last change to connection {connection} failed (provisioningState Failed).', nextAction: 'Re-apply the connection (check the authorization key if the circuit is in another subscription).' }],
  ['connection-not-connected', { fault: 'Connection {connection} is {status}.', nextAction: 'Check the authorization on circuit {circuit} and the gateway; recreate the connection if it stays {status}.' }],
  ['no-traffic', { fault: 'No traffic has ever crossed peering {peering} (all byte counters are zero).', nextAction: 'Check that routes are advertised both ways (BGP prefixes received on both sides) and that your router sends traffic over the circuit.' }],
  ['findings-high', { fault: 'Configuration problems were found next to this path: {titles}.', nextAction: 'Fix the high-severity findings listed in step "{stepTitle}" (erscope check shows each with its fix).' }],
  ['weight-lower', { fault: 'Another path is preferred over {connection} (routing weight {weight} vs {bestWeight} on {bestConnection}).', nextAction: 'If this path should carry the traffic, raise its routingWeight above {bestWeight}.' }],
  ['bgp-no-prefixes', { fault: 'BGP is up on peering {peering} but no prefixes are received from on-premises.', nextAction: 'Advertise your on-premises prefixes to AS 12076 from your router.' }],
  ['traffic-idle', { fault: 'No bytes moved on peering {peering} during the sample window.', nextAction: 'Send test traffic (ping a VM across the circuit) and run the diagnosis again.' }],
  ['gateway-sku-basic', { fault: 'Gateway {gateway} uses the Basic SKU, which is deprecated for ExpressRoute.', nextAction: 'Plan a migration to Standard, HighPerformance or ErGw1AZ or higher.' }],
  ['findings-medium', { fault: 'Configuration warnings were found next to this path: {titles}.', nextAction: 'Review the findings listed in step "{stepTitle}".' }],
];

const RANK = new Map(FAULT_PRIORITY.map(([code], i) => [code, i]));
const TEXT = new Map(FAULT_PRIORITY);

/** Fills `{name}` placeholders; an unknown name becomes "?" so a missing value is visible rather than a literal brace. */
export function fillTemplate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_m, k: string) => (params[k] !== undefined && params[k] !== '' ? String(params[k]) : '?'));
}

function rankOf(f: StepFault | undefined): number {
  return f ? (RANK.get(f.code) ?? FAULT_PRIORITY.length) : FAULT_PRIORITY.length + 1;
}

function worded(step: DiagnosisStep): Conclusion {
  const text = step.fault ? TEXT.get(step.fault.code) : undefined;
  if (!text) return { fault: step.detail, nextAction: 'Look at the evidence of this step.', stepId: step.id };
  return { fault: fillTemplate(text.fault, step.fault!.params), nextAction: fillTemplate(text.nextAction, step.fault!.params), stepId: step.id };
}

/**
 * The most likely fault and next action, as a pure function of the steps: the highest-priority failing fault; else a
 * step that could not run (its fault is unknown and may be the real one); else the highest-priority warning; else healthy.
 */
export function conclude(steps: DiagnosisStep[]): Conclusion {
  const pick = (verdict: DiagnosisStep['verdict']) =>
    steps.filter((s) => s.verdict === verdict).sort((a, b) => rankOf(a.fault) - rankOf(b.fault))[0];
  const failed = pick('fail');
  if (failed) return worded(failed);
  const skipped = steps.find((s) => s.verdict === 'skipped');
  if (skipped) {
    return {
      fault: `No fault found, but step "${skipped.title}" could not run: ${skipped.detail.replace(/^could not run:\s*/i, '').replace(/\.+$/, '')}.`,
      nextAction: skippedAdvice(skipped.detail),
      stepId: skipped.id,
    };
  }
  const warned = pick('warn');
  if (warned) return worded(warned);
  return {
    fault: 'No fault found on the Azure side: circuit, peering, ARP, BGP, traffic and the connection all look healthy.',
    nextAction: 'Check the on-premises side (firewall, routes to the VNet prefixes) and Service Health for maintenance.',
  };
}

function skippedAdvice(detail: string): string {
  if (/403|authoriz|forbidden/i.test(detail)) return 'Ask for read access to the circuit diagnostics (Network Contributor, or the */action permissions on expressRouteCircuits) and run the diagnosis again.';
  if (/429|throttl/i.test(detail)) return 'Azure is throttling requests; wait a minute and run the diagnosis again.';
  if (/abort|cancel/i.test(detail)) return 'The diagnosis was cancelled; run it again to finish the remaining checks.';
  return 'Run the diagnosis again; if the step keeps failing to run, check it in the portal (Diagnose and solve problems).';
}
