// SPDX-License-Identifier: Apache-2.0
package org.baobab.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The result of re-walking the journal: whether every entry's hash matches its content and links to the one before,
 * and whether every signed checkpoint matches the chain; if not, the first place where it breaks.
 */
public record ChainVerification(
        boolean valid,
        long entriesChecked,
        long checkpointsChecked,
        @Nullable BrokenLink firstBrokenLink,
        long headSeq,
        String headHash,
        Instant verifiedAt) {

    /** Where the chain breaks and why. */
    public record BrokenLink(long seq, String reason) {}
}
