import { describe, expect, it } from 'vitest';
import type { FieldContext, Validator } from '../../src/actions/validate.js';
import {
  validateAsn, validateAuthKey, validateBool, validateDpd, validateMd5, validateName, validatePrefix125, validatePrefix29, validatePrefix30,
  validateRoutingWeight, validateSaLifetime, validateSharedKey, validateVlan,
} from '../../src/actions/validate.js';

const ctx = (extra: Partial<FieldContext> = {}): FieldContext => ({ values: {}, ...extra });

type Row = [name: string, v: Validator, value: string, expected: RegExp | undefined, extra?: Partial<FieldContext>];

// Each row: a value and the message it must produce (undefined = valid). Messages must say what is allowed.
const ROWS: Row[] = [
  ['name ok', validateName, 'conn-ams_1', undefined],
  ['name ok single char', validateName, 'a', undefined],
  ['name leading dash', validateName, '-conn', /1–80 characters: letters, digits, '\.', '-', '_'; must start with a letter or digit and end with a letter, digit or '_'/],
  ['name trailing dot', validateName, 'conn.', /must start with a letter or digit and end with a letter, digit or '_'/],
  ['name too long', validateName, 'a'.repeat(81), /1–80 characters/],
  ['name space', validateName, 'my conn', /letters, digits/],
  ['name empty', validateName, '', /1–80 characters/],
  ['weight 0', validateRoutingWeight, '0', undefined],
  ['weight 32000', validateRoutingWeight, '32000', undefined],
  ['weight 32001', validateRoutingWeight, '32001', /0–32000/],
  ['weight negative', validateRoutingWeight, '-1', /0–32000/],
  ['weight decimal', validateRoutingWeight, '1.5', /whole number 0–32000/],
  ['weight text', validateRoutingWeight, 'high', /0–32000/],
  ['vlan 1', validateVlan, '1', undefined],
  ['vlan 4094', validateVlan, '4094', undefined],
  ['vlan 0', validateVlan, '0', /1–4094/],
  ['vlan 4095', validateVlan, '4095', /1–4094/],
  ['vlan used', validateVlan, '100', /already used by another peering.*100, 200/, { usedVlans: [100, 200] }],
  ['asn private ok', validateAsn, '65010', undefined],
  ['asn 32-bit ok', validateAsn, '4200000000', undefined],
  ['asn 0', validateAsn, '0', /1–4294967295/],
  ['asn too big', validateAsn, '4294967296', /1–4294967295/],
  ['asn 65515', validateAsn, '65515', /reserved by Microsoft/],
  ['asn 65520', validateAsn, '65520', /reserved by Microsoft/],
  ['asn 23456', validateAsn, '23456', /AS_TRANS/],
  ['asn 12076', validateAsn, '12076', /used by Azure/],
  ['asn doc range', validateAsn, '64500', /documentation/],
  ['/30 ok', validatePrefix30, '10.0.0.0/30', undefined],
  ['/30 not aligned', validatePrefix30, '10.0.0.1/30', /not the network address.*10\.0\.0\.0\/30/],
  ['/30 wrong size', validatePrefix30, '10.0.0.0/29', /IPv4 \/30/],
  ['/30 garbage', validatePrefix30, '10.0.0/30', /IPv4 \/30/],
  ['/30 overlap', validatePrefix30, '10.0.0.4/30', /overlaps 10\.0\.0\.0\/29/, { usedPrefixes: ['10.0.0.0/29'] }],
  ['/30 documentation range on Microsoft peering', validatePrefix30, '203.0.113.0/30', /public addresses/, { peeringType: 'MicrosoftPeering' }],
  ['/30 private on Microsoft peering', validatePrefix30, '10.0.0.0/30', /public addresses/, { peeringType: 'MicrosoftPeering' }],
  ['/30 public on Microsoft peering', validatePrefix30, '194.54.42.0/30', undefined, { peeringType: 'MicrosoftPeering' }],
  ['/29 ok', validatePrefix29, '192.168.250.8/29', undefined],
  ['/29 as /30', validatePrefix29, '192.168.250.16/30', /IPv4 \/29/],
  ['/29 unaligned', validatePrefix29, '192.168.250.4/29', /use 192\.168\.250\.0\/29/],
  ['/29 overlap', validatePrefix29, '192.168.250.0/29', /overlaps 192\.168\.250\.0\/24/, { usedPrefixes: ['192.168.250.0/24'] }],
  ['/29 ipv6', validatePrefix29, 'fd00::/29', /IPv4 \/29/],
  ['/125 ok', validatePrefix125, 'fd00:1::/125', undefined],
  ['/125 empty ok', validatePrefix125, '', undefined],
  ['/125 wrong', validatePrefix125, 'fd00:1::/64', /IPv6 \/125/],
  ['md5 ok', validateMd5, 'abc123', undefined],
  ['md5 empty ok', validateMd5, '', undefined],
  ['md5 too long', validateMd5, 'a'.repeat(26), /at most 25 letters or digits/],
  ['md5 symbol', validateMd5, 'abc!', /no spaces or symbols/],
  ['auth key ok', validateAuthKey, '946a1918-b7a2-4917-b43c-8c4cdaee006a', undefined],
  ['auth key bad', validateAuthKey, 'not-a-key', /GUID/],
  ['shared key ok', validateSharedKey, 'Abc123!xyz', undefined],
  ['shared key space', validateSharedKey, 'has space', /1–128 printable ASCII/],
  ['shared key long', validateSharedKey, 'a'.repeat(129), /1–128/],
  ['dpd 9', validateDpd, '9', undefined],
  ['dpd 8', validateDpd, '8', /9–3600/],
  ['dpd 3601', validateDpd, '3601', /9–3600/],
  ['sa 299', validateSaLifetime, '299', /300–172799/],
  ['bool yes', validateBool, 'yes', /true or false/],
];

describe('field validators (table-driven)', () => {
  it.each(ROWS)('%s', (_n, v, value, expected, extra) => {
    const out = v(value, ctx(extra));
    if (expected === undefined) expect(out).toBeUndefined();
    else expect(out).toMatch(expected);
  });
});
