// SPDX-License-Identifier: Apache-2.0
/**
 * The one strict JSON reader (RFC 8259, I-JSON's refusals), plain Java: the sealing library and its tool read with it
 * (integers only), and so does the journal's verifier (decimals too), each with a bare JDK. Canonical JSON is written
 * per dialect: {@code audit.CanonicalJson} (RFC 8785) and {@code bidding.sealing.CanonicalJson} (the sealing format's).
 */
@NullMarked
package org.baobab.shared.json;

import org.jspecify.annotations.NullMarked;
