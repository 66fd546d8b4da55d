// SPDX-License-Identifier: Apache-2.0
// Checks a bid receipt in the browser, trusting only the platform's public key (docs/sealing-format.md, "Receipts
// and transparency log"): the receipt's Ed25519 signature over its canonical JSON, the signed tree head, the audit
// path from the receipt's leaf to the signed root (RFC 9162 §2.1.3.2) and, when this browser has seen an earlier head,
// the consistency proof from it (§2.1.4.2). The same checks, in the same order, as ReceiptVerifier in Java.
(() => {
  'use strict';

  const form = document.getElementById('receipt-check');
  const verdict = document.getElementById('verdict');
  const messages = document.getElementById('transparency-messages');
  if (!form || !verdict || !messages || !window.crypto || !window.crypto.subtle) {
    return;
  }
  const SEEN = 'baobab.transparency.head';
  const encoder = new TextEncoder();
  const text = (key) => messages.content.querySelector(`[data-key="${key}"]`).textContent.trim();

  class Unavailable extends Error {}

  // --- canonical JSON: sorted members (code-point order), minimal escapes, integers only ---

  function byCodePoint(a, b) {
    const x = Array.from(a);
    const y = Array.from(b);
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      const d = x[i].codePointAt(0) - y[i].codePointAt(0);
      if (d !== 0) {
        return d;
      }
    }
    return x.length - y.length;
  }

  function quote(s) {
    let out = '"';
    for (const ch of s) {
      const c = ch.codePointAt(0);
      if (ch === '"') {
        out += '\\"';
      } else if (ch === '\\') {
        out += '\\\\';
      } else if (c < 0x20) {
        out += '\\u' + c.toString(16).padStart(4, '0');
      } else {
        out += ch;
      }
    }
    return out + '"';
  }

  function canonical(value) {
    if (value === null) {
      return 'null';
    }
    if (typeof value === 'boolean') {
      return value ? 'true' : 'false';
    }
    if (typeof value === 'number') {
      if (!Number.isSafeInteger(value)) {
        throw new TypeError('only integers up to 2^53 are canonical');
      }
      return String(value);
    }
    if (typeof value === 'string') {
      return quote(value);
    }
    if (Array.isArray(value)) {
      return '[' + value.map(canonical).join(',') + ']';
    }
    if (typeof value === 'object') {
      return '{' + Object.keys(value).sort(byCodePoint)
        .map((k) => quote(k) + ':' + canonical(value[k])).join(',') + '}';
    }
    throw new TypeError('not a JSON value');
  }

  // --- bytes, hashes, signatures ---

  function unhex(s) {
    if (typeof s !== 'string' || !/^(?:[0-9a-f]{2})*$/.test(s)) {
      throw new TypeError('not hexadecimal');
    }
    return Uint8Array.from(s.match(/../g) || [], (h) => parseInt(h, 16));
  }

  function unbase64(s) {
    return Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
  }

  function concat(...parts) {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }

  function equal(a, b) {
    return a.length === b.length && a.every((x, i) => x === b[i]);
  }

  async function sha256(bytes) {
    return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  }

  const leafHash = (data) => sha256(concat(Uint8Array.of(0), data));
  const nodeHash = (left, right) => sha256(concat(Uint8Array.of(1), left, right));

  async function signedBy(key, signatureBase64, bytes) {
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
  async function verifyInclusion(index, size, leaf, path, root) {
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
  async function verifyConsistency(first, second, firstRoot, secondRoot, proof) {
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

  // --- the page ---

  async function getJson(url) {
    let response;
    try {
      response = await fetch(url, { headers: { Accept: 'application/json' }, cache: 'no-store' });
    } catch (e) {
      throw new Unavailable();
    }
    if (!response.ok) {
      throw new Unavailable();
    }
    return response.json();
  }

  function headStatement(head) {
    return encoder.encode(canonical({
      format: 'BTH1', rootHash: head.rootHash, timestamp: head.timestamp, treeSize: head.treeSize,
    }));
  }

  function readReceipt(input) {
    const doc = JSON.parse(input);
    const receipt = doc && doc.receipt;
    if (!receipt || typeof receipt !== 'object' || Array.isArray(receipt) || receipt.format !== 'BR1'
        || !Number.isSafeInteger(receipt.logIndex) || receipt.logIndex < 0
        || typeof doc.signature !== 'string' || typeof doc.keyId !== 'string') {
      throw new TypeError('not a BR1 receipt document');
    }
    return { receipt, bytes: encoder.encode(canonical(receipt)), signature: doc.signature, keyId: doc.keyId };
  }

  function seenHead() {
    try {
      const seen = JSON.parse(localStorage.getItem(SEEN) || 'null');
      return seen && Number.isSafeInteger(seen.treeSize) && typeof seen.rootHash === 'string' ? seen : null;
    } catch (e) {
      return null;
    }
  }

  function remember(head) {
    try {
      localStorage.setItem(SEEN, JSON.stringify(head));
    } catch (e) {
      // private browsing: the next visit just has no earlier head to compare with
    }
  }

  // Returns the lines of the verdict: [ok, message], stopping at the first failed check.
  async function check(input) {
    const lines = [];
    const pass = (ok, okKey, failedKey, args = {}) => {
      let message = text(ok ? okKey : failedKey);
      Object.entries(args).forEach(([name, value]) => {
        message = message.replace(`%${name}%`, String(value));
      });
      lines.push([ok, message]);
      return ok;
    };
    let doc;
    try {
      doc = readReceipt(input);
    } catch (e) {
      lines.push([false, text('document')]);
      return lines;
    }
    const keyId = form.dataset.keyId;
    if (!pass(doc.keyId === keyId, 'key-ok', 'key-failed')) {
      return lines;
    }
    let key;
    try {
      key = await crypto.subtle.importKey('spki', unbase64(form.dataset.publicKey), { name: 'Ed25519' }, false,
        ['verify']);
    } catch (e) {
      throw new DOMException('Ed25519 unsupported', 'NotSupportedError');
    }
    if (!pass(await signedBy(key, doc.signature, doc.bytes), 'signature-ok', 'signature-failed')) {
      return lines;
    }
    const head = await getJson(form.dataset.headUrl);
    const headOk = head && head.keyId === keyId && Number.isSafeInteger(head.treeSize)
      && Number.isSafeInteger(head.timestamp) && typeof head.rootHash === 'string'
      && await signedBy(key, head.signature, headStatement(head));
    if (!pass(headOk, 'head-ok', 'head-failed')) {
      return lines;
    }
    const index = doc.receipt.logIndex;
    let included = false;
    if (index < head.treeSize) {
      const proof = await getJson(`${form.dataset.inclusionUrl}?index=${index}&treeSize=${head.treeSize}`);
      try {
        included = await verifyInclusion(index, head.treeSize, await leafHash(doc.bytes),
          proof.auditPath.map(unhex), unhex(head.rootHash));
      } catch (e) {
        included = false;
      }
    }
    if (!pass(included, 'inclusion-ok', 'inclusion-failed', { index, size: head.treeSize })) {
      return lines;
    }
    const seen = seenHead();
    if (seen && seen.keyId === keyId && await signedBy(key, seen.signature, headStatement(seen))) {
      let consistent = false;
      if (seen.treeSize <= head.treeSize) {
        const proof = await getJson(`${form.dataset.consistencyUrl}?first=${seen.treeSize}&second=${head.treeSize}`);
        try {
          consistent = await verifyConsistency(seen.treeSize, head.treeSize, unhex(seen.rootHash),
            unhex(head.rootHash), proof.proof.map(unhex));
        } catch (e) {
          consistent = false;
        }
      }
      if (!pass(consistent, 'consistency-ok', 'consistency-failed', { old: seen.treeSize, new: head.treeSize })) {
        return lines;
      }
    }
    remember(head);
    return lines;
  }

  function show(kind, title, lines) {
    const box = document.createElement('div');
    box.className = kind === 'valid' ? 'alert' : 'alert error';
    box.dataset.verdict = kind;
    const heading = document.createElement('p');
    const strong = document.createElement('strong');
    strong.textContent = title;
    heading.append(strong);
    box.append(heading);
    if (lines.length > 0) {
      const list = document.createElement('ul');
      list.className = 'checks';
      for (const [ok, message] of lines) {
        const item = document.createElement('li');
        item.dataset.check = ok ? 'passed' : 'failed';
        item.textContent = (ok ? '✓ ' : '✗ ') + message;
        list.append(item);
      }
      box.append(list);
    }
    verdict.replaceChildren(box);
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    verdict.setAttribute('aria-busy', 'true');
    verdict.replaceChildren(document.createTextNode(text('checking')));
    try {
      const lines = await check(form.elements.receipt.value);
      const valid = lines.every(([ok]) => ok);
      show(valid ? 'valid' : 'invalid', text(valid ? 'valid' : 'invalid'), lines);
    } catch (e) {
      show('error', text(e instanceof DOMException && e.name === 'NotSupportedError' ? 'unsupported' : 'unavailable'), []);
    } finally {
      verdict.removeAttribute('aria-busy');
      button.disabled = false;
    }
  });

  form.hidden = false;
  // the checks themselves, for whoever wants to run them on their own proofs (and for the tests)
  window.baobabTransparency = Object.freeze({ canonical, leafHash, verifyInclusion, verifyConsistency });
})();
