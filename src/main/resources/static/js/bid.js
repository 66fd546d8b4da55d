// SPDX-License-Identifier: Apache-2.0
// The bid page: seals the bid in this browser (sealing.js, docs/sealing-format.md), uploads the ciphertext in
// resumable pieces and submits the manifest. The server never sees the bid in clear. An upload cut by a poor
// connection resumes at the offset the server reached; submission is idempotent, so a retried request returns the
// same receipt. Nothing is sealed before the committee's keys are proven by the transparency log (proven-set.js).
import { seal, SealingError, CHUNK_SIZE } from "./sealing.js";
import { proveSealingSet, UnprovenSet } from "./proven-set.js";

const form = document.getElementById("bid-form");
const progress = document.getElementById("bid-progress");
const status = document.getElementById("bid-status");
const errorBox = document.getElementById("bid-error");
const templates = document.getElementById("bid-messages");

/** A translated message from the page, with %name% placeholders replaced. */
function message(key, values = {}) {
  const element = templates && templates.content.querySelector(`[data-key="${key}"]`);
  let text = element ? element.textContent : key;
  for (const [name, value] of Object.entries(values)) {
    text = text.replaceAll(`%${name}%`, String(value));
  }
  return text;
}

function say(key, values) {
  status.textContent = message(key, values);
}

function csrfHeaders() {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  return token && header ? { [header.content]: token.content } : {};
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** An answer the server gave, refused (4xx): no point in trying again. */
class Refused extends Error {
  constructor(problem, httpStatus) {
    super(problem && (problem.detail || problem.title) ? problem.detail || problem.title : `HTTP ${httpStatus}`);
    this.problem = problem;
    this.status = httpStatus;
  }
}

async function problemOf(response) {
  try {
    return await response.json();
  } catch (e) {
    return null;
  }
}

/**
 * Fetches, retrying what may be transient (the network, 5xx, 408, 429) with growing waits; a 4xx is a refusal. Each
 * retry asks `beforeRetry` first (an upload asks the server where it stands).
 */
async function withRetries(attempt, beforeRetry = async () => {}) {
  let wait = 1000;
  for (let tries = 0; ; tries++) {
    try {
      const response = await attempt();
      if (response.ok) return response;
      if (response.status < 500 && response.status !== 408 && response.status !== 429) {
        throw new Refused(await problemOf(response), response.status);
      }
    } catch (e) {
      if (e instanceof Refused) throw e;
    }
    if (tries >= 12) throw new Error(message("failed"));
    say("interrupted", { seconds: Math.round(wait / 1000) });
    await sleep(wait);
    wait = Math.min(wait * 2, 30000);
    await beforeRetry();
  }
}

function jsonRequest(method, body) {
  return {
    method,
    credentials: "same-origin",
    headers: { "Content-Type": "application/json", Accept: "application/json", ...csrfHeaders() },
    body: body === undefined ? undefined : JSON.stringify(body),
  };
}

const AMOUNT = /^\d{1,15}([.,]\d{1,2})?$/;

/** Reads and checks one envelope's part of the form; gives its lots, its amounts and its files, or marks errors. */
function readEnvelope(fieldset) {
  const kind = fieldset.dataset.kind;
  const lots = [];
  const amounts = [];
  let valid = true;
  for (const box of fieldset.querySelectorAll(`input[type=checkbox][name="${kind}-lot"]`)) {
    const amount = document.getElementById(`${kind}-amount-${box.value}`);
    const error = document.getElementById(`${kind}-amount-${box.value}-error`);
    if (amount) {
      amount.removeAttribute("aria-invalid");
      error.textContent = "";
    }
    if (!box.checked) continue;
    lots.push(box.value);
    if (amount) {
      const text = amount.value.replace(/[\s\u00a0\u202f]/g, "");
      if (!AMOUNT.test(text)) {
        amount.setAttribute("aria-invalid", "true");
        error.textContent = message("bad-amount");
        if (valid) amount.focus();
        valid = false;
      } else {
        amounts.push({ lot: box.value, amount: text.replace(",", ".") });
      }
    }
  }
  const files = Array.from(fieldset.querySelector('input[type=file]').files);
  return { kind, lots, amounts, files, valid };
}

/** The bid form (the envelope's first part): canonical JSON written by sealing.js. Amounts are decimal strings. */
function bidForm(envelope, currency, notes) {
  const content = {
    declarations: { honour: true },
    form: "BBF1",
    kind: envelope.kind,
    lots: envelope.lots.map((lot) => {
      const priced = envelope.amounts.find((a) => a.lot === lot);
      return priced ? { amount: priced.amount, currency, lot } : { lot };
    }),
    ocid: ocidOfForm(),
  };
  if (notes) content.notes = notes;
  return content;
}

function ocidOfForm() {
  return form.dataset.ocid;
}

/** Seals one envelope: the ciphertext is gathered into a Blob (which the browser may keep on disk), not one array. */
async function sealEnvelope(set, envelope, currency, notes) {
  const batches = [];
  let batch = [];
  let batchBytes = 0;
  let done = 0;
  const plaintext = envelope.files.reduce((sum, f) => sum + f.size, 0) + 1024;
  const sealed = await seal(
    {
      context: { envelope: crypto.randomUUID(), kind: envelope.kind, lots: envelope.lots, ocid: ocidOfForm() },
      committee: set.committee.map((m) => ({ point: m.point, fingerprint: m.fingerprint })),
      threshold: set.threshold,
      bidForm: bidForm(envelope, currency, notes),
      files: envelope.files,
    },
    async (chunk) => {
      batch.push(chunk);
      batchBytes += chunk.length;
      done += CHUNK_SIZE;
      if (batchBytes >= 4 * 1024 * 1024) {
        batches.push(new Blob(batch));
        batch = [];
        batchBytes = 0;
      }
      const percent = Math.min(99, Math.floor((done * 100) / plaintext));
      progress.value = percent / 2;
      say("sealing", { kind: message(envelope.kind), percent });
    },
  );
  batches.push(new Blob(batch));
  return { ...sealed, ciphertext: new Blob(batches) };
}

/** Uploads the ciphertext in pieces; after a cut, asks the server where it stands and goes on from there. */
async function upload(sealed, kind, pieceSize) {
  const announced = await withRetries(() =>
    fetch(form.dataset.uploadsUrl, jsonRequest("POST", {
      ocid: ocidOfForm(),
      sha256: sealed.manifest.ciphertextSha256,
      size: sealed.ciphertext.size,
    })));
  const started = await announced.json();
  const url = `${form.dataset.uploadsUrl}/${started.id}`;
  let offset = started.received;
  const total = sealed.ciphertext.size;
  const whereServerStands = async () => {
    try {
      const response = await fetch(url, jsonRequest("GET"));
      if (response.ok) {
        offset = (await response.json()).received;
        say("resumed", { offset });
      }
    } catch (e) {
      // still cut: the next attempt will tell
    }
  };
  while (offset < total) {
    const response = await withRetries(async () => {
      if (offset >= total) {
        // the last piece arrived, its answer was lost: the server has it all
        return new Response(JSON.stringify({ received: offset }), { status: 200 });
      }
      const piece = sealed.ciphertext.slice(offset, Math.min(total, offset + pieceSize));
      const answer = await fetch(`${url}?offset=${offset}`, {
        method: "PUT",
        credentials: "same-origin",
        headers: { "Content-Type": "application/octet-stream", Accept: "application/json", ...csrfHeaders() },
        body: piece,
      });
      if (answer.status === 409) {
        // the server is elsewhere (a piece arrived but its answer was lost): resume from where it is
        const problem = await problemOf(answer);
        if (problem && problem.code === "BIDDING-0004") {
          await whereServerStands();
          return new Response(null, { status: 503 });
        }
        throw new Refused(problem, 409);
      }
      return answer;
    }, whereServerStands);
    offset = (await response.json()).received;
    const percent = Math.floor((offset * 100) / total);
    progress.value = 50 + percent / 2;
    say("uploading", { kind: message(kind), percent });
  }
  return started.id;
}

/** Proves the set served before sealing to it; any failure, the log's silence included, refuses to seal. */
async function proven(set) {
  const getJson = async (url) => (await withRetries(() => fetch(url, { ...jsonRequest("GET"), cache: "no-store" })))
    .json();
  try {
    await proveSealingSet(ocidOfForm(), set, {
      signingKey: form.dataset.signingKeyUrl,
      sealingSet: form.dataset.setProofUrl,
      consistency: form.dataset.consistencyUrl,
    }, getJson);
  } catch (e) {
    if (e instanceof DOMException && e.name === "NotSupportedError") throw new Error(message("unsupported"));
    console.error(`Refusing to seal: ${e instanceof UnprovenSet ? e.message : e}`);
    throw new UnprovenSet(message("unproven"));
  }
}

/**
 * Clears each error of the form as soon as the person fixes it, rather than at the next submission: an amount that
 * now reads well (or whose lot is no longer chosen), the honour box once ticked, and the banner saying no lot was
 * chosen once every envelope has one. Nothing is focused: the person is still typing.
 */
function clearFixedErrors() {
  for (const fieldset of form.querySelectorAll("fieldset.bid-envelope")) {
    const kind = fieldset.dataset.kind;
    for (const box of fieldset.querySelectorAll(`input[type=checkbox][name="${kind}-lot"]`)) {
      const amount = document.getElementById(`${kind}-amount-${box.value}`);
      if (!amount || amount.getAttribute("aria-invalid") !== "true") continue;
      const text = amount.value.replace(/[\s\u00a0\u202f]/g, "");
      if (!box.checked || AMOUNT.test(text)) {
        amount.removeAttribute("aria-invalid");
        document.getElementById(`${kind}-amount-${box.value}-error`).textContent = "";
      }
    }
  }
  const honour = document.getElementById("bid-honour");
  if (honour.checked && honour.getAttribute("aria-invalid") === "true") {
    honour.removeAttribute("aria-invalid");
    document.getElementById("bid-honour-error").textContent = "";
  }
  if (errorBox.dataset.cause === "no-lot") {
    const everyEnvelopeHasALot = Array.from(form.querySelectorAll("fieldset.bid-envelope")).every((fieldset) =>
      fieldset.querySelector(`input[type=checkbox][name="${fieldset.dataset.kind}-lot"]:checked`));
    if (everyEnvelopeHasALot) {
      errorBox.hidden = true;
      errorBox.textContent = "";
      delete errorBox.dataset.cause;
    }
  }
}

async function submit(event) {
  event.preventDefault();
  errorBox.hidden = true;
  delete errorBox.dataset.refused;
  delete errorBox.dataset.cause;
  const honour = document.getElementById("bid-honour");
  const honourError = document.getElementById("bid-honour-error");
  honourError.textContent = "";
  honour.removeAttribute("aria-invalid");
  const envelopes = Array.from(form.querySelectorAll("fieldset.bid-envelope")).map(readEnvelope);
  let valid = envelopes.every((e) => e.valid);
  if (valid && envelopes.some((e) => e.lots.length === 0)) {
    valid = false;
    showError(message("no-lot"));
    errorBox.dataset.cause = "no-lot";
  }
  if (!honour.checked) {
    honour.setAttribute("aria-invalid", "true");
    honourError.textContent = message("honour");
    if (valid) honour.focus();
    valid = false;
  }
  if (!valid) return;
  const button = form.querySelector("button[type=submit]");
  button.disabled = true;
  try {
    say("loading");
    const set = await (await withRetries(() => fetch(form.dataset.sealingSetUrl, jsonRequest("GET")))).json();
    await proven(set);
    const notes = document.getElementById("bid-notes").value.trim();
    const receipts = [];
    for (const envelope of envelopes) {
      progress.value = 0;
      const sealed = await sealEnvelope(set, envelope, form.dataset.currency, notes);
      const uploadId = await upload(sealed, envelope.kind, Number(form.dataset.pieceSize));
      say("submitting");
      const response = await withRetries(() =>
        fetch(form.dataset.submitUrl, jsonRequest("POST", { manifest: sealed.manifestJson, upload: uploadId })));
      receipts.push(await response.json());
    }
    progress.value = 100;
    say("done");
    window.location.assign(receipts.length === 1
      ? `${form.dataset.pageUrl.replace(/\/bids\/.*$/, "")}/bids/receipts/${receipts[0].envelope}`
      : form.dataset.pageUrl);
  } catch (e) {
    showError(e instanceof SealingError || e instanceof Refused ? e.message : e.message || String(e));
    if (e instanceof UnprovenSet) errorBox.dataset.refused = "unproven-set";
    button.disabled = false;
  }
}

function showError(text) {
  errorBox.textContent = `${message("failed")} ${text}`;
  errorBox.hidden = false;
  errorBox.setAttribute("tabindex", "-1");
  errorBox.focus();
}

if (form) {
  if (!window.crypto || !window.crypto.subtle || typeof crypto.randomUUID !== "function") {
    const warning = document.createElement("p");
    warning.className = "alert error";
    warning.textContent = message("unsupported");
    form.replaceWith(warning);
  } else {
    form.hidden = false;
    form.addEventListener("submit", submit);
    form.addEventListener("input", clearFixedErrors);
    form.addEventListener("change", clearFixedErrors);
  }
}
