import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFieldCrypto, FACT_TAG_HEX } from './crypto';

// HMAC key 0xab × 32; the expected values were computed with `openssl dgst -sha256 -mac HMAC`:
// fact key = HMAC(hmacKey, 'fuyou/exposed-infant-facts/v1'), tag = HMAC(fact key, '<scope>:<fact>')
const crypto = createFieldCrypto({
  currentKeyId: 'k1',
  encKeys: { k1: Buffer.alloc(32, 1) },
  hmacKey: Buffer.alloc(32, 0xab),
});
const SCOPE = '330902:00000000-0000-4000-8000-000000000001';

describe('fact tags', () => {
  it('are HMAC-SHA256 under the key derived for the facts, truncated to 128 bits', () => {
    expect(crypto.factTag(SCOPE, 'inf:hiv')).toBe('e4b50e06964b9ff7ee3c418234570b4b');
    expect(FACT_TAG_HEX).toBe(32);
  });

  it('differ between records and between facts', () => {
    const other = '330902:00000000-0000-4000-8000-000000000002';
    expect(crypto.factTag(other, 'inf:hiv')).not.toBe(crypto.factTag(SCOPE, 'inf:hiv'));
    expect(crypto.factTag(SCOPE, 'inf:hbv')).not.toBe(crypto.factTag(SCOPE, 'inf:hiv'));
  });

  it('give SQL the pads: sha256(opad || sha256(ipad || message)) is the tag', () => {
    const { ipad, opad } = crypto.factPads();
    expect(ipad.length).toBe(64);
    expect(opad.length).toBe(64);
    const fk = Buffer.from('04d549b5f8d75840a809db2e45270ad8d5c14ec8f31a4e73c6b0ad7193601152', 'hex');
    expect(ipad.subarray(0, 32)).toEqual(Buffer.from(fk.map((b) => b ^ 0x36)));
    expect(ipad.subarray(32)).toEqual(Buffer.alloc(32, 0x36));
    expect(opad.subarray(32)).toEqual(Buffer.alloc(32, 0x5c));
    const sha = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
    const tag = sha(opad, sha(ipad, Buffer.from(`${SCOPE}:inf:hiv`, 'utf8'))).toString('hex');
    expect(tag.slice(0, FACT_TAG_HEX)).toBe(crypto.factTag(SCOPE, 'inf:hiv'));
  });

  it('do not depend on the blind index', () => {
    expect(crypto.factTag(SCOPE, 'inf:hiv')).not.toBe(crypto.blindIndex(`${SCOPE}:inf:hiv`));
  });
});
