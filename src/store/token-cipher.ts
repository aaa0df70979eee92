import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ConfigError } from '../errors.ts';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const VERSION = 'v1';

/** A 32-byte key as 64 hex digits or 44 base64 characters; anything else is not a key. */
export function parseEncryptionKey(text: string, variable: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : /^[A-Za-z0-9+/]{43}=$/.test(text) ? Buffer.from(text, 'base64') : undefined;
  if (!key || key.length !== 32) {
    throw new ConfigError(`${variable} is malformed: it must be a 32-byte key, as 64 hex digits or base64 (make one with \`openssl rand -base64 32\`).`);
  }
  return key;
}

/**
 * Secrets at rest (Slack tokens): AES-256-GCM with a random 96-bit IV per value, the authentication tag
 * kept beside it and a context (`aad`, e.g. the workspace id) bound in, so a value copied onto another
 * row does not decrypt. Stored as `v1:<iv>:<tag>:<ciphertext>`, base64.
 */
export class TokenCipher {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('TokenCipher needs a 32-byte key');
  }

  encrypt(plaintext: string, aad: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key, iv).setAAD(Buffer.from(aad, 'utf8'));
    const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), sealed.toString('base64')].join(':');
  }

  /** Throws when the value was not sealed with this key and context (wrong key, tampering). */
  decrypt(sealed: string, aad: string): string {
    const [version, iv, tag, data] = sealed.split(':');
    if (version !== VERSION || !iv || !tag || data === undefined) throw new Error('not a sealed value');
    const decipher = createDecipheriv(ALGORITHM, this.key, Buffer.from(iv, 'base64')).setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
  }
}
