import { RT, TYPE_LABEL } from '../../arm/resource-types.js';
import { DOCS } from '../docs.js';
import { eqi, props } from '../model.js';
import { defineRule } from '../rule-kit.js';

// domain.md §5.9 [WORKFLOWS]: NotProvisioned = provider has not provisioned yet (still billed); Deprovisioning = provider
// tearing down. Peering configuration needs Provisioned. ExpressRoute Direct circuits show no provider state.
export const circuitNotProvisioned = defineRule(
  { id: 'circuit-not-provisioned', title: 'Circuit not provisioned by the provider', category: 'circuit', severity: 'high', docs: DOCS.workflows, source: [{ url: DOCS.workflows, quote: 'NotProvisioned: the provider has not provisioned it yet. Peering cannot be configured. The circuit is still billed. Deprovisioning: the provider is tearing it down.' }] },
  (m, emit) => {
    for (const c of m.ofType(RT.circuit)) {
      const state = props(c).serviceProviderProvisioningState;
      if (!eqi(state, 'NotProvisioned') && !eqi(state, 'Deprovisioning')) continue;
      emit(c.id, {
        reason: eqi(state, 'NotProvisioned')
          ? `The connectivity provider has not provisioned circuit ${c.name} yet: no layer 2, no peering can come up, and the circuit is billed anyway. Give the service key to the provider.`
          : `The provider is deprovisioning circuit ${c.name}: traffic over it is going away. Delete the circuit once the provider finishes, or ask them to stop if this is unexpected.`,
        evidence: { 'properties.serviceProviderProvisioningState': state, 'properties.serviceProviderProperties.serviceProviderName': (props(c).serviceProviderProperties as Record<string, unknown> | undefined)?.serviceProviderName },
      });
    }
  },
);

// domain.md §5.1 / §6.1 step 1 [ER-TSG]: circuitProvisioningState is Enabled in normal operation.
export const circuitProvisioningDisabled = defineRule(
  { id: 'circuit-provisioning-disabled', title: 'Circuit provisioning state is not Enabled', category: 'circuit', severity: 'high', docs: DOCS.erTsg, source: [{ url: DOCS.erTsg, quote: 'Verify circuit provisioning: circuitProvisioningState = Enabled and serviceProviderProvisioningState = Provisioned.' }] },
  (m, emit) => {
    for (const c of m.ofType(RT.circuit)) {
      const state = props(c).circuitProvisioningState;
      if (typeof state !== 'string' || eqi(state, 'Enabled')) continue;
      emit(c.id, {
        reason: `Circuit ${c.name} reports circuitProvisioningState ${state}; it must be Enabled (the first step of Microsoft's troubleshooting flow). Open a support case with Microsoft if it stays this way.`,
        evidence: { 'properties.circuitProvisioningState': state, 'properties.serviceProviderProvisioningState': props(c).serviceProviderProvisioningState },
      });
    }
  },
);

// domain.md §8.2 [ARM-ASYNC], [SPEC-NET]: provisioningState Failed is terminal — the last write did not apply.
export const provisioningFailed = defineRule(
  { id: 'provisioning-failed', title: 'Resource is in provisioning state Failed', category: 'circuit', severity: 'high', docs: DOCS.armAsync, source: [{ url: DOCS.armAsync, quote: 'Succeeded, Failed and Canceled are terminal; anything else means still running.' }] },
  (m, emit) => {
    for (const r of m.all()) {
      const state = props(r).provisioningState;
      if (!eqi(state, 'Failed')) continue;
      emit(r.id, {
        reason: `The last change to this ${TYPE_LABEL[r.type] ?? r.type} failed, so its configuration may not be what ARM shows. Re-apply the last change (a PUT of the current body usually recovers it) and read the operation's error.`,
        evidence: { 'properties.provisioningState': state, type: r.type },
      });
    }
  },
);

/** Circuit state rules. */
export const CIRCUIT_RULES = [circuitNotProvisioned, circuitProvisioningDisabled, provisioningFailed];
