import type { Constraint } from './types.js';
import { CONSTRAINTS_EXPRESSROUTE } from './expressroute.js';
import { CONSTRAINTS_PLATFORM } from './platform.js';
import { CONSTRAINTS_RESILIENCY } from './resiliency.js';
import { CONSTRAINTS_VPN_VWAN } from './vpn-vwan.js';
import { CONSTRAINTS_VPN_VWAN_WAVE1 } from './vpn-vwan-wave1.js';

export type { Constraint, ConstraintArea } from './types.js';

/** Every documented constraint erscope knows about, per area file, in table order. */
export const CONSTRAINTS: Constraint[] = [...CONSTRAINTS_EXPRESSROUTE, ...CONSTRAINTS_VPN_VWAN_WAVE1, ...CONSTRAINTS_VPN_VWAN, ...CONSTRAINTS_RESILIENCY, ...CONSTRAINTS_PLATFORM];
