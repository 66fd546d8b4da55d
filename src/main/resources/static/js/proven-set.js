// SPDX-License-Identifier: Apache-2.0
// The bid page seals only to a committee the public transparency log proves (docs/sealing-format.md, "Sealing to a
// proven set"), as `SealTool seal --platform` does: the process's BSS1 statement signed by the platform key, included
// in a signed tree head, naming in order the keys the page was served and the same threshold, and that head an
// extension of the last one this browser checked. The platform key is pinned: the first one this browser saw.
import { fingerprint } from "./sealing.js";
import {
  canonical,
  headStatement,
  importPlatformKey,
  keyIdOf,
  leafHash,
  pin,
  pinnedKey,
  remember,
  seenHead,
  signedBy,
  unbase64,
  unhex,
  verifyConsistency,
  verifyInclusion,
} from "./transparency-log.js";

/** The set could not be proven: `reason` says which check failed (for the console, not the bidder). */
export class UnprovenSet extends Error {
  constructor(reason) {
    super(reason);
    this.name = "UnprovenSet";
  }
}

function refuse(reason) {
  throw new UnprovenSet(reason);
}

const encoder = new TextEncoder();

function isHead(head) {
  return head && typeof head === "object" && Number.isSafeInteger(head.treeSize) && head.treeSize >= 0
    && Number.isSafeInteger(head.timestamp) && typeof head.rootHash === "string"
    && typeof head.signature === "string" && typeof head.keyId === "string";
}

/** The BSS1 statement's members' fingerprints in share order, and its threshold; refuses anything else. */
function readSet(statement, ocid) {
  let set;
  try {
    set = JSON.parse(statement);
  } catch (e) {
    refuse("the sealing set's statement is not JSON");
  }
  if (!set || typeof set !== "object" || canonical(set) !== statement) {
    refuse("the sealing set's statement is not canonical JSON");
  }
  if (set.format !== "BSS1" || set.ocid !== ocid || !Number.isSafeInteger(set.threshold)
      || !Array.isArray(set.members)) {
    refuse(`the statement is not the BSS1 sealing set of ${ocid}`);
  }
  set.members.forEach((m, i) => {
    if (!m || m.position !== i + 1 || typeof m.fingerprint !== "string") {
      refuse("the sealing set's members are not in share order");
    }
  });
  return { fingerprints: set.members.map((m) => m.fingerprint), threshold: set.threshold };
}

/**
 * Proves the committee `served` (the answer of GET /api/bids/sealing-sets/{ocid}) before anything is sealed to it;
 * keeps the new head (and pins the platform key) only when every check passed. `getJson(url)` fetches a JSON answer;
 * `urls` are the page's: `signingKey`, `sealingSet` (the included statement) and `consistency`.
 *
 * @throws UnprovenSet when a check fails
 */
export async function proveSealingSet(ocid, served, urls, getJson) {
  const platform = await getJson(urls.signingKey);
  if (!platform || typeof platform.publicKey !== "string") {
    refuse("the platform serves no signing key");
  }
  const pinned = pinnedKey();
  if (pinned && pinned !== platform.publicKey) {
    refuse("the platform's signing key is not the one this browser saw first");
  }
  const keyId = await keyIdOf(unbase64(platform.publicKey));
  const key = await importPlatformKey(platform.publicKey);
  const seen = seenHead();
  if (seen && (seen.keyId !== keyId || !isHead(seen) || !(await signedBy(key, seen.signature, headStatement(seen))))) {
    refuse("the tree head this browser kept is not signed by the platform key");
  }

  const included = await getJson(urls.sealingSet);
  if (!included || typeof included.statement !== "string" || !Number.isSafeInteger(included.leafIndex)
      || !Array.isArray(included.auditPath) || !isHead(included.treeHead)) {
    refuse("the transparency log gives no proof of the sealing set");
  }
  const statement = encoder.encode(included.statement);
  if (included.keyId !== keyId || !(await signedBy(key, included.signature, statement))) {
    refuse("the sealing set's statement is not signed by the platform key");
  }
  const head = included.treeHead;
  if (head.keyId !== keyId || !(await signedBy(key, head.signature, headStatement(head)))) {
    refuse("the tree head is not signed by the platform key");
  }
  let proven = false;
  try {
    proven = included.leafIndex < head.treeSize && await verifyInclusion(included.leafIndex, head.treeSize,
      await leafHash(statement), included.auditPath.map(unhex), unhex(head.rootHash));
  } catch (e) {
    proven = false;
  }
  if (!proven) {
    refuse(`the sealing set is not proven included in the signed tree of ${head.treeSize} leaves`);
  }

  const set = readSet(included.statement, ocid);
  const committee = served && Array.isArray(served.committee) ? served.committee : [];
  const fingerprints = [];
  for (const member of committee) {
    let computed;
    try {
      computed = await fingerprint(member.point);
    } catch (e) {
      refuse("a committee key served is not a P-256 point");
    }
    if (member.fingerprint !== undefined && member.fingerprint !== computed) {
      refuse("a committee key served does not have the fingerprint served with it");
    }
    fingerprints.push(computed);
  }
  if (fingerprints.length !== set.fingerprints.length || fingerprints.some((f, i) => f !== set.fingerprints[i])
      || served.threshold !== set.threshold) {
    refuse(`the committee keys served (${fingerprints.join(", ")}; ${served.threshold} to open) are not the sealing`
      + ` set in the log (${set.fingerprints.join(", ")}; ${set.threshold} to open)`);
  }

  if (seen) {
    let consistent = false;
    if (seen.treeSize <= head.treeSize) {
      try {
        const proof = await getJson(`${urls.consistency}?first=${seen.treeSize}&second=${head.treeSize}`);
        consistent = await verifyConsistency(seen.treeSize, head.treeSize, unhex(seen.rootHash),
          unhex(head.rootHash), proof.proof.map(unhex));
      } catch (e) {
        consistent = false;
      }
    }
    if (!consistent) {
      refuse(`the log is not an extension of the tree head this browser saw before (${seen.treeSize} leaves)`);
    }
  }
  pin(platform.publicKey);
  remember(head);
  return { leafIndex: included.leafIndex, treeSize: head.treeSize };
}
