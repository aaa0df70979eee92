import { webcrypto } from 'node:crypto';

/** The headers Discord signs every interaction request with. */
export const SIGNATURE_HEADER = 'x-signature-ed25519';
export const TIMESTAMP_HEADER = 'x-signature-timestamp';

const HEX = /^(?:[0-9a-fA-F]{2})+$/;

/**
 * Checks Discord's request signatures: Ed25519 over `timestamp + body` with the application's public
 * key (DISCORD_PUBLIC_KEY), verified by WebCrypto. The key is imported once.
 */
export class SignatureVerifier {
  private readonly key: Promise<webcrypto.CryptoKey>;

  constructor(publicKeyHex: string) {
    this.key = webcrypto.subtle.importKey('raw', Buffer.from(publicKeyHex, 'hex'), { name: 'Ed25519' }, false, ['verify']);
  }

  /** True only for a well-formed signature that matches; a missing or malformed header is false, never a throw. */
  async verify(signatureHex: string | undefined, timestamp: string | undefined, body: Buffer): Promise<boolean> {
    if (!signatureHex || !timestamp || signatureHex.length !== 128 || !HEX.test(signatureHex)) return false;
    const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), body]);
    try {
      return await webcrypto.subtle.verify('Ed25519', await this.key, Buffer.from(signatureHex, 'hex'), signed);
    } catch {
      return false;
    }
  }
}
