/**
 * Field encryption at rest (R2.4, R10.3): AES-256-GCM per field, with key versions so keys can be
 * rotated; a keyed blind index (HMAC-SHA256) to find a BSN without storing it; a keyed pseudonym for
 * the processing log's data-subject id (LDV dpl.core.data_subject_id); and the log's chain key.
 *
 * Ciphertext layout (bytes): version (u16 BE) ‖ iv (12) ‖ tag (16) ‖ ciphertext. The associated data
 * binds a ciphertext to its place (table.column:row id), so a value copied to another row fails to open.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

export interface KeyMaterial {
  /** Data keys by version; the highest version encrypts, every listed version can decrypt. */
  data: Record<string, string>;
  /** Blind-index key for the BSN. Changing it means re-indexing every resident. */
  index: string;
  /** Pseudonym key for the processing log's data-subject id. */
  pseudonym: string;
  /** HMAC key of the processing-log hash chains and checkpoints. */
  log: string;
}

export class KeyringError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyringError';
  }
}

function decodeKey(name: string, b64: string): Buffer {
  const key = Buffer.from(b64, 'base64');
  if (key.length !== 32) throw new KeyringError(`key ${name} must be 32 bytes (base64)`);
  return key;
}

/** Pseudonyms kept per keyring (about 100 bytes each). */
export const PSEUDONYM_CACHE = 20_000;

export class Keyring {
  private readonly dataKeys = new Map<number, Buffer>();
  readonly currentVersion: number;
  private readonly indexKey: Buffer;
  private readonly pseudonymKey: Buffer;
  private readonly pseudonyms = new Map<string, string>();
  readonly logKey: Buffer;

  constructor(material: KeyMaterial) {
    for (const [v, b64] of Object.entries(material.data)) {
      const version = Number(v);
      if (!Number.isInteger(version) || version < 1 || version > 65535) throw new KeyringError('data key versions are 1..65535');
      this.dataKeys.set(version, decodeKey(`data.${v}`, b64));
    }
    if (this.dataKeys.size === 0) throw new KeyringError('at least one data key is required');
    this.currentVersion = Math.max(...this.dataKeys.keys());
    this.indexKey = decodeKey('index', material.index);
    this.pseudonymKey = decodeKey('pseudonym', material.pseudonym);
    this.logKey = decodeKey('log', material.log);
  }

  static generateMaterial(): KeyMaterial {
    const k = () => randomBytes(32).toString('base64');
    return { data: { '1': k() }, index: k(), pseudonym: k(), log: k() };
  }

  encrypt(plaintext: string, aad: string): Uint8Array {
    const key = this.dataKeys.get(this.currentVersion)!;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const header = Buffer.alloc(2);
    header.writeUInt16BE(this.currentVersion);
    return Buffer.concat([header, iv, cipher.getAuthTag(), ct]);
  }

  decrypt(blob: Uint8Array, aad: string): string {
    const buf = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
    if (buf.length < 30) throw new KeyringError('ciphertext too short');
    const version = buf.readUInt16BE(0);
    const key = this.dataKeys.get(version);
    if (!key) throw new KeyringError(`no data key for version ${version}`);
    const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(2, 14));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(buf.subarray(14, 30));
    return Buffer.concat([decipher.update(buf.subarray(30)), decipher.final()]).toString('utf8');
  }

  /** The key version a ciphertext was made with (for `zorgvuldig keys rotate`). */
  static versionOf(blob: Uint8Array): number {
    return (blob[0]! << 8) | blob[1]!;
  }

  /** Keyed blind index of a BSN: equal BSNs give equal indexes; the index reveals nothing without the key. */
  bsnIndex(bsn: string): Uint8Array {
    return createHmac('sha256', this.indexKey).update(`bsn:${bsn}`).digest();
  }

  /**
   * Keyed pseudonym of a data subject for the processing log (hex). Every log entry names one, and a
   * page logs an entry per person shown (the caseload ~65): the HMAC was 3.4 % of the server's CPU on
   * the caseload at city scale (issue 8), so the last PSEUDONYM_CACHE are kept, oldest out first. The
   * cache holds ids and pseudonyms only, next to the key that makes them.
   */
  pseudonym(residentId: string): string {
    let p = this.pseudonyms.get(residentId);
    if (p === undefined) {
      p = createHmac('sha256', this.pseudonymKey).update(`resident:${residentId}`).digest('hex').slice(0, 32);
      if (this.pseudonyms.size >= PSEUDONYM_CACHE) this.pseudonyms.delete(this.pseudonyms.keys().next().value!);
      this.pseudonyms.set(residentId, p);
    }
    return p;
  }
}

/** Associated data for a field: binds the ciphertext to table, column and row. */
export function fieldAad(table: string, column: string, rowId: string): string {
  return `${table}.${column}:${rowId}`;
}
