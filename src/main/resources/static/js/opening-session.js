// SPDX-License-Identifier: Apache-2.0
// The committee member's release at the opening (/opening/{ocid}): the key file is opened here with its passphrase,
// the key of the member's share of each envelope is computed here (releaseShareKey) and only those keys are sent.
// The private key and the passphrase never leave the browser (docs/opening.md).
import { openKeyFile, releaseShareKey, toBase64 } from "./sealing.js";

const form = document.getElementById("release-form");
if (form) {
  const status = document.getElementById("release-status");
  const error = document.getElementById("release-error");
  const message = (name) => form.dataset["msg" + name[0].toUpperCase() + name.slice(1)];
  const session = form.dataset.session;
  const csrfToken = document.querySelector('meta[name="_csrf"]')?.content;
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]')?.content;
  form.hidden = false;

  const call = async (url, body) => {
    const headers = { Accept: "application/json" };
    if (csrfToken && csrfHeader) headers[csrfHeader] = csrfToken;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(url, {
      method: body === undefined ? "GET" : "POST",
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(json.detail || message("failed"));
    return json;
  };

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    error.hidden = true;
    const file = document.getElementById("key-file").files[0];
    const passphrase = document.getElementById("passphrase");
    if (!file || !passphrase.value) {
      form.reportValidity();
      return;
    }
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    status.textContent = message("working");
    try {
      const key = await openKeyFile(await file.text(), passphrase.value);
      passphrase.value = "";
      const envelopes = await call(`/api/opening/sessions/${session}/manifests`);
      if (envelopes.length === 0) {
        status.textContent = message("nothing");
        return;
      }
      const keys = {};
      for (const e of envelopes) {
        keys[e.envelope] = toBase64(await releaseShareKey(e.manifest, e.position, key));
      }
      const result = await call(`/api/opening/sessions/${session}/releases`, { keys });
      status.textContent = message("done").replace("{0}", String(result.opened)).replace("{1}", String(result.waiting));
      setTimeout(() => window.location.reload(), 1500);
    } catch (e) {
      status.textContent = "";
      error.textContent = e.message || message("failed");
      error.hidden = false;
    } finally {
      button.disabled = false;
    }
  });
}
