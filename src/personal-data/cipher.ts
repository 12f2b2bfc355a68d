// Encryption at rest for personal data (ID-card and phone numbers): AES-256-GCM with a random IV,
// plus a keyed hash (HMAC-SHA-256 under a key derived from the data key) for exact matching.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export interface Cipher {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** Equal inputs give equal hashes; the hash reveals nothing without the key. */
  hash(normalised: string): string;
}

const FORMAT = "v1";

const IV_BYTES = 12;
const TAG_BYTES = 16;
/** IVs drawn from the CSPRNG a few thousand at a time: one randomBytes call per IV costs as much as the encryption. */
const IV_POOL = IV_BYTES * 4096;

/** The key behind each cipher this module made, for a worker thread that must build the same cipher. */
const KEYS = new WeakMap<Cipher, Buffer>();

/** The data key of a cipher made by createCipher, to hand to a worker thread of this process (never to log or send). */
export function cipherKey(cipher: Cipher): Buffer {
  const key = KEYS.get(cipher);
  if (!key) throw new Error("this cipher was not made by createCipher: its key cannot be handed on");
  return key;
}

export function createCipher(key: Buffer): Cipher {
  if (key.length !== 32) throw new Error("data key must be 32 bytes (AES-256)");
  const hashKey = Buffer.from(crypto.hkdfSync("sha256", key, Buffer.alloc(0), "tongban keyed hash", 32));
  const secret = crypto.createSecretKey(key);
  let ivs = Buffer.alloc(0);
  let next = 0;
  const cipher: Cipher = {
    encrypt(plain) {
      if (next + IV_BYTES > ivs.length) {
        ivs = crypto.randomBytes(IV_POOL);
        next = 0;
      }
      const iv = ivs.subarray(next, (next += IV_BYTES));
      const c = crypto.createCipheriv("aes-256-gcm", secret, iv);
      const body = c.update(plain, "utf8");
      c.final();
      const out = Buffer.allocUnsafe(IV_BYTES + TAG_BYTES + body.length);
      iv.copy(out, 0);
      c.getAuthTag().copy(out, IV_BYTES);
      body.copy(out, IV_BYTES + TAG_BYTES);
      return `${FORMAT}:${out.toString("base64")}`;
    },
    decrypt(stored) {
      const [format, payload] = stored.split(":");
      if (format !== FORMAT || !payload) throw new Error("unknown ciphertext format");
      const raw = Buffer.from(payload, "base64");
      if (raw.length < 28) throw new Error("ciphertext too short");
      // A fixed tag length: GCM otherwise accepts a tag cut down to 4 bytes, which makes forgeries cheap.
      const d = crypto.createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12), { authTagLength: 16 });
      d.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString("utf8");
    },
    hash(normalised) {
      return crypto.createHmac("sha256", hashKey).update(normalised).digest("base64url");
    },
  };
  KEYS.set(cipher, Buffer.from(key));
  return cipher;
}

/** Parses a configured key (base64 or hex, 32 bytes). */
export function parseKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  if (key.length !== 32) throw new Error("TONGBAN_DATA_KEY must be 32 bytes, base64 or hex encoded");
  return key;
}

/**
 * The data key: TONGBAN_DATA_KEY when set; otherwise a key file beside the local data, generated on first
 * use with 0600 permissions. Losing the key makes stored ID and phone numbers unreadable: back it up.
 */
export function loadDataKey(configured: string | undefined, dataDir: string): Buffer {
  if (configured) return parseKey(configured);
  const file = path.join(dataDir, "data.key");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64") + "\n", { mode: 0o600, flag: "wx" });
  }
  fs.chmodSync(file, 0o600);
  return parseKey(fs.readFileSync(file, "utf8"));
}
