import { DOCS } from '../docs.js';
import { props } from '../model.js';
import { defineRule, num, shortName } from '../rule-kit.js';
import type { Severity } from '../types.js';
import { keyState } from './authorization.js';
import { ipsecPolicies, usesPsk, vpnTunnels } from './vpn-common.js';

// domain.md §7.1 [IPSEC] and §7.2 [vWAN IPsec]: no official deprecated list; the proposal is DES/3DES/MD5/DHGroup1-2/PFS1-2
// as errors (high), SHA1 as a warning (medium). IPsec encryption None (no encryption) is medium: §7.1 lists it as an
// error, §7.2 as acceptable on vWAN.
const WEAK: Record<string, Record<string, Severity>> = {
  ikeEncryption: { des: 'high', des3: 'high', '3des': 'high' },
  ipsecEncryption: { des: 'high', des3: 'high', '3des': 'high', none: 'medium' },
  ikeIntegrity: { md5: 'high', sha1: 'medium' },
  ipsecIntegrity: { md5: 'high', sha1: 'medium' },
  dhGroup: { dhgroup1: 'high', dhgroup2: 'high' },
  pfsGroup: { pfs1: 'high', pfs2: 'high' },
};

/** A policy both VNet gateways and vWAN accept (§7.1/§7.2 recommended values); lifetimes are kept from the old policy. */
export function strongPreset(old: Record<string, unknown>): Record<string, unknown> {
  return {
    ikeEncryption: 'GCMAES256',
    ikeIntegrity: 'SHA384',
    dhGroup: 'ECP384',
    ipsecEncryption: 'GCMAES256',
    ipsecIntegrity: 'GCMAES256',
    pfsGroup: 'ECP384',
    saLifeTimeSeconds: (num(old.saLifeTimeSeconds) ?? 0) >= 300 ? old.saLifeTimeSeconds : 27000,
    saDataSizeKilobytes: (num(old.saDataSizeKilobytes) ?? 0) >= 1024 ? old.saDataSizeKilobytes : 102400000,
  };
}

/** Broken or deprecated IPsec/IKE algorithms in a custom policy (domain.md §7.1–§7.2). */
export const vpnWeakIpsec = defineRule(
  { id: 'vpn-weak-ipsec', title: 'Weak IPsec/IKE algorithms', category: 'vpn', severity: 'high', docs: DOCS.vwanIpsec, source: [{ url: DOCS.vwanIpsec, quote: 'The default policy includes SHA1, DHGroup2 and 3DES for backward compatibility. These are weaker and are not offered when you build a custom policy.' }] },
  (m, emit) => {
    for (const t of vpnTunnels(m)) {
      const policies = ipsecPolicies(t);
      const evidence: Record<string, unknown> = {};
      let worst: Severity | undefined;
      policies.forEach((p, i) => {
        for (const [field, weak] of Object.entries(WEAK)) {
          const sev = typeof p[field] === 'string' ? weak[(p[field] as string).toLowerCase()] : undefined;
          if (!sev) continue;
          evidence[`properties.ipsecPolicies[${i}].${field}`] = p[field];
          if (!worst || sev === 'high') worst = sev;
        }
      });
      if (!worst) continue;
      emit(t.id, {
        severity: worst,
        reason: `${shortName(t.id)} negotiates with ${[...new Set(Object.values(evidence).map(String))].join(', ')}. ${worst === 'high' ? 'These are broken or deprecated algorithms (DES/3DES, MD5, 768/1024-bit DH) that an attacker can defeat.' : 'SHA1 (or no IPsec encryption) is weaker than current recommendations.'} Microsoft recommends GCMAES/AES256 with SHA256/384 and ECP256/384 or DHGroup14/24; the on-premises device must be changed to match.`,
        evidence,
        fix: { kind: 'ipsec-preset', description: 'Apply the strong preset (GCMAES256, SHA384, ECP384, PFS ECP384) on both sides', targetId: t.id, patch: { ipsecPolicies: policies.map(strongPreset) } },
      });
    }
  },
);

// domain.md §7.1 [IPSEC]: if IPsec encryption is GCM, IPsec integrity must be the same GCM algorithm.
export const vpnGcmMismatch = defineRule(
  { id: 'vpn-gcm-mismatch', title: 'GCM encryption with a different integrity algorithm', category: 'vpn', severity: 'high', docs: DOCS.ipsec, source: [{ url: DOCS.ipsec, quote: 'If IPsec encryption is GCM, IPsec integrity must be the same GCM algorithm.' }] },
  (m, emit) => {
    for (const t of vpnTunnels(m)) {
      const policies = ipsecPolicies(t);
      policies.forEach((p, i) => {
        const enc = String(p.ipsecEncryption ?? '');
        const integ = String(p.ipsecIntegrity ?? '');
        const gcm = /^gcm/i.test(enc) || /^gcm/i.test(integ);
        if (!gcm || enc.toLowerCase() === integ.toLowerCase()) return;
        const value = /^gcm/i.test(enc) ? enc : integ;
        emit(t.id, {
          reason: `Policy ${i} pairs IPsec encryption ${enc} with integrity ${integ}. With GCM both must be the same GCM algorithm; Azure rejects or fails to negotiate this policy.`,
          evidence: { [`properties.ipsecPolicies[${i}].ipsecEncryption`]: p.ipsecEncryption, [`properties.ipsecPolicies[${i}].ipsecIntegrity`]: p.ipsecIntegrity },
          fix: { kind: 'set-property', description: `Set both IPsec encryption and integrity to ${value}`, targetId: t.id, patch: { ipsecPolicies: policies.map((q, j) => (j === i ? { ...q, ipsecEncryption: value, ipsecIntegrity: value } : q)) } },
        });
      });
    }
  },
);

// domain.md §7.1 [IPSEC]: DPD timeout 9–3600 s, default 45, 30–45 recommended. 0 is read as "not set" (inference).
export const vpnDpdOutOfRange = defineRule(
  { id: 'vpn-dpd-out-of-range', title: 'DPD timeout outside 9–3600 seconds', category: 'vpn', severity: 'medium', docs: DOCS.ipsec, source: [{ url: DOCS.ipsec, quote: 'DPD timeout: 9-3,600 s, default 45; 30-45 s recommended.' }] },
  (m, emit) => {
    for (const t of vpnTunnels(m)) {
      const dpd = num(props(t).dpdTimeoutSeconds);
      if (dpd === undefined || dpd === 0 || (dpd >= 9 && dpd <= 3600)) continue;
      emit(t.id, {
        reason: `Dead peer detection timeout ${dpd} s is outside the allowed 9–3600 s. Too short drops healthy tunnels on a lost packet; too long leaves dead tunnels up for ages.`,
        evidence: { 'properties.dpdTimeoutSeconds': dpd },
        fix: { kind: 'set-property', description: 'Set the DPD timeout to the default 45 s', targetId: t.id, patch: { dpdTimeoutSeconds: 45 } },
      });
    }
  },
);

// domain.md §7.1 [IPSEC]: quick-mode SA lifetime minimum 300 s and 1,024 KB (0 read as "not set", inference).
export const vpnSaLifetimeLow = defineRule(
  { id: 'vpn-sa-lifetime-low', title: 'IPsec SA lifetime below the minimum', category: 'vpn', severity: 'medium', docs: DOCS.ipsec, source: [{ url: DOCS.ipsec, quote: 'Quick-mode SA lifetime in seconds: minimum 300. Quick-mode SA lifetime in KB: minimum 1,024.' }] },
  (m, emit) => {
    for (const t of vpnTunnels(m)) {
      const policies = ipsecPolicies(t);
      policies.forEach((p, i) => {
        const secs = num(p.saLifeTimeSeconds);
        const kb = num(p.saDataSizeKilobytes);
        const lowSecs = secs !== undefined && secs > 0 && secs < 300;
        const lowKb = kb !== undefined && kb > 0 && kb < 1024;
        if (!lowSecs && !lowKb) return;
        emit(t.id, {
          reason: `Policy ${i} sets a quick-mode SA lifetime of ${[lowSecs ? `${secs} s` : '', lowKb ? `${kb} KB` : ''].filter(Boolean).join(' / ')}, below the minimum of 300 s / 1,024 KB. Azure rejects it or the tunnel rekeys constantly.`,
          evidence: { [`properties.ipsecPolicies[${i}].saLifeTimeSeconds`]: p.saLifeTimeSeconds, [`properties.ipsecPolicies[${i}].saDataSizeKilobytes`]: p.saDataSizeKilobytes },
          fix: { kind: 'set-property', description: 'Use the defaults (27,000 s / 102,400,000 KB)', targetId: t.id, patch: { ipsecPolicies: policies.map((q, j) => (j === i ? { ...q, ...(lowSecs ? { saLifeTimeSeconds: 27000 } : {}), ...(lowKb ? { saDataSizeKilobytes: 102400000 } : {}) } : q)) } },
        });
      });
    }
  },
);

const MIN_PSK = 16;

// domain.md §7.3: PSK 1–128 characters (reset API keyLength 1–128); no documented minimum, so "short" (< 16) and
// non-alphanumeric are inferences. An absent property is not "missing": ARM omits sharedKey from GETs without
// sharedKey permissions, so only an explicitly empty value counts.
export const vpnSharedKeyWeak = defineRule(
  { id: 'vpn-shared-key-weak', title: 'VPN shared key missing or weak', category: 'vpn', severity: 'medium', docs: DOCS.vpnFaq, source: [{ url: DOCS.specVng, quote: 'The reset API takes keyLength 1-128.' }, { url: DOCS.vpnFaq, quote: 'A PSK mismatch appears in VPN troubleshoot as the fault Authentication (Preshared key mismatch).' }] },
  (m, emit) => {
    for (const t of vpnTunnels(m)) {
      if (!usesPsk(t)) continue;
      const raw = props(t).sharedKey;
      if (raw === '') {
        emit(t.id, { severity: 'high', reason: `${shortName(t.id)} authenticates with a pre-shared key but the key is empty, so IKE authentication cannot succeed.`, evidence: { 'properties.sharedKey (status)': 'empty' } });
        continue;
      }
      if (keyState(raw) !== 'real') continue;
      const key = String(raw);
      const problems: string[] = [];
      let severity: 'high' | 'medium' | 'low' = 'low';
      if (key.length > 128) { problems.push('longer than 128 characters'); severity = 'high'; }
      if (key.length < MIN_PSK) { problems.push(`shorter than ${MIN_PSK} characters`); if (severity !== 'high') severity = 'medium'; }
      if (!/^[A-Za-z0-9]+$/.test(key)) problems.push('contains non-alphanumeric characters some devices mishandle');
      if (problems.length === 0) continue;
      emit(t.id, {
        severity,
        reason: `The pre-shared key of ${shortName(t.id)} is ${problems.join(' and ')}. Use a long random alphanumeric key (Azure accepts 1–128 characters) and set the same on the device.`,
        evidence: { 'properties.sharedKey (status)': 'present, value not shown', findings: problems },
      });
    }
  },
);

/** VPN IPsec/IKE rules. */
export const VPN_IPSEC_RULES = [vpnWeakIpsec, vpnGcmMismatch, vpnDpdOutOfRange, vpnSaLifetimeLow, vpnSharedKeyWeak];
