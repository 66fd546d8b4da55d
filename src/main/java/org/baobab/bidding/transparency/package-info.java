// SPDX-License-Identifier: Apache-2.0
/**
 * The transparency log's mathematics, in plain Java (JDK only, no framework): the RFC 9162 Merkle tree with its
 * inclusion and consistency proofs, the statements receipts and tree heads are signed as, and the check of a receipt
 * against a signed tree head, so that a bidder, a journalist or another country's portal can re-use them without the
 * platform. The statements are written in the canonical JSON of the JDK-only sealing library ({@link
 * org.baobab.bidding.sealing.CanonicalJson}), the one definition of docs/sealing-format.md (Notation): this package may
 * use the sealing library's core, never the other way round. The format is in docs/sealing-format.md, "Receipts and
 * transparency log".
 */
@NullMarked
@NamedInterface("transparency")
package org.baobab.bidding.transparency;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
