// SPDX-License-Identifier: Apache-2.0
// Checks a bid receipt in the browser, trusting only the platform's public key (docs/sealing-format.md, "Receipts
// and transparency log"): the receipt's Ed25519 signature over its canonical JSON, the signed tree head, the audit
// path from the receipt's leaf to the signed root (RFC 9162 §2.1.3.2) and, when this browser has seen an earlier head,
// the consistency proof from it (§2.1.4.2). The same checks, in the same order, as ReceiptVerifier in Java.
import {
  canonical, headStatement, importPlatformKey, leafHash, remember, seenHead, signedBy, unhex, verifyConsistency,
  verifyInclusion,
} from './transparency-log.js';

(() => {

  const form = document.getElementById('receipt-check');
  const verdict = document.getElementById('verdict');
  const messages = document.getElementById('transparency-messages');
  if (!form || !verdict || !messages || !window.crypto || !window.crypto.subtle) {
    return;
  }
  const encoder = new TextEncoder();
  const text = (key) => messages.content.querySelector(`[data-key="${key}"]`).textContent.trim();

  class Unavailable extends Error {}

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
    const key = await importPlatformKey(form.dataset.publicKey);
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
