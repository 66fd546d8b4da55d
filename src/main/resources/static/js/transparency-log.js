// SPDX-License-Identifier: Apache-2.0
// What the browser checks of the public transparency log (docs/sealing-format.md, "Receipts and transparency log"),
// shared by the receipt check (transparency.js) and the bid page (proven-set.js): canonical JSON, Ed25519 signatures,
// RFC 9162 inclusion (§2.1.3.2) and consistency (§2.1.4.2) proofs, the canonical BTH1 statement of a signed tree head,
// and the last head this browser checked, kept in its storage with the platform key that signed it.

import { canonicalJson } from './sealing.js';

const encoder = new TextEncoder();

// --- canonical JSON: the sealing format's (sealing.js), the one the log's statements are signed in ---

export { canonicalJson as canonical };

// --- bytes, hashes, signatures ---

export function unhex(s) {
  if (typeof s !== 'string' || !/^(?:[0-9a-f]{2})*$/.test(s)) {
    throw new TypeError('not hexadecimal');
  }
  return Uint8Array.from(s.match(/../g) || [], (h) => parseInt(h, 16));
}

export function unbase64(s) {
  return Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
}

export function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function equal(a, b) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export async function sha256(bytes) {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}

export const leafHash = (data) => sha256(concat(Uint8Array.of(0), data));
const nodeHash = (left, right) => sha256(concat(Uint8Array.of(1), left, right));

export async function signedBy(key, signatureBase64, bytes) {
  try {
    return await crypto.subtle.verify({ name: 'Ed25519' }, key, unbase64(signatureBase64), bytes);
  } catch (e) {
    return false;
  }
}

// Index arithmetic with numbers (exact up to 2^53), not 32-bit bit operators.
const odd = (n) => n % 2 === 1;
const half = (n) => Math.floor(n / 2);

function powerOfTwo(n) {
  let m = n;
  while (m > 1 && !odd(m)) {
    m = half(m);
  }
  return m === 1;
}

// RFC 9162 §2.1.3.2
export async function verifyInclusion(index, size, leaf, path, root) {
  if (index >= size) {
    return false;
  }
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) {
      return false;
    }
    if (odd(fn) || fn === sn) {
      r = await nodeHash(p, r);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && equal(r, root);
}

// RFC 9162 §2.1.4.2
export async function verifyConsistency(first, second, firstRoot, secondRoot, proof) {
  if (first > second) {
    return false;
  }
  if (first === second) {
    return proof.length === 0 && equal(firstRoot, secondRoot);
  }
  if (first === 0) {
    return proof.length === 0 && equal(firstRoot, await sha256(new Uint8Array(0)));
  }
  if (proof.length === 0) {
    return false;
  }
  const path = powerOfTwo(first) ? [firstRoot, ...proof] : proof;
  let fn = first - 1;
  let sn = second - 1;
  while (odd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) {
      return false;
    }
    if (odd(fn) || fn === sn) {
      fr = await nodeHash(c, fr);
      sr = await nodeHash(c, sr);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = await nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && equal(fr, firstRoot) && equal(sr, secondRoot);
}

/** The canonical `BTH1` statement a tree head's signature covers. */
export function headStatement(head) {
  return encoder.encode(canonicalJson({
    format: 'BTH1', rootHash: head.rootHash, timestamp: head.timestamp, treeSize: head.treeSize,
  }));
}

const SEEN = 'baobab.transparency.head';
const PINNED = 'baobab.transparency.platform-key';

/** The last tree head this browser checked (with its keyId and signature), or null. */
export function seenHead() {
  try {
    const seen = JSON.parse(localStorage.getItem(SEEN) || 'null');
    return seen && Number.isSafeInteger(seen.treeSize) && typeof seen.rootHash === 'string' ? seen : null;
  } catch (e) {
    return null;
  }
}

/** Keeps a checked head as the last one seen. */
export function remember(head) {
  try {
    localStorage.setItem(SEEN, JSON.stringify(head));
  } catch (e) {
    // private browsing: the next visit just has no earlier head to compare with
  }
}

/** The platform key (Base64 SPKI) this browser saw first, or null. */
export function pinnedKey() {
  try {
    const pinned = localStorage.getItem(PINNED);
    return typeof pinned === 'string' && pinned.length > 0 ? pinned : null;
  } catch (e) {
    return null;
  }
}

/** Pins the platform key, if none is pinned yet. */
export function pin(publicKeyBase64) {
  try {
    if (!pinnedKey()) {
      localStorage.setItem(PINNED, publicKeyBase64);
    }
  } catch (e) {
    // private browsing: nothing is kept
  }
}

/** The hex SHA-256 of a key's SPKI bytes: its keyId. */
export async function keyIdOf(spki) {
  return Array.from(await sha256(spki), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Imports the platform's Ed25519 public key (Base64 SPKI); throws a NotSupportedError if WebCrypto cannot. */
export async function importPlatformKey(publicKeyBase64) {
  try {
    return await crypto.subtle.importKey('spki', unbase64(publicKeyBase64), { name: 'Ed25519' }, false, ['verify']);
  } catch (e) {
    throw new DOMException('Ed25519 unsupported', 'NotSupportedError');
  }
}
