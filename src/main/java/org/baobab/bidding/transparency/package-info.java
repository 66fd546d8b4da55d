// SPDX-License-Identifier: Apache-2.0
/**
 * The transparency log's mathematics, in plain Java (JDK only, no framework): the RFC 9162 Merkle tree with its
 * inclusion and consistency proofs, the canonical JSON that receipts and tree heads are signed in, and the check of a
 * receipt against a signed tree head, so that a bidder, a journalist or another country's portal can re-use them
 * without the platform. The format is in docs/sealing-format.md, "Receipts and transparency log".
 */
@NullMarked
package org.baobab.bidding.transparency;

import org.jspecify.annotations.NullMarked;
