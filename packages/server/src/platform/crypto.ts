import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Keys for field encryption (AES-256-GCM, several ids for rotation) and the blind index (HMAC-SHA256). */
export interface KeyRing {
  currentKeyId: string;
  encKeys: Record<string, Buffer>;
  hmacKey: Buffer;
}

/** Field encryption and blind indexing. Ciphertext format: `v1:<keyId>:<iv b64>:<tag b64>:<data b64>`. */
export interface FieldCrypto {
  encrypt(plain: string): string;
  decrypt(cipher: string): string;
  /** Deterministic keyed hash for exact lookups (normalised input). */
  blindIndex(value: string): string;
  /**
   * Keyed tag of a fact of one record, salted by the record (`scope`, e.g. `<county>:<personId>`): the first 32 hex
   * digits of HMAC-SHA256(factKey, `<scope>:<fact>`), where factKey = HMAC-SHA256(hmacKey, {@link FACT_KEY_PURPOSE}).
   * Equal facts of two records give different tags; SQL recomputes a tag with {@link FieldCrypto.factPads}.
   */
  factTag(scope: string, fact: string): string;
  /** The HMAC inner and outer pads of the fact key (64 bytes each), so SQL can recompute a tag (the PMTCT measures). */
  factPads(): FactPads;
  keyId: string;
}

/** What the fact key is derived for (a key of its own, never the blind index's). */
export const FACT_KEY_PURPOSE = 'fuyou/exposed-infant-facts/v1';
/** Hex digits of a fact tag (128 bits). */
export const FACT_TAG_HEX = 32;

/** HMAC-SHA256's pads of a key (64-byte block): key XOR 0x36 (inner) and key XOR 0x5c (outer). */
export interface FactPads {
  ipad: Buffer;
  opad: Buffer;
}

function hmacPads(key: Buffer): FactPads {
  const block = Buffer.alloc(64);
  (key.length > 64 ? createHash('sha256').update(key).digest() : key).copy(block);
  return { ipad: Buffer.from(block.map((b) => b ^ 0x36)), opad: Buffer.from(block.map((b) => b ^ 0x5c)) };
}

/** Creates the field crypto from a key ring. */
export function createFieldCrypto(keys: KeyRing): FieldCrypto {
  const factKey = createHmac('sha256', keys.hmacKey).update(FACT_KEY_PURPOSE).digest();
  const pads = hmacPads(factKey);
  return {
    keyId: keys.currentKeyId,
    encrypt(plain) {
      const key = keys.encKeys[keys.currentKeyId];
      if (!key) throw new Error('current encryption key missing');
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return `v1:${keys.currentKeyId}:${iv.toString('base64')}:${c.getAuthTag().toString('base64')}:${data.toString('base64')}`;
    },
    decrypt(cipher) {
      const [v, keyId, iv, tag, data] = cipher.split(':');
      const key = keyId ? keys.encKeys[keyId] : undefined;
      if (v !== 'v1' || !key || !iv || !tag || data === undefined) throw new Error('cannot decrypt field');
      const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      d.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([d.update(Buffer.from(data, 'base64')), d.final()]).toString('utf8');
    },
    blindIndex(value) {
      return createHmac('sha256', keys.hmacKey).update(value.trim().toUpperCase()).digest('base64url');
    },
    factTag(scope, fact) {
      return createHmac('sha256', factKey).update(`${scope}:${fact}`).digest('hex').slice(0, FACT_TAG_HEX);
    },
    factPads() {
      return { ipad: Buffer.from(pads.ipad), opad: Buffer.from(pads.opad) };
    },
  };
}

/** A random key ring (tests). */
export function randomKeyRing(): KeyRing {
  return { currentKeyId: 'k1', encKeys: { k1: randomBytes(32) }, hmacKey: randomBytes(32) };
}

/**
 * Loads the key ring: env FUYOU_ENC_KEY / FUYOU_HMAC_KEY (base64, 32 bytes) win; otherwise `<dataDir>/keys.json`,
 * created on first run with permissions 0600.
 */
export function loadKeyRing(dataDir: string, env: NodeJS.ProcessEnv = process.env): KeyRing {
  if (env.FUYOU_ENC_KEY && env.FUYOU_HMAC_KEY) {
    const keyId = env.FUYOU_ENC_KEY_ID ?? 'env1';
    return {
      currentKeyId: keyId,
      encKeys: { [keyId]: decode32(env.FUYOU_ENC_KEY, 'FUYOU_ENC_KEY') },
      hmacKey: decode32(env.FUYOU_HMAC_KEY, 'FUYOU_HMAC_KEY'),
    };
  }
  const file = join(dataDir, 'keys.json');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    const k = randomKeyRing();
    const json = {
      currentKeyId: k.currentKeyId,
      encKeys: Object.fromEntries(Object.entries(k.encKeys).map(([id, b]) => [id, b.toString('base64')])),
      hmacKey: k.hmacKey.toString('base64'),
    };
    writeFileSync(file, JSON.stringify(json, null, 2), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  const raw = JSON.parse(readFileSync(file, 'utf8')) as {
    currentKeyId: string;
    encKeys: Record<string, string>;
    hmacKey: string;
  };
  return {
    currentKeyId: raw.currentKeyId,
    encKeys: Object.fromEntries(Object.entries(raw.encKeys).map(([id, b]) => [id, decode32(b, `keys.json ${id}`)])),
    hmacKey: decode32(raw.hmacKey, 'keys.json hmacKey'),
  };
}

function decode32(b64: string, name: string): Buffer {
  const b = Buffer.from(b64, 'base64');
  if (b.length !== 32) throw new Error(`${name} must be 32 bytes, base64-encoded`);
  return b;
}

/** SHA-256 of a session token (tokens are stored hashed). */
export function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** A random opaque token (256 bits, base64url). */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}
