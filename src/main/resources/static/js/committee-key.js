// SPDX-License-Identifier: Apache-2.0
// The committee member's key enrolment (/committee/key): the key pair is generated here, in the browser; the private
// key leaves it only inside the key file, encrypted under the member's passphrase (docs/opening.md).
import { answerProofOfPossession, createKeyFile, generateCommitteeKey, shortFingerprint, toBase64 } from "./sealing.js";

/** Where a copy of the key file may be kept in the browser (still encrypted under the passphrase). */
export const KEY_STORE = { database: "baobab", version: 1, store: "committee-keys" };

function openStore() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(KEY_STORE.database, KEY_STORE.version);
    request.onupgradeneeded = () => request.result.createObjectStore(KEY_STORE.store, { keyPath: "fingerprint" });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Keeps the key file (the encrypted BKF1 text) in IndexedDB under its fingerprint. */
export async function keepKeyFile(fingerprint, keyFile) {
  const db = await openStore();
  try {
    await new Promise((resolve, reject) => {
      const tx = db.transaction(KEY_STORE.store, "readwrite");
      tx.objectStore(KEY_STORE.store).put({ fingerprint, keyFile, savedAt: new Date().toISOString() });
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

const form = document.getElementById("enrol-form");
if (form) {
  const status = document.getElementById("enrol-status");
  const error = document.getElementById("enrol-error");
  const second = document.getElementById("passphrase2");
  const secondError = document.getElementById("passphrase2-error");
  const download = document.getElementById("key-download");
  const message = (name) => form.dataset["msg" + name[0].toUpperCase() + name.slice(1)];
  const csrfToken = document.querySelector('meta[name="_csrf"]')?.content;
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]')?.content;
  form.hidden = false;

  const post = async (url, body) => {
    const headers = { Accept: "application/json" };
    if (csrfToken && csrfHeader) headers[csrfHeader] = csrfToken;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(url, {
      method: "POST", headers, credentials: "same-origin", body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(json.detail || message("failed"));
    return json;
  };

  const showError = (text) => {
    error.textContent = text;
    error.hidden = false;
  };

  const fieldError = (text) => {
    secondError.textContent = text;
    secondError.hidden = false;
    second.setAttribute("aria-invalid", "true");
    second.setAttribute("aria-describedby", "passphrase2-error");
    second.focus();
  };

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    error.hidden = true;
    secondError.hidden = true;
    second.removeAttribute("aria-invalid");
    second.removeAttribute("aria-describedby");
    const passphrase = form.passphrase.value;
    if (passphrase.length < 12) {
      fieldError(message("short"));
      return;
    }
    if (passphrase !== second.value) {
      fieldError(message("mismatch"));
      return;
    }
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    try {
      status.textContent = message("working");
      const pair = await generateCommitteeKey();
      const keyFile = await createKeyFile(pair, passphrase);
      const name = `baobab-committee-key-${pair.fingerprint.slice(0, 8)}.bkf.json`;
      const url = URL.createObjectURL(new Blob([keyFile], { type: "application/json" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = name;
      link.textContent = message("download") + " (" + name + ")";
      download.replaceChildren(link);
      download.hidden = false;
      link.click();

      status.textContent = message("sending");
      const challenge = await post("/api/committee/key/challenge");
      const proof = await answerProofOfPossession(pair, pair.point, challenge.serverPoint, challenge.challenge);
      const enrolled = await post("/api/committee/key", {
        challengeId: challenge.challengeId, publicKey: toBase64(pair.point), proof,
      });
      const short = shortFingerprint(enrolled.fingerprint);
      status.textContent = message("done") + " " + short;
      const current = document.getElementById("current-fingerprint") || document.getElementById("no-key");
      if (current) {
        current.textContent = short;
        current.title = enrolled.fingerprint;
        current.classList.add("mono");
      }
      if (form.keepCopy.checked) {
        try {
          await keepKeyFile(enrolled.fingerprint, keyFile);
          const kept = document.getElementById("key-kept");
          kept.textContent = message("kept");
          kept.hidden = false;
        } catch (e) {
          // the download is the copy that matters; a browser without storage only loses the convenience
        }
      }
      form.reset();
    } catch (e) {
      status.textContent = "";
      showError(e && e.message ? e.message : message("failed"));
    } finally {
      button.disabled = false;
    }
  });
}
