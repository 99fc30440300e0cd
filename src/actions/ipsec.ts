import { randomBytes } from 'node:crypto';

/** An IPsec/IKE policy as ARM spells it (connections.ipsecPolicies[], vpnSiteLinkConnections.ipsecPolicies[]). */
export interface IpsecPolicy {
  saLifeTimeSeconds: number;
  saDataSizeKilobytes: number;
  ipsecEncryption: string;
  ipsecIntegrity: string;
  ikeEncryption: string;
  ikeIntegrity: string;
  dhGroup: string;
  pfsGroup: string;
}

/** Allowed values per field (domain §7.1, spec enums). */
export const IPSEC_ENUMS = {
  ikeEncryption: ['GCMAES256', 'GCMAES128', 'AES256', 'AES192', 'AES128', 'DES3', 'DES'],
  ikeIntegrity: ['SHA384', 'SHA256', 'SHA1', 'MD5', 'GCMAES256', 'GCMAES128'],
  dhGroup: ['DHGroup24', 'ECP384', 'ECP256', 'DHGroup14', 'DHGroup2048', 'DHGroup2', 'DHGroup1', 'None'],
  ipsecEncryption: ['GCMAES256', 'GCMAES192', 'GCMAES128', 'AES256', 'AES192', 'AES128', 'DES3', 'DES', 'None'],
  ipsecIntegrity: ['GCMAES256', 'GCMAES192', 'GCMAES128', 'SHA256', 'SHA1', 'MD5'],
  pfsGroup: ['PFS24', 'ECP384', 'ECP256', 'PFS2048', 'PFS14', 'PFSMM', 'PFS2', 'PFS1', 'None'],
} as const;

/** Named presets offered by the wizard; "strong" is the default (vWAN recommended list, domain §7.2). */
export const IPSEC_PRESETS: Record<string, { label: string; policy: IpsecPolicy }> = {
  strong: {
    label: 'Strong (IKEv2 GCMAES256/SHA384, ECP384; IPsec GCMAES256, PFS ECP384)',
    policy: { saLifeTimeSeconds: 3600, saDataSizeKilobytes: 102400000, ikeEncryption: 'GCMAES256', ikeIntegrity: 'SHA384', dhGroup: 'ECP384', ipsecEncryption: 'GCMAES256', ipsecIntegrity: 'GCMAES256', pfsGroup: 'ECP384' },
  },
  compatible: {
    label: 'Compatible (IKE AES256/SHA256, DHGroup14; IPsec GCMAES256, PFS14)',
    policy: { saLifeTimeSeconds: 3600, saDataSizeKilobytes: 102400000, ikeEncryption: 'AES256', ikeIntegrity: 'SHA256', dhGroup: 'DHGroup14', ipsecEncryption: 'GCMAES256', ipsecIntegrity: 'GCMAES256', pfsGroup: 'PFS14' },
  },
  'aes-sha': {
    label: 'AES/SHA (IKE AES256/SHA256, ECP256; IPsec AES256/SHA256, PFS ECP256) for devices without GCM',
    policy: { saLifeTimeSeconds: 3600, saDataSizeKilobytes: 102400000, ikeEncryption: 'AES256', ikeIntegrity: 'SHA256', dhGroup: 'ECP256', ipsecEncryption: 'AES256', ipsecIntegrity: 'SHA256', pfsGroup: 'ECP256' },
  },
};

/** Values the linter calls weak or broken (domain §7.1 "Error" list plus SHA1): refused unless forced. */
const WEAK: Record<string, Set<string>> = {
  ikeEncryption: new Set(['DES', 'DES3']),
  ipsecEncryption: new Set(['DES', 'DES3', 'None']),
  ikeIntegrity: new Set(['MD5', 'SHA1']),
  ipsecIntegrity: new Set(['MD5', 'SHA1']),
  dhGroup: new Set(['DHGroup1', 'DHGroup2', 'None']),
  pfsGroup: new Set(['PFS1', 'PFS2']),
};

/** Problems with a policy: weak algorithms, GCM mismatch, short SA lifetime. Empty when the policy is sound. */
export function ipsecProblems(p: IpsecPolicy): string[] {
  const out: string[] = [];
  for (const [field, weak] of Object.entries(WEAK)) {
    const v = String((p as unknown as Record<string, unknown>)[field] ?? '');
    if (weak.has(v)) out.push(`${field} ${v} is weak or broken`);
  }
  if (p.ipsecEncryption.startsWith('GCM') && p.ipsecIntegrity !== p.ipsecEncryption) {
    out.push(`ipsecIntegrity must equal ipsecEncryption when it is GCM (${p.ipsecEncryption}/${p.ipsecEncryption})`);
  }
  if (p.saLifeTimeSeconds < 300) out.push('saLifeTimeSeconds below the 300 s minimum');
  if (p.saDataSizeKilobytes < 1024) out.push('saDataSizeKilobytes below the 1024 KB minimum');
  return out;
}

/** Builds a policy from a preset name plus per-field overrides ("ikeEncryption=AES256,..."). */
export function policyFrom(preset: string, overrides: Record<string, string> = {}): IpsecPolicy | string {
  const base = IPSEC_PRESETS[preset];
  if (!base) return `IPsec preset "${preset}": one of ${Object.keys(IPSEC_PRESETS).join(', ')}`;
  const p: IpsecPolicy = { ...base.policy };
  for (const [k, v] of Object.entries(overrides)) {
    if (k === 'saLifeTimeSeconds' || k === 'saDataSizeKilobytes') {
      if (!/^\d+$/.test(v)) return `${k} "${v}": a whole number`;
      p[k] = Number(v);
      continue;
    }
    const allowed = (IPSEC_ENUMS as Record<string, readonly string[]>)[k];
    if (!allowed) return `IPsec field "${k}": one of ${Object.keys(IPSEC_ENUMS).join(', ')}, saLifeTimeSeconds, saDataSizeKilobytes`;
    if (!allowed.includes(v)) return `${k} "${v}": one of ${allowed.join(', ')}`;
    (p as unknown as Record<string, unknown>)[k] = v;
  }
  return p;
}

/** Length of generated pre-shared keys: 40 letters/digits ≈ 238 bits of entropy. */
export const GENERATED_KEY_LENGTH = 40;

/**
 * A strong random pre-shared key: crypto.randomBytes as base64url with '-' and '_' dropped, so the key is letters and
 * digits only (some on-premises devices mishandle symbols) and uniform over those 62 characters.
 */
export function generateSharedKey(): string {
  let out = '';
  while (out.length < GENERATED_KEY_LENGTH) out += randomBytes(48).toString('base64url').replace(/[-_]/g, '');
  return out.slice(0, GENERATED_KEY_LENGTH);
}

/** Warnings for a user-chosen shared key that is valid but weak (domain §7.3). */
export function sharedKeyWarnings(key: string): string[] {
  const w: string[] = [];
  if (key.length < 20) w.push('the shared key is shorter than 20 characters; a generated key is stronger');
  if (/[^A-Za-z0-9_-]/.test(key)) w.push('the shared key has symbols some on-premises devices mishandle');
  return w;
}
