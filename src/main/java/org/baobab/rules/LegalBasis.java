// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules;

import org.jspecify.annotations.Nullable;

/**
 * Where a rule comes from: the legal text (decree, order, law), the article when known, and a public address where a
 * reader can check it. Shown next to every value, because a buyer or a bidder must be able to cite the rule applied to
 * them.
 */
public record LegalBasis(
        String text, @Nullable String article, @Nullable String sourceUrl) {}
