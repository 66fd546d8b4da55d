// SPDX-License-Identifier: Apache-2.0
/**
 * The RFC 9162 Merkle tree (hashes, roots, inclusion and consistency proofs and their checks), plain Java: the
 * transparency log builds on it, and the sealing tool and the journal's verifier check proofs with it, with a bare JDK.
 */
@NullMarked
package org.baobab.shared.merkle;

import org.jspecify.annotations.NullMarked;
