// SPDX-License-Identifier: Apache-2.0
/**
 * The sealed-bid format BSE1 and the committee key file BKF1 in the browser (docs/sealing-format.md is the contract;
 * org.baobab.bidding.sealing is the Java implementation of the same format).
 *
 * An ES module without dependencies: WebCrypto (crypto.subtle, crypto.getRandomValues) for ECDH P-256, HKDF, AES-GCM,
 * PBKDF2, HMAC and one-shot SHA-256; SHA-256 written here for the running hash of the ciphertext, which WebCrypto
 * cannot compute incrementally; Shamir's secret sharing over GF(2^8) written here because no platform has it.
 *
 * Sealing and opening hold one 64 KiB chunk at a time: files are read slice by slice (Blob.slice), never whole.
 * Every failure throws a SealingError whose message says what failed.
 */

export const FORMAT = "BSE1";
export const KEY_FILE_FORMAT = "BKF1";
export const CHUNK_SIZE = 65536;
export const TAG_LENGTH = 16;
export const CIPHER_CHUNK_SIZE = CHUNK_SIZE + TAG_LENGTH;
export const KEY_FILE_ITERATIONS = 600000;
export const MAX_HEADER_LENGTH = 65536;
export const MAX_INTEGER = Number.MAX_SAFE_INTEGER;

const POINT_LENGTH = 65;
const NONCE_LENGTH = 12;
const NONCE_PREFIX_LENGTH = 7;
const KEY_LENGTH = 32;
const SHARE_LENGTH = KEY_LENGTH + 1;
const SALT_LENGTH = 16;
const CHALLENGE_LENGTH = 32;
const MAX_KEY_FILE_ITERATIONS = 100000000;
const KINDS = ["single", "technical", "financial"];
const SHARE_INFO = "baobab sealed bid v1 share";
const ENROLMENT_INFO = "baobab key enrolment v1";
const EC = { name: "ECDH", namedCurve: "P-256" };
/** How many other chunk positions a failed chunk is tried at, to tell a reordered chunk from an altered one. */
const REORDER_SEARCH_LIMIT = 4096;
/** How many chunks of plaintext are read ahead while sealing (and of ciphertext while opening a Blob). */
const READ_AHEAD = 4;

/** What every function of this module throws when something fails; the message says what. */
export class SealingError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = "SealingError";
  }
}

function fail(message, cause) {
  throw new SealingError(message, cause === undefined ? undefined : { cause });
}

const subtle = () => {
  if (!globalThis.crypto || !globalThis.crypto.subtle) {
    fail("WebCrypto is not available (the page must be served over HTTPS or from localhost)");
  }
  return globalThis.crypto.subtle;
};

// ---------------------------------------------------------------------------------------------------------------
// Bytes: UTF-8, base64, hexadecimal

const encoder = new TextEncoder();

/** The UTF-8 bytes of a string; a lone surrogate is an error (TextEncoder would silently replace it). */
export function utf8(text) {
  checkWellFormed(text, "text");
  return encoder.encode(text);
}

/** Decodes strict UTF-8: malformed bytes are an error, and a byte-order mark is kept (and so refused by JSON). */
export function decodeUtf8(bytes, what = "text") {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (e) {
    fail(`${what} is not valid UTF-8`, e);
  }
}

function checkWellFormed(text, what) {
  if (typeof text !== "string") {
    fail(`${what} must be a string`);
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      fail(`${what} holds a lone surrogate at index ${i}`);
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      fail(`${what} holds a lone surrogate at index ${i}`);
    }
  }
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B64_VALUES = (() => {
  const values = new Int16Array(128).fill(-1);
  for (let i = 0; i < 64; i++) {
    values[B64.charCodeAt(i)] = i;
  }
  return values;
})();

/** Base64, standard alphabet, with padding. */
export function toBase64(bytes) {
  bytes = asBytes(bytes, "bytes");
  let out = "";
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += B64[n >>> 18] + B64[(n >>> 12) & 63] + B64[(n >>> 6) & 63] + B64[n & 63];
  }
  if (i + 1 === bytes.length) {
    const n = bytes[i] << 16;
    out += B64[n >>> 18] + B64[(n >>> 12) & 63] + "==";
  } else if (i + 2 === bytes.length) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += B64[n >>> 18] + B64[(n >>> 12) & 63] + B64[(n >>> 6) & 63] + "=";
  }
  return out;
}

/**
 * Decodes strict base64 (standard alphabet, padding required, no white space, unused bits zero), so that each byte
 * string has exactly one encoding; `length`, when given, is the number of bytes expected.
 */
export function fromBase64(text, what = "base64 value", length) {
  if (typeof text !== "string" || text.length % 4 !== 0) {
    fail(`${what} is not base64 (standard alphabet, with padding)`);
  }
  const padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const last = i + 4 === text.length;
    let n = 0;
    for (let j = 0; j < 4; j++) {
      const code = text.charCodeAt(i + j);
      let v = code < 128 ? B64_VALUES[code] : -1;
      if (code === 61 /* = */ && last && j >= 4 - padding) {
        v = 0;
      }
      if (v < 0) {
        fail(`${what} is not base64 (standard alphabet, with padding)`);
      }
      n = (n << 6) | v;
    }
    out[o++] = n >>> 16;
    if (o < out.length) out[o++] = (n >>> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
    if (last && ((padding === 1 && (n & 0xff) !== 0) || (padding === 2 && (n & 0xffff) !== 0))) {
      fail(`${what} is not canonical base64 (its unused bits are not zero)`);
    }
  }
  if (length !== undefined && out.length !== length) {
    fail(`${what} must be ${length} bytes, not ${out.length}`);
  }
  return out;
}

/** Lower-case hexadecimal. */
export function toHex(bytes) {
  bytes = asBytes(bytes, "bytes");
  let out = "";
  for (let i = 0; i < bytes.length; i++) {
    out += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16);
  }
  return out;
}

/** Decodes lower-case hexadecimal. */
export function fromHex(text, what = "hexadecimal value") {
  if (typeof text !== "string" || text.length % 2 !== 0 || !/^[0-9a-f]*$/.test(text)) {
    fail(`${what} is not lower-case hexadecimal`);
  }
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) {
    out[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
  }
  return out;
}

function asBytes(value, what) {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  fail(`${what} must be bytes (Uint8Array or ArrayBuffer)`);
}

/** Bytes given as a Uint8Array/ArrayBuffer, or as base64 text. */
function bytesOrBase64(value, what, length) {
  const bytes = typeof value === "string" ? fromBase64(value, what) : asBytes(value, what);
  if (length !== undefined && bytes.length !== length) {
    fail(`${what} must be ${length} bytes, not ${bytes.length}`);
  }
  return bytes;
}

function concat(...arrays) {
  let length = 0;
  for (const a of arrays) length += a.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const a of arrays) {
    out.set(a, offset);
    offset += a.length;
  }
  return out;
}

function u32(x) {
  return new Uint8Array([(x >>> 24) & 255, (x >>> 16) & 255, (x >>> 8) & 255, x & 255]);
}

function equalBytes(a, b) {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i] ^ b[i];
  return difference === 0;
}

function defaultRandom(n) {
  const out = new Uint8Array(n);
  for (let offset = 0; offset < n; offset += 65536) {
    crypto.getRandomValues(out.subarray(offset, Math.min(n, offset + 65536)));
  }
  return out;
}

function randomBytes(random, n, what) {
  const bytes = random(n);
  if (!(bytes instanceof Uint8Array) || bytes.length !== n) {
    fail(`the random source gave no ${n} bytes for ${what}`);
  }
  return bytes;
}

// ---------------------------------------------------------------------------------------------------------------
// Canonical JSON (docs/sealing-format.md, the same as the transparency log's): keys in code-point order, no white
// space, integers only, `"` and `\` escaped, every U+0000–U+001F as `\u00xx`, everything else as itself.

/** Compares two strings by Unicode code points (not UTF-16 code units, as the default sort does). */
export function compareCodePoints(a, b) {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0) - y[i].codePointAt(0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** The canonical JSON text of a value: keys in code-point order, no white space, integers only. */
export function canonicalJson(value) {
  const out = [];
  writeJson(value, out, 0, "$");
  return out.join("");
}

/** The canonical JSON of a value as UTF-8 bytes: what the format hashes. */
export function canonicalJsonBytes(value) {
  return encoder.encode(canonicalJson(value));
}

function writeJson(value, out, depth, path) {
  if (depth > 64) {
    fail(`canonical JSON: nested deeper than 64 levels at ${path}`);
  }
  if (value === null) {
    out.push("null");
  } else if (value === true || value === false) {
    out.push(value ? "true" : "false");
  } else if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) {
      fail(`canonical JSON: ${value} at ${path} is not an integer within ±(2^53 − 1)`);
    }
    out.push(String(value === 0 ? 0 : value));
  } else if (typeof value === "string") {
    out.push(jsonString(value, path));
  } else if (Array.isArray(value)) {
    out.push("[");
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(",");
      writeJson(value[i], out, depth + 1, `${path}[${i}]`);
    }
    out.push("]");
  } else if (typeof value === "object" && isPlainObject(value)) {
    const keys = Object.keys(value).sort(compareCodePoints);
    out.push("{");
    keys.forEach((key, i) => {
      if (i > 0) out.push(",");
      out.push(jsonString(key, `${path} (a key)`), ":");
      writeJson(value[key], out, depth + 1, `${path}.${key}`);
    });
    out.push("}");
  } else {
    fail(`canonical JSON: cannot write ${typeof value} at ${path} (only objects, arrays, strings, integers, `
      + "booleans and null)");
  }
}

function isPlainObject(value) {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function jsonString(text, path) {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += "\\\\";
    else if (c < 0x20) out += "\\u00" + (c < 16 ? "0" : "") + c.toString(16);
    else if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) {
        fail(`canonical JSON: the string at ${path} holds a lone surrogate at index ${i}`);
      }
      out += text[i] + text[i + 1];
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      fail(`canonical JSON: the string at ${path} holds a lone surrogate at index ${i}`);
    } else out += text[i];
  }
  return out + '"';
}

/**
 * Reads JSON that must already be canonical (UTF-8 bytes or text), as a reader of anything hashed must: anything
 * else (white space, unsorted or duplicate keys, fractions, exponents, escapes other than `\"`, `\\` and `\u00xx`
 * for control characters, a byte order mark, malformed UTF-8) is refused, so that the bytes received are the bytes
 * hashed.
 */
export function parseCanonicalJson(input, what = "JSON") {
  const text = typeof input === "string" ? input : decodeUtf8(asBytes(input, what), what);
  let value;
  try {
    value = JSON.parse(text);
  } catch (e) {
    fail(`${what} is not valid JSON: ${e.message}`, e);
  }
  let canonical;
  try {
    canonical = canonicalJson(value);
  } catch (e) {
    fail(`${what} is not canonical JSON: ${e.message}`, e);
  }
  if (canonical !== text) {
    fail(`${what} is not canonical JSON (members in code-point order of keys, no white space, integers `
      + "only, control characters as \\u00xx and no other escapes, no duplicate keys)");
  }
  return value;
}

/** Whether the text (or UTF-8 bytes) is JSON already in canonical form. */
export function isCanonicalJson(input) {
  try {
    parseCanonicalJson(input);
    return true;
  } catch (e) {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// SHA-256 (FIPS 180-4), incremental

const K256 = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** SHA-256 computed incrementally: `new Sha256().update(a).update(b).digest()`. */
export class Sha256 {
  #h = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  #w = new Int32Array(64);
  #buffer = new Uint8Array(64);
  #buffered = 0;
  #length = 0;
  #done = false;

  /** Adds bytes to the message. */
  update(data) {
    data = asBytes(data, "SHA-256 input");
    if (this.#done) fail("SHA-256: update after digest");
    this.#length += data.length;
    let offset = 0;
    if (this.#buffered > 0) {
      const take = Math.min(64 - this.#buffered, data.length);
      this.#buffer.set(data.subarray(0, take), this.#buffered);
      this.#buffered += take;
      offset = take;
      if (this.#buffered < 64) return this;
      compress(this.#h, this.#w, this.#buffer, 0, 64);
      this.#buffered = 0;
    }
    const whole = offset + ((data.length - offset) & ~63);
    if (whole > offset) compress(this.#h, this.#w, data, offset, whole);
    if (whole < data.length) {
      this.#buffer.set(data.subarray(whole), 0);
      this.#buffered = data.length - whole;
    }
    return this;
  }

  /** The 32-byte hash; the object cannot be updated afterwards. */
  digest() {
    if (this.#done) fail("SHA-256: digest called twice");
    const bits = this.#length * 8;
    const tail = new Uint8Array(this.#buffered < 56 ? 64 : 128);
    tail.set(this.#buffer.subarray(0, this.#buffered));
    tail[this.#buffered] = 0x80;
    const high = Math.floor(bits / 0x100000000);
    const low = bits - high * 0x100000000;
    tail.set(u32(high), tail.length - 8);
    tail.set(u32(low), tail.length - 4);
    compress(this.#h, this.#w, tail, 0, tail.length);
    this.#done = true;
    const out = new Uint8Array(32);
    for (let i = 0; i < 8; i++) out.set(u32(this.#h[i]), 4 * i);
    return out;
  }
}

function compress(h, w, data, offset, end) {
  let h0 = h[0], h1 = h[1], h2 = h[2], h3 = h[3], h4 = h[4], h5 = h[5], h6 = h[6], h7 = h[7];
  for (let p = offset; p < end; p += 64) {
    for (let t = 0; t < 16; t++) {
      const q = p + 4 * t;
      w[t] = (data[q] << 24) | (data[q + 1] << 16) | (data[q + 2] << 8) | data[q + 3];
    }
    for (let t = 16; t < 64; t++) {
      const x = w[t - 15];
      const y = w[t - 2];
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[t] = (w[t - 16] + s0 + w[t - 7] + s1) | 0;
    }
    let a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, hh = h7;
    for (let t = 0; t < 64; t++) {
      const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + s1 + ch + K256[t] + w[t]) | 0;
      const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + s0 + maj) | 0;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
    h5 = (h5 + f) | 0;
    h6 = (h6 + g) | 0;
    h7 = (h7 + hh) | 0;
  }
  h[0] = h0; h[1] = h1; h[2] = h2; h[3] = h3; h[4] = h4; h[5] = h5; h[6] = h6; h[7] = h7;
}

/** SHA-256 of bytes in one go, by WebCrypto. */
export async function sha256(bytes) {
  return new Uint8Array(await subtle().digest("SHA-256", asBytes(bytes, "SHA-256 input")));
}

// ---------------------------------------------------------------------------------------------------------------
// HKDF, points, fingerprints

/** HKDF-SHA256 (RFC 5869) by WebCrypto: `length` bytes from ikm, salt and info (bytes or, for info, text). */
export async function hkdfSha256(ikm, salt, info, length = 32) {
  const key = await subtle().importKey("raw", asBytes(ikm, "HKDF input key"), "HKDF", false, ["deriveBits"]);
  const infoBytes = typeof info === "string" ? utf8(info) : asBytes(info, "HKDF info");
  const bits = await subtle().deriveBits(
    { name: "HKDF", hash: "SHA-256", salt: asBytes(salt, "HKDF salt"), info: infoBytes }, key, length * 8);
  return new Uint8Array(bits);
}

/** `hex(SHA-256(point))`: a public key's fingerprint, 64 hexadecimal digits. */
export async function fingerprint(point) {
  return toHex(await sha256(bytesOrBase64(point, "a public key", POINT_LENGTH)));
}

/** How pages show a fingerprint: its first 32 hexadecimal digits in groups of 4. */
export function shortFingerprint(fingerprintHex) {
  return fingerprintHex.slice(0, 32).match(/.{1,4}/g).join(" ");
}

/**
 * Imports a 65-byte uncompressed P-256 point (bytes or base64) as an ECDH public key; WebCrypto checks that the point
 * is on the curve.
 */
export async function importPoint(point, what = "a public key") {
  const bytes = bytesOrBase64(point, what, POINT_LENGTH);
  if (bytes[0] !== 0x04) {
    fail(`${what} is not an uncompressed P-256 point (0x04 || X || Y)`);
  }
  try {
    return await subtle().importKey("raw", bytes, EC, true, []);
  } catch (e) {
    fail(`${what} is not a point on P-256`, e);
  }
}

/** The 65-byte uncompressed point of an ECDH P-256 public key. */
export async function exportPoint(publicKey) {
  return new Uint8Array(await subtle().exportKey("raw", publicKey));
}

async function ecdh(privateKey, publicKey) {
  return new Uint8Array(await subtle().deriveBits({ name: "ECDH", public: publicKey }, privateKey, 256));
}

/**
 * Imports a P-256 private key for ECDH from PKCS#8 (bytes or base64), checking, when `point` is given, that it is
 * that point's private half. Returns `{privateKey, publicKey, point, fingerprint}` like generateCommitteeKey.
 */
export async function importPrivateKey(pkcs8, point, { extractable = false } = {}) {
  const bytes = bytesOrBase64(pkcs8, "a PKCS#8 private key");
  let key;
  try {
    key = await subtle().importKey("pkcs8", bytes, EC, true, ["deriveBits"]);
  } catch (e) {
    fail("the private key is not a PKCS#8 P-256 key", e);
  }
  const jwk = await subtle().exportKey("jwk", key);
  const own = concat(new Uint8Array([4]), base64UrlBytes(jwk.x), base64UrlBytes(jwk.y));
  if (point !== undefined && !equalBytes(own, bytesOrBase64(point, "the public key", POINT_LENGTH))) {
    fail("the private key is not the private half of the public key " + shortFingerprint(await fingerprint(point)));
  }
  const privateKey = extractable ? key : await subtle().importKey("pkcs8", bytes, EC, false, ["deriveBits"]);
  return {
    privateKey,
    publicKey: await importPoint(own),
    point: own,
    fingerprint: await fingerprint(own),
  };
}

function base64UrlBytes(text) {
  const standard = text.replace(/-/g, "+").replace(/_/g, "/");
  return fromBase64(standard + "=".repeat((4 - (standard.length % 4)) % 4), "a JWK coordinate");
}

/** The point of a key given as `{privateKey, point}` (from this module) or as an extractable private CryptoKey. */
async function keyAndPoint(key, memberPoint) {
  if (key && key.privateKey && !(key instanceof CryptoKey)) {
    return { privateKey: key.privateKey, point: bytesOrBase64(memberPoint ?? key.point, "the key's point", POINT_LENGTH) };
  }
  if (!(key instanceof CryptoKey) || key.type !== "private") {
    fail("a private key is needed (a CryptoKey, or the key pair openKeyFile or generateCommitteeKey gives)");
  }
  if (memberPoint !== undefined) {
    return { privateKey: key, point: bytesOrBase64(memberPoint, "the member's point", POINT_LENGTH) };
  }
  if (!key.extractable) {
    fail("the key's public point is needed: pass the key pair openKeyFile or generateCommitteeKey gives");
  }
  const jwk = await subtle().exportKey("jwk", key);
  return { privateKey: key, point: concat(new Uint8Array([4]), base64UrlBytes(jwk.x), base64UrlBytes(jwk.y)) };
}

// ---------------------------------------------------------------------------------------------------------------
// Shamir's secret sharing over GF(2^8), polynomial x^8 + x^4 + x^3 + x + 1 (0x11B)

/** Multiplication in GF(2^8) modulo 0x11B, without branches or tables that depend on the operands. */
export function gfMul(a, b) {
  let product = 0;
  for (let bit = 0; bit < 8; bit++) {
    product ^= -(b & 1) & a;
    const carry = -((a >> 7) & 1);
    a = ((a << 1) ^ (carry & 0x1b)) & 0xff;
    b >>= 1;
  }
  return product & 0xff;
}

/** The multiplicative inverse in GF(2^8), a^254 (0 for 0). */
export function gfInverse(a) {
  let result = 1;
  let power = a;
  for (let exponent = 254; exponent > 0; exponent >>= 1) {
    const next = gfMul(result, power);
    const take = -(exponent & 1);
    result = (next & take) | (result & ~take);
    power = gfMul(power, power);
  }
  return result & 0xff;
}

/**
 * Splits a secret into n shares, any k of which rebuild it. Share j (index j − 1) is the byte j followed by the value
 * at x = j of each secret byte's polynomial. The k − 1 random coefficients of all bytes come from one call
 * `random((k − 1) × m)`: byte (d − 1) × m + i is the coefficient of x^d for secret byte i (m = secret length).
 */
export function shamirSplit(secret, n, k, random = defaultRandom) {
  secret = asBytes(secret, "the secret");
  checkSplit(secret, n, k);
  const m = secret.length;
  const coefficients = randomBytes(random, (k - 1) * m, "the Shamir coefficients");
  const shares = [];
  for (let x = 1; x <= n; x++) {
    const share = new Uint8Array(m + 1);
    share[0] = x;
    for (let i = 0; i < m; i++) {
      let y = 0;
      for (let d = k - 1; d >= 1; d--) {
        y = gfMul(y, x) ^ coefficients[(d - 1) * m + i];
      }
      share[i + 1] = gfMul(y, x) ^ secret[i];
    }
    shares.push(share);
  }
  coefficients.fill(0);
  return shares;
}

function checkSplit(secret, n, k) {
  if (secret.length === 0) fail("Shamir: the secret is empty");
  if (!Number.isInteger(k) || k < 2) fail(`Shamir: the threshold k must be at least 2, not ${k}`);
  if (!Number.isInteger(n) || k > n) fail(`Shamir: the threshold k (${k}) cannot exceed the number of shares n (${n})`);
  if (n > 255) fail(`Shamir: at most 255 shares over GF(2^8), not ${n}`);
}

/**
 * Rebuilds the secret by Lagrange interpolation at 0. With a threshold, at least that many shares are needed, and any
 * share beyond the first `threshold` must lie on their polynomial (an inconsistent set is refused instead of giving a
 * wrong secret); without one, all shares are used.
 */
export function shamirJoin(shares, threshold) {
  shares = shares.map((share, i) => bytesOrBase64(share, `Shamir share ${i + 1}`));
  const k = threshold ?? shares.length;
  if (!Number.isInteger(k) || k < 2 || k > 255) fail(`Shamir: the threshold must be between 2 and 255, not ${k}`);
  if (shares.length < k) {
    fail(`Shamir: ${k} shares are needed to rebuild the secret, only ${shares.length} given`);
  }
  const length = shares[0].length;
  if (length < 2) fail("Shamir: a share is its x byte followed by at least one value byte");
  const seen = new Set();
  for (const share of shares) {
    if (share.length !== length) fail("Shamir: the shares do not all have the same length");
    if (share[0] === 0) fail("Shamir: a share has x = 0, which would be the secret itself");
    if (seen.has(share[0])) fail(`Shamir: two shares have the same x = ${share[0]}`);
    seen.add(share[0]);
  }
  for (let extra = k; extra < shares.length; extra++) {
    const expected = interpolate(shares, k, shares[extra][0]);
    if (!equalBytes(expected, shares[extra].subarray(1))) {
      fail(`Shamir: the shares are inconsistent: share x=${shares[extra][0]} does not lie on the polynomial of the `
        + `first ${k} shares`);
    }
  }
  return interpolate(shares, k, 0);
}

function interpolate(shares, count, at) {
  const m = shares[0].length - 1;
  const result = new Uint8Array(m);
  for (let j = 0; j < count; j++) {
    const xj = shares[j][0];
    let numerator = 1;
    let denominator = 1;
    for (let i = 0; i < count; i++) {
      if (i !== j) {
        numerator = gfMul(numerator, at ^ shares[i][0]);
        denominator = gfMul(denominator, xj ^ shares[i][0]);
      }
    }
    const basis = gfMul(numerator, gfInverse(denominator));
    for (let b = 0; b < m; b++) {
      result[b] ^= gfMul(shares[j][b + 1], basis);
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// Committee keys: key pairs, key files (BKF1), proof of possession

/** A fresh ECDH P-256 key pair: `{privateKey, publicKey, point, fingerprint}` (the private key extractable, to wrap). */
export async function generateCommitteeKey() {
  const pair = await subtle().generateKey(EC, true, ["deriveBits"]);
  const point = await exportPoint(pair.publicKey);
  return { privateKey: pair.privateKey, publicKey: pair.publicKey, point, fingerprint: await fingerprint(point) };
}

async function wrappingKey(passphrase, salt, iterations) {
  if (typeof passphrase !== "string" || passphrase.length === 0) fail("the passphrase is empty");
  checkWellFormed(passphrase, "the passphrase");
  const material = await subtle().importKey("raw", encoder.encode(passphrase.normalize("NFC")), "PBKDF2", false,
    ["deriveKey"]);
  return subtle().deriveKey({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, material,
    { name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
}

/**
 * The key file (BKF1) protecting a key pair's private key with a passphrase, as canonical JSON text to download.
 * `keyPair` is what generateCommitteeKey gives (or a CryptoKeyPair whose private key is extractable).
 */
export async function createKeyFile(keyPair, passphrase, { iterations = KEY_FILE_ITERATIONS, random = defaultRandom } = {}) {
  if (!Number.isSafeInteger(iterations) || iterations < 1 || iterations > MAX_KEY_FILE_ITERATIONS) {
    fail(`key file: the PBKDF2 iteration count must be between 1 and ${MAX_KEY_FILE_ITERATIONS}, not ${iterations}`);
  }
  if (!keyPair || !keyPair.privateKey) fail("key file: a key pair is needed");
  const point = keyPair.point ? asBytes(keyPair.point, "the public key") : await exportPoint(keyPair.publicKey);
  const print = await fingerprint(point);
  let pkcs8;
  try {
    pkcs8 = new Uint8Array(await subtle().exportKey("pkcs8", keyPair.privateKey));
  } catch (e) {
    fail("key file: the private key cannot be exported (it was not created extractable)", e);
  }
  await importPrivateKey(pkcs8, point, { extractable: false });
  const salt = randomBytes(random, SALT_LENGTH, "the key file's salt");
  const nonce = randomBytes(random, NONCE_LENGTH, "the key file's nonce");
  const key = await wrappingKey(passphrase, salt, iterations);
  const ciphertext = new Uint8Array(await subtle().encrypt(
    { name: "AES-GCM", iv: nonce, additionalData: utf8(`${KEY_FILE_FORMAT}|${print}`), tagLength: 128 }, key, pkcs8));
  pkcs8.fill(0);
  return canonicalJson({
    format: KEY_FILE_FORMAT,
    publicKey: toBase64(point),
    fingerprint: print,
    kdf: { name: "PBKDF2-SHA256", iterations, salt: toBase64(salt) },
    nonce: toBase64(nonce),
    ciphertext: toBase64(ciphertext),
  });
}

/**
 * Reads a key file without its passphrase, checking it (format, KDF, the public key on P-256 and its fingerprint):
 * `{point, fingerprint, iterations, salt, nonce, ciphertext}`, so that a page can say whose key it is.
 */
export async function readKeyFile(json) {
  let file = json;
  if (typeof json === "string") {
    try {
      file = JSON.parse(json);
    } catch (e) {
      fail("this is not a key file (not JSON)", e);
    }
  }
  const fields = new Fields(file, "the key file").exactly("ciphertext", "fingerprint", "format", "kdf", "nonce",
    "publicKey");
  if (fields.string("format") !== KEY_FILE_FORMAT) {
    fail(`this is not a BKF1 key file (format "${fields.string("format")}")`);
  }
  const kdf = fields.object("kdf").exactly("iterations", "name", "salt");
  if (kdf.string("name") !== "PBKDF2-SHA256") fail(`key file: unknown key derivation "${kdf.string("name")}"`);
  const point = fields.b64("publicKey", POINT_LENGTH);
  await importPoint(point, "the key file's public key");
  const print = await fingerprint(point);
  if (fields.string("fingerprint") !== print) fail("key file: the fingerprint is not the public key's");
  return {
    point,
    fingerprint: print,
    iterations: kdf.integer("iterations", 1, MAX_KEY_FILE_ITERATIONS),
    salt: kdf.b64("salt", SALT_LENGTH),
    nonce: fields.b64("nonce", NONCE_LENGTH),
    ciphertext: fields.b64("ciphertext"),
  };
}

/**
 * Opens a key file (JSON text or the parsed object; members in any order) with its passphrase: gives
 * `{privateKey, publicKey, point, fingerprint}`, the private key non-extractable unless asked.
 */
export async function openKeyFile(json, passphrase, { extractable = false } = {}) {
  const file = await readKeyFile(json);
  const key = await wrappingKey(passphrase, file.salt, file.iterations);
  let pkcs8;
  try {
    pkcs8 = new Uint8Array(await subtle().decrypt(
      { name: "AES-GCM", iv: file.nonce, additionalData: utf8(`${KEY_FILE_FORMAT}|${file.fingerprint}`), tagLength: 128 },
      key, file.ciphertext));
  } catch (e) {
    fail(`wrong passphrase for the key file ${shortFingerprint(file.fingerprint)} (or the file was altered)`, e);
  }
  try {
    return await importPrivateKey(pkcs8, file.point, { extractable });
  } finally {
    pkcs8.fill(0);
  }
}

/**
 * The answer to the server's enrolment challenge: `b64(HMAC-SHA256(K, challenge))` with
 * `K = HKDF-SHA256(ECDH(member private, S), S || P, "baobab key enrolment v1")`. Points and challenge are bytes or
 * base64; `privateKey` a CryptoKey or the key pair from openKeyFile/generateCommitteeKey.
 */
export async function answerProofOfPossession(privateKey, memberPoint, serverPoint, challenge) {
  const own = await keyAndPoint(privateKey, memberPoint);
  if (privateKey && privateKey.point && !equalBytes(asBytes(privateKey.point, "the key's point"), own.point)) {
    fail("the member's point is not the key's own point");
  }
  const server = bytesOrBase64(serverPoint, "the server's point", POINT_LENGTH);
  const challengeBytes = bytesOrBase64(challenge, "the challenge", CHALLENGE_LENGTH);
  const z = await ecdh(own.privateKey, await importPoint(server, "the server's enrolment key"));
  const k = await hkdfSha256(z, concat(server, own.point), ENROLMENT_INFO, 32);
  z.fill(0);
  const hmacKey = await subtle().importKey("raw", k, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  k.fill(0);
  return toBase64(new Uint8Array(await subtle().sign("HMAC", hmacKey, challengeBytes)));
}

// ---------------------------------------------------------------------------------------------------------------
// Envelope context and manifest

/** A JSON object's members, read strictly. */
class Fields {
  constructor(value, what) {
    if (value === null || typeof value !== "object" || Array.isArray(value)) fail(`${what} must be a JSON object`);
    this.value = value;
    this.what = what;
  }

  exactly(...names) {
    const keys = Object.keys(this.value).sort();
    const missing = names.filter((n) => !keys.includes(n));
    const extra = keys.filter((k) => !names.includes(k));
    if (missing.length > 0) fail(`${this.what} lacks ${missing.map((n) => `"${n}"`).join(", ")}`);
    if (extra.length > 0) fail(`${this.what} has unexpected ${extra.map((n) => `"${n}"`).join(", ")}`);
    return this;
  }

  string(name) {
    const v = this.value[name];
    if (typeof v !== "string") fail(`${this.what}: "${name}" must be a string`);
    return v;
  }

  integer(name, min, max) {
    const v = this.value[name];
    if (!Number.isSafeInteger(v) || v < min || v > max) {
      fail(`${this.what}: "${name}" must be an integer from ${min} to ${max}`);
    }
    return v;
  }

  b64(name, length) {
    return fromBase64(this.string(name), `${this.what}: "${name}"`, length);
  }

  object(name) {
    return new Fields(this.value[name], `${this.what}: "${name}"`);
  }

  list(name) {
    const v = this.value[name];
    if (!Array.isArray(v)) fail(`${this.what}: "${name}" must be an array`);
    return v;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * An envelope context, checked: `{envelope, format: "BSE1", kind, lots, ocid}`. When `normalise` is set (sealing),
 * `format` may be left out and the lots are sorted; a reader refuses unsorted lots.
 */
export function checkContext(context, normalise = false) {
  let value = context;
  if (normalise && value && typeof value === "object" && !("format" in value)) {
    value = { ...value, format: FORMAT };
  }
  const fields = new Fields(value, "the envelope context").exactly("envelope", "format", "kind", "lots", "ocid");
  if (fields.string("format") !== FORMAT) fail(`envelope context: the format is "${value.format}", not BSE1`);
  if (!UUID.test(fields.string("envelope"))) {
    fail(`envelope context: the envelope id "${value.envelope}" is not a lower-case 36-character UUID`);
  }
  if (!KINDS.includes(fields.string("kind"))) {
    fail(`envelope context: unknown kind "${value.kind}" (single, technical, financial)`);
  }
  if (fields.string("ocid").length === 0) fail("envelope context: the OCID is empty");
  const lots = fields.list("lots");
  if (lots.length === 0) fail('envelope context: at least one lot (a notice without lots has lot "1")');
  for (const lot of lots) {
    if (typeof lot !== "string") fail("envelope context: lot identifiers are strings");
    if (lot.length === 0) fail("envelope context: a lot identifier is empty");
  }
  const sorted = [...lots].sort(compareCodePoints);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] === sorted[i - 1]) fail(`envelope context: lot "${sorted[i]}" is listed twice`);
  }
  if (!normalise && sorted.some((lot, i) => lot !== lots[i])) {
    fail('envelope context: the lots must be sorted (code-point order: "10" before "2")');
  }
  const checked = { envelope: value.envelope, format: FORMAT, kind: value.kind, lots: sorted, ocid: value.ocid };
  canonicalJson(checked);
  return checked;
}

/** `contextHash = SHA-256(canonical context)`, 32 bytes. */
export async function contextHash(context) {
  return sha256(canonicalJsonBytes(checkContext(context)));
}

/** How many chunks a ciphertext of that size has, refusing a size no BSE1 ciphertext can have. */
function chunkCount(ciphertextSize) {
  const full = Math.floor(ciphertextSize / CIPHER_CHUNK_SIZE);
  const rest = ciphertextSize % CIPHER_CHUNK_SIZE;
  if (rest > 0 && rest <= TAG_LENGTH) {
    fail(`manifest: a ciphertext of ${ciphertextSize} bytes is impossible (its last chunk would be empty)`);
  }
  const count = full + (rest > 0 ? 1 : 0);
  if (count === 0) fail("manifest: the ciphertext is empty");
  return count;
}

/**
 * Reads and checks a manifest: canonical JSON text or bytes (refused if not canonical), or the object. Gives the
 * manifest object, its canonical text, and its decoded fields.
 */
export function readManifest(manifest) {
  const value = typeof manifest === "string" || manifest instanceof Uint8Array || manifest instanceof ArrayBuffer
    ? parseCanonicalJson(manifest, "the manifest")
    : manifest;
  const fields = new Fields(value, "the manifest").exactly("chunkSize", "ciphertextSha256", "ciphertextSize",
    "context", "format", "noncePrefix", "shares", "threshold");
  if (fields.string("format") !== FORMAT) fail(`manifest: the format is "${value.format}", not BSE1`);
  if (value.chunkSize !== CHUNK_SIZE) fail(`manifest: the chunk size must be 65536 in BSE1, not ${value.chunkSize}`);
  const context = checkContext(value.context);
  const size = fields.integer("ciphertextSize", 1, MAX_INTEGER);
  const chunks = chunkCount(size);
  if (!/^[0-9a-f]{64}$/.test(fields.string("ciphertextSha256"))) {
    fail("manifest: ciphertextSha256 must be 64 lower-case hexadecimal digits");
  }
  const noncePrefix = fields.b64("noncePrefix", NONCE_PREFIX_LENGTH);
  const entries = fields.list("shares");
  if (entries.length < 2 || entries.length > 255) fail(`manifest: 2 to 255 shares, not ${entries.length}`);
  const threshold = fields.integer("threshold", 2, entries.length);
  const shares = entries.map((entry, i) => {
    const share = new Fields(entry, `manifest: share ${i + 1}`).exactly("ciphertext", "ephemeralPublicKey",
      "fingerprint", "member", "nonce");
    if (entry.member !== i + 1) fail(`manifest: the shares must be ordered by member (1 to n); entry ${i + 1} is `
      + `member ${entry.member}`);
    if (!/^[0-9a-f]{64}$/.test(share.string("fingerprint"))) {
      fail(`manifest: share ${i + 1}: the fingerprint must be 64 lower-case hexadecimal digits`);
    }
    return {
      member: i + 1,
      fingerprint: entry.fingerprint,
      ephemeralPoint: share.b64("ephemeralPublicKey", POINT_LENGTH),
      nonce: share.b64("nonce", NONCE_LENGTH),
      ciphertext: share.b64("ciphertext", SHARE_LENGTH + TAG_LENGTH),
    };
  });
  const canonical = canonicalJson(value);
  return { value, canonical, context, size, chunks, noncePrefix, shares, threshold, sha256: value.ciphertextSha256 };
}

/** `envelopeHash = hex(SHA-256(canonical manifest))`. */
export async function envelopeHash(manifest) {
  return toHex(await sha256(encoder.encode(readManifest(manifest).canonical)));
}

function expectContext(read, expected) {
  if (expected !== undefined && canonicalJson(checkContext(expected, true)) !== canonicalJson(read.context)) {
    fail(`context mismatch: the manifest is sealed for ${canonicalJson(read.context)}, not for `
      + canonicalJson(checkContext(expected, true)));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Key shares

function shareAad(context, member) {
  return canonicalJsonBytes({ context, member });
}

async function shareKey(z, ephemeralPoint, memberPoint, ctxHash) {
  return hkdfSha256(z, concat(ephemeralPoint, memberPoint), concat(utf8(SHARE_INFO), ctxHash), 32);
}

async function aesKey(raw, usages) {
  return subtle().importKey("raw", raw, { name: "AES-GCM" }, false, usages);
}

/**
 * `KEK_j`, the key that opens member j's share (what a member releases at the opening): derived from the member's
 * private key and the share's ephemeral key, after checking that the key is member j's (fingerprint).
 */
export async function releaseShareKey(manifest, member, key, { context } = {}) {
  const read = readManifest(manifest);
  expectContext(read, context);
  const entry = shareEntry(read, member);
  const own = await keyAndPoint(key);
  const print = await fingerprint(own.point);
  if (print !== entry.fingerprint) {
    fail(`the key ${shortFingerprint(print)} is not member ${member}'s (${shortFingerprint(entry.fingerprint)})`);
  }
  const z = await ecdh(own.privateKey, await importPoint(entry.ephemeralPoint, `the ephemeral key of share ${member}`));
  try {
    return await shareKey(z, entry.ephemeralPoint, own.point, await contextHash(read.context));
  } finally {
    z.fill(0);
  }
}

function shareEntry(read, member) {
  if (!Number.isInteger(member) || member < 1 || member > read.shares.length) {
    fail(`member must be a position from 1 to ${read.shares.length}, not ${member}`);
  }
  return read.shares[member - 1];
}

/** Member j's share (33 bytes: j, then 32 values) from its released key `KEK_j`, authenticated under the context. */
export async function openReleasedShare(manifest, member, releasedKey, { context } = {}) {
  const read = readManifest(manifest);
  expectContext(read, context);
  const entry = shareEntry(read, member);
  let share;
  try {
    share = new Uint8Array(await subtle().decrypt(
      { name: "AES-GCM", iv: entry.nonce, additionalData: shareAad(read.context, member), tagLength: 128 },
      await aesKey(bytesOrBase64(releasedKey, "the released key", KEY_LENGTH), ["decrypt"]), entry.ciphertext));
  } catch (e) {
    fail(`member ${member}'s share does not authenticate: wrong key, altered share, or a context other than the one `
      + "it was sealed for", e);
  }
  if (share.length !== SHARE_LENGTH || share[0] !== member) {
    fail(`member ${member}'s share is malformed (it must be ${SHARE_LENGTH} bytes starting with ${member})`);
  }
  return share;
}

/**
 * Decrypts member j's share of the data key with the member's key (the key pair openKeyFile gives, or an extractable
 * private CryptoKey): 33 bytes, j then 32 values.
 */
export async function decryptShare(manifest, memberPosition, privateKey, options = {}) {
  const kek = await releaseShareKey(manifest, memberPosition, privateKey, options);
  try {
    return await openReleasedShare(manifest, memberPosition, kek, options);
  } finally {
    kek.fill(0);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Sealing

function partHeader(name, type, size) {
  if (typeof name !== "string" || name.length === 0 || name.length > 255) {
    fail(`part header: a name has 1 to 255 characters ("${name}")`);
  }
  if (name.includes("/") || name.includes("\\")) fail(`part header: a name is a base name, without / or \\ ("${name}")`);
  if (typeof type !== "string" || type.length === 0) fail(`part header: the type of "${name}" is empty`);
  if (!Number.isSafeInteger(size) || size < 0) fail(`part header: the size of "${name}" is out of range`);
  const header = { name, size, type };
  const bytes = canonicalJsonBytes(header);
  if (bytes.length > MAX_HEADER_LENGTH) fail(`part header: the header of "${name}" is longer than 65,536 bytes`);
  return { header, bytes };
}

async function importCommittee(committee) {
  if (!Array.isArray(committee) || committee.length < 2 || committee.length > 255) {
    fail(`a committee has 2 to 255 members, not ${Array.isArray(committee) ? committee.length : "none"}`);
  }
  const seen = new Set();
  const members = [];
  for (let j = 1; j <= committee.length; j++) {
    const entry = committee[j - 1];
    const point = bytesOrBase64(entry && entry.point !== undefined ? entry.point : entry, `member ${j}'s key`,
      POINT_LENGTH);
    const key = await importPoint(point, `member ${j}'s key`);
    const print = await fingerprint(point);
    if (entry && entry.fingerprint !== undefined && entry.fingerprint !== print) {
      fail(`member ${j}'s fingerprint ${entry.fingerprint} is not the fingerprint of its key (${print})`);
    }
    if (seen.has(print)) fail(`the same key appears twice in the committee (member ${j})`);
    seen.add(print);
    members.push({ point, key, fingerprint: print });
  }
  return members;
}

function bidFormBytes(bidForm) {
  if (bidForm instanceof Uint8Array || bidForm instanceof ArrayBuffer) {
    const bytes = asBytes(bidForm, "the bid form");
    parseCanonicalJson(bytes, "the bid form");
    return bytes;
  }
  if (typeof bidForm === "string") {
    parseCanonicalJson(bidForm, "the bid form");
    return encoder.encode(bidForm);
  }
  return canonicalJsonBytes(bidForm);
}

/** The plaintext stream as segments: header bytes (in memory) and contents (bytes or Blobs, read slice by slice). */
class PlainStream {
  constructor() {
    this.segments = [];
    this.length = 0;
  }

  add(segment, size, name) {
    if (size > 0) this.segments.push({ start: this.length, size, segment, name });
    this.length += size;
  }

  /** Bytes [from, to) of the stream: one chunk, read across part boundaries. */
  async read(from, to) {
    const out = new Uint8Array(to - from);
    for (const s of this.segments) {
      const a = Math.max(from, s.start);
      const b = Math.min(to, s.start + s.size);
      if (a >= b) continue;
      if (s.segment instanceof Uint8Array) {
        out.set(s.segment.subarray(a - s.start, b - s.start), a - from);
      } else {
        let bytes;
        try {
          bytes = new Uint8Array(await s.segment.slice(a - s.start, b - s.start).arrayBuffer());
        } catch (e) {
          fail(`could not read the file "${s.name}" (was it changed or removed since it was chosen?): ${e.message}`, e);
        }
        if (bytes.length !== b - a) {
          fail(`the file "${s.name}" is shorter than its size ${s.size}: it changed while it was being sealed`);
        }
        out.set(bytes, a - from);
      }
    }
    return out;
  }
}

/**
 * Seals an envelope.
 *
 * @param {object} request
 *   context: {envelope, kind, lots, ocid} (format BSE1 added, lots sorted);
 *   committee: [{point (65 bytes or base64), fingerprint (hex, checked)}], member j at index j − 1;
 *   threshold: k, 2 to n;
 *   bidForm: the bid form object (written as canonical JSON), or its canonical JSON text or bytes;
 *   files: File objects, or Blobs with `name` (and `type`) set, or {name, type, blob}; an empty type is
 *     application/octet-stream;
 *   random(n) and ephemeralKey(member) (tests only): the sources of randomness, in this order: data key (32),
 *     nonce prefix (7), Shamir coefficients ((k − 1) × 32), then for each member its ephemeral key pair (from
 *     ephemeralKey(j) → {privateKey, point} if given, else generated) and its share nonce (12).
 * @param {(chunk: Uint8Array, index: number, isLast: boolean) => Promise<void>} onChunk receives each ciphertext
 *   chunk in order, each call awaited before the next (while it runs, the next chunk is read and encrypted).
 * @returns {Promise<{manifest: object, manifestJson: string, envelopeHash: string}>}
 */
export async function seal(request, onChunk) {
  const { context, committee, threshold, bidForm, files = [], random = defaultRandom, ephemeralKey } = request ?? {};
  if (typeof onChunk !== "function") fail("seal needs an onChunk callback to receive the ciphertext");
  const ctx = checkContext(context, true);
  const ctxHash = await sha256(canonicalJsonBytes(ctx));
  const members = await importCommittee(committee);
  const n = members.length;
  if (!Number.isInteger(threshold) || threshold < 2 || threshold > n) {
    fail(`the threshold must be between 2 and the committee's size ${n}, not ${threshold}`);
  }

  const stream = new PlainStream();
  const form = bidFormBytes(bidForm);
  const parts = [{ ...partHeader("bid.json", "application/json", form.length), content: form }];
  if (!Array.isArray(files)) fail("files must be an array");
  for (const file of files) {
    const blob = file instanceof Blob ? file : file && file.blob;
    if (!(blob instanceof Blob)) fail("each file must be a File, a Blob with a name, or {name, type, blob}");
    const name = file.name;
    const type = (file.type ?? blob.type) || "application/octet-stream";
    parts.push({ ...partHeader(name, type, blob.size), content: blob });
  }
  for (const part of parts) {
    stream.add(concat(u32(part.bytes.length), part.bytes), 4 + part.bytes.length, part.header.name);
    stream.add(part.content, part.header.size, part.header.name);
  }
  const chunks = Math.ceil(stream.length / CHUNK_SIZE);
  const ciphertextSize = stream.length + chunks * TAG_LENGTH;
  if (!Number.isSafeInteger(ciphertextSize) || chunks > 0xffffffff) fail("the envelope is too large to seal");

  const dataKey = randomBytes(random, KEY_LENGTH, "the data key");
  const noncePrefix = randomBytes(random, NONCE_PREFIX_LENGTH, "the nonce prefix");
  const shares = shamirSplit(dataKey, n, threshold, random);
  const encrypted = [];
  let key;
  try {
    for (let j = 1; j <= n; j++) {
      encrypted.push(await encryptShare(ctx, ctxHash, j, members[j - 1], shares[j - 1], random, ephemeralKey));
    }
    key = await aesKey(dataKey, ["encrypt"]);
  } finally {
    dataKey.fill(0);
    shares.forEach((share) => share.fill(0));
  }

  // A few chunks at most are in memory: the next READ_AHEAD ones being read (a Blob read is a round trip to the
  // browser process: reading ahead hides its latency), the current one being encrypted (by WebCrypto, off the main
  // thread), and the previous one being hashed and handed to onChunk.
  const hash = new Sha256();
  let written = 0;
  const reads = [];
  const readChunk = (i) => {
    const reading = stream.read(i * CHUNK_SIZE, Math.min((i + 1) * CHUNK_SIZE, stream.length));
    reading.catch(() => {}); // awaited below; this only keeps an early failure from being reported as unhandled
    reads.push(reading);
  };
  const emit = async (chunk) => {
    hash.update(chunk.cipher);
    written += chunk.cipher.length;
    await onChunk(chunk.cipher, chunk.index, chunk.last);
  };
  for (let i = 0; i < Math.min(READ_AHEAD, chunks); i++) readChunk(i);
  let previous = null;
  for (let i = 0; i < chunks; i++) {
    const plain = await reads.shift();
    const last = i === chunks - 1;
    if (i + READ_AHEAD < chunks) readChunk(i + READ_AHEAD);
    const encrypting = subtle().encrypt(
      { name: "AES-GCM", iv: chunkNonce(noncePrefix, i, last), additionalData: ctxHash, tagLength: 128 }, key, plain);
    if (previous) await emit(previous);
    previous = { cipher: new Uint8Array(await encrypting), index: i, last };
  }
  await emit(previous);
  if (written !== ciphertextSize) fail(`sealed ${written} bytes of ciphertext instead of ${ciphertextSize}`);

  const manifest = {
    chunkSize: CHUNK_SIZE,
    ciphertextSha256: toHex(hash.digest()),
    ciphertextSize,
    context: ctx,
    format: FORMAT,
    noncePrefix: toBase64(noncePrefix),
    shares: encrypted,
    threshold,
  };
  const manifestJson = canonicalJson(manifest);
  return { manifest, manifestJson, envelopeHash: toHex(await sha256(encoder.encode(manifestJson))) };
}

/** `enc_j`: share j encrypted to member j's point with a fresh (or, in tests, the given) ephemeral key pair. */
async function encryptShare(ctx, ctxHash, j, member, share, random, ephemeralKey) {
  const ephemeral = ephemeralKey ? await ephemeralKey(j) : await generateCommitteeKey();
  const ephemeralPoint = asBytes(ephemeral.point, "an ephemeral point");
  const z = await ecdh(ephemeral.privateKey, member.key);
  const kek = await shareKey(z, ephemeralPoint, member.point, ctxHash);
  z.fill(0);
  const nonce = randomBytes(random, NONCE_LENGTH, `share ${j}'s nonce`);
  try {
    const ciphertext = new Uint8Array(await subtle().encrypt(
      { name: "AES-GCM", iv: nonce, additionalData: shareAad(ctx, j), tagLength: 128 },
      await aesKey(kek, ["encrypt"]), share));
    return {
      ciphertext: toBase64(ciphertext),
      ephemeralPublicKey: toBase64(ephemeralPoint),
      fingerprint: member.fingerprint,
      member: j,
      nonce: toBase64(nonce),
    };
  } finally {
    kek.fill(0);
  }
}

function chunkNonce(noncePrefix, index, last) {
  const nonce = new Uint8Array(NONCE_LENGTH);
  nonce.set(noncePrefix);
  nonce.set(u32(index), NONCE_PREFIX_LENGTH);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

// ---------------------------------------------------------------------------------------------------------------
// Opening

/** The pieces of ciphertext from an async or sync iterable, a ReadableStream, a Blob, or bytes. */
async function* pieces(input) {
  if (input instanceof Uint8Array || input instanceof ArrayBuffer) {
    yield asBytes(input);
  } else if (input instanceof Blob) {
    const reads = [];
    let requested = 0;
    const readAhead = () => {
      while (reads.length < READ_AHEAD && requested < input.size) {
        const reading = input.slice(requested, requested + CIPHER_CHUNK_SIZE).arrayBuffer();
        reading.catch(() => {}); // awaited below
        reads.push(reading);
        requested += CIPHER_CHUNK_SIZE;
      }
    };
    readAhead();
    while (reads.length > 0) {
      const piece = await reads.shift();
      readAhead();
      yield new Uint8Array(piece);
    }
  } else if (input && typeof input.getReader === "function") {
    const reader = input.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield asBytes(value, "a piece of the ciphertext");
      }
    } finally {
      reader.releaseLock();
    }
  } else if (input && (typeof input[Symbol.asyncIterator] === "function" || typeof input[Symbol.iterator] === "function")) {
    for await (const piece of input) yield asBytes(piece, "a piece of the ciphertext");
  } else {
    fail("the ciphertext must be an async iterator of byte chunks, a ReadableStream, a Blob or bytes");
  }
}

/** Parses the plaintext stream into parts as it is decrypted, handing each part to its sink. */
class PartParser {
  constructor(onPart) {
    this.onPart = onPart;
    this.headers = [];
    this.state = "length";
    this.pending = new Uint8Array(4);
    this.filled = 0;
    this.need = 4;
    this.remaining = 0;
    this.sink = null;
    this.bidForm = null;
    this.bidFormFilled = 0;
  }

  async write(bytes) {
    let offset = 0;
    while (offset < bytes.length) {
      if (this.state === "content") {
        const take = Math.min(this.remaining, bytes.length - offset);
        const piece = bytes.subarray(offset, offset + take);
        offset += take;
        this.remaining -= take;
        if (this.headers.length === 1) {
          this.bidForm.set(piece, this.bidFormFilled);
          this.bidFormFilled += take;
        }
        if (this.sink && this.sink.write) await this.sink.write(piece);
        if (this.remaining === 0) await this.endPart();
      } else {
        const take = Math.min(this.need - this.filled, bytes.length - offset);
        this.pending.set(bytes.subarray(offset, offset + take), this.filled);
        this.filled += take;
        offset += take;
        if (this.filled === this.need) await (this.state === "length" ? this.lengthRead() : this.headerRead());
      }
    }
  }

  lengthRead() {
    const p = this.pending;
    const length = ((p[0] << 24) | (p[1] << 16) | (p[2] << 8) | p[3]) >>> 0;
    if (length === 0 || length > MAX_HEADER_LENGTH) {
      fail(`the plaintext is malformed: part ${this.headers.length + 1}'s header is ${length} bytes long (1 to 65,536)`);
    }
    this.state = "header";
    this.need = length;
    this.pending = new Uint8Array(length);
    this.filled = 0;
  }

  async headerRead() {
    const index = this.headers.length;
    const what = `the header of part ${index + 1}`;
    const value = parseCanonicalJson(this.pending, what);
    const fields = new Fields(value, what).exactly("name", "size", "type");
    const { header } = partHeader(fields.string("name"), fields.string("type"), fields.integer("size", 0, MAX_INTEGER));
    if (index === 0 && (header.name !== "bid.json" || header.type !== "application/json")) {
      fail(`the plaintext is malformed: the first part must be the bid form (bid.json, application/json), not "${header.name}"`);
    }
    this.headers.push(header);
    if (index === 0) this.bidForm = new Uint8Array(header.size);
    this.sink = toSink(await this.onPart(header, index));
    this.state = "content";
    this.remaining = header.size;
    if (header.size === 0) await this.endPart();
  }

  async endPart() {
    if (this.sink && this.sink.close) await this.sink.close();
    this.sink = null;
    this.state = "length";
    this.pending = new Uint8Array(4);
    this.need = 4;
    this.filled = 0;
  }

  end() {
    if (this.state === "length" && this.filled === 0 && this.headers.length > 0) {
      return;
    }
    const where = this.state === "length" ? "a part's length"
      : this.state === "header" ? `the header of part ${this.headers.length + 1}`
      : `the content of "${this.headers[this.headers.length - 1].name}"`;
    fail(`the plaintext is malformed: it ends inside ${where}`);
  }
}

function toSink(value) {
  if (value === undefined || value === null) return null;
  if (typeof value.getWriter === "function") {
    const writer = value.getWriter();
    return { write: (bytes) => writer.write(bytes), close: () => writer.close() };
  }
  return value;
}

/**
 * Opens an envelope: rebuilds the data key from at least `threshold` decrypted shares (33-byte arrays, as
 * decryptShare gives), decrypts the ciphertext chunk by chunk and parses its parts.
 *
 * @param manifest the manifest (object, or canonical JSON text/bytes)
 * @param shares the decrypted shares
 * @param ciphertextChunks the ciphertext as an async (or sync) iterable of byte arrays of any size, a ReadableStream,
 *   a Blob or bytes
 * @param onPart called as `onPart(header, index)` at the start of each part ({name, size, type}; part 0 is the bid
 *   form); may return a sink `{write(bytes), close()}` (or a WritableStream) that receives the part's content. Data
 *   reach the sink only once their chunk has authenticated, but the envelope as a whole is valid only if `open`
 *   resolves (it checks the end of the stream, its size and its SHA-256 last).
 * @param options.context the context the envelope must have (a mismatch fails before anything is decrypted)
 * @returns {Promise<{bidForm: any, bidFormBytes: Uint8Array, bidFormProblem: string|null, headers: object[],
 *   envelopeHash: string}>} bidForm is the parsed bid form, or null (and bidFormProblem says why) if it is not
 *   canonical JSON
 */
export async function open(manifest, shares, ciphertextChunks, onPart = () => null, { context } = {}) {
  const read = readManifest(manifest);
  expectContext(read, context);
  if (!Array.isArray(shares)) fail("the shares must be an array");
  const given = shares.map((share, i) => bytesOrBase64(share, `share ${i + 1}`));
  for (const share of given) {
    if (share.length !== SHARE_LENGTH) fail(`a share is ${SHARE_LENGTH} bytes (its member's position and 32 values)`);
    if (share[0] < 1 || share[0] > read.shares.length) {
      fail(`a share is for member ${share[0]}, but the committee has ${read.shares.length} members`);
    }
  }
  if (given.length < read.threshold) {
    fail(`${read.threshold} shares are needed to open the envelope, only ${given.length} given`);
  }
  const dataKey = shamirJoin(given, read.threshold);
  const key = await aesKey(dataKey, ["decrypt"]);
  dataKey.fill(0);
  const ctxHash = await contextHash(read.context);
  const parser = new PartParser(onPart);
  const hash = new Sha256();
  const buffer = new Uint8Array(CIPHER_CHUNK_SIZE);
  const lastSize = read.size - (read.chunks - 1) * CIPHER_CHUNK_SIZE;
  let filled = 0;
  let index = 0;
  let received = 0;

  // WebCrypto decrypts a chunk off the main thread while it is hashed here
  const input = pieces(ciphertextChunks);
  /** After chunk 0 failed: reads the rest, to tell a wrong key (the ciphertext is the manifest's) from a wrong ciphertext. */
  const chunkZeroFailed = async (rest, cause) => {
    hash.update(rest);
    let size = received + rest.length;
    for (let next = await input.next(); !next.done; next = await input.next()) {
      hash.update(next.value);
      size += next.value.length;
    }
    fail(size === read.size && toHex(hash.digest()) === read.sha256
      ? "chunk 0 does not authenticate although the ciphertext is the one the manifest describes: the data key "
        + "rebuilt from the shares is wrong (a wrong share), or the manifest's context was changed after sealing"
      : "chunk 0 does not authenticate and the ciphertext is not the one the manifest describes (its size or SHA-256 "
        + "differs): it belongs to another envelope or was altered", cause);
  };
  // WebCrypto decrypts a chunk off the main thread while it is hashed here
  const decrypt = async (cipher, rest) => {
    const last = index === read.chunks - 1;
    const decrypting = subtle().decrypt(
      { name: "AES-GCM", iv: chunkNonce(read.noncePrefix, index, last), additionalData: ctxHash, tagLength: 128 },
      key, cipher);
    decrypting.catch(() => {}); // awaited below
    hash.update(cipher);
    let plain;
    try {
      plain = await decrypting;
    } catch (e) {
      const reason = await diagnose(key, read, ctxHash, cipher, index, last);
      if (reason === null) await chunkZeroFailed(rest, e);
      fail(reason, e);
    }
    index++;
    await parser.write(new Uint8Array(plain));
  };

  for (let next = await input.next(); !next.done; next = await input.next()) {
    const piece = next.value;
    let offset = 0;
    while (offset < piece.length) {
      if (index >= read.chunks) {
        fail(`the ciphertext is longer than the ${read.size} bytes the manifest announces`);
      }
      const target = index === read.chunks - 1 ? lastSize : CIPHER_CHUNK_SIZE;
      const take = Math.min(target - filled, piece.length - offset);
      buffer.set(piece.subarray(offset, offset + take), filled);
      filled += take;
      offset += take;
      received += take;
      if (filled === target) {
        filled = 0;
        await decrypt(buffer.slice(0, target), piece.subarray(offset));
      }
    }
  }
  if (index < read.chunks) {
    fail(`the ciphertext is truncated: it ended after ${received} bytes, the manifest announces ${read.size}`);
  }
  parser.end();
  if (toHex(hash.digest()) !== read.sha256) {
    fail("the ciphertext's SHA-256 is not the one the manifest announces");
  }
  // The format says the bid form is canonical JSON but not that a reader refuses another one (the Java opener does
  // not look at it): an envelope that opened is reported as opened, with what is wrong with its bid form.
  let bidForm = null;
  let bidFormProblem = null;
  try {
    bidForm = parseCanonicalJson(parser.bidForm, "the bid form (bid.json)");
  } catch (e) {
    bidFormProblem = e.message;
  }
  return {
    bidForm,
    bidFormBytes: parser.bidForm,
    bidFormProblem,
    headers: parser.headers,
    envelopeHash: toHex(await sha256(encoder.encode(read.canonical))),
  };
}

/**
 * Why a chunk failed: another position's chunk (reordered), the cut end, or altered; null for chunk 0, which fails
 * the same way whether the key or the chunk is wrong.
 */
async function diagnose(key, read, ctxHash, cipher, index, last) {
  const opens = async (i, isLast) => {
    try {
      await subtle().decrypt(
        { name: "AES-GCM", iv: chunkNonce(read.noncePrefix, i, isLast), additionalData: ctxHash, tagLength: 128 },
        key, cipher);
      return true;
    } catch (e) {
      return false;
    }
  };
  if (await opens(index, !last)) {
    return last
      ? `the ciphertext is truncated: chunk ${index} is not the final chunk (the chunks after it were removed)`
      : `chunk ${index} of the ciphertext is flagged final: chunks were appended after the end`;
  }
  const limit = Math.min(Math.max(read.chunks, index + 2), REORDER_SEARCH_LIMIT);
  for (let i = 0; i < limit; i++) {
    if (i !== index && ((await opens(i, false)) || (await opens(i, true)))) {
      return `the ciphertext's chunks are reordered: chunk ${index} is the envelope's chunk ${i} (reordered, `
        + "duplicated or dropped chunks)";
    }
  }
  if (index === 0) {
    return null; // the key or the ciphertext: open() reads the rest to tell which
  }
  return `chunk ${index} of the ciphertext fails authentication: it was altered`;
}
