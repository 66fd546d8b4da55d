// SPDX-License-Identifier: Apache-2.0
package org.baobab.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The result of re-walking the journal: whether every entry's hash matches its content and links to the one before,
 * and whether every signed checkpoint matches the chain; if not, the first place where it breaks. {@code
 * latestCheckpoint} is the checkpoint of the highest entry (null before the first): its leaf in the public transparency
 * log and where to fetch its inclusion proof, so that someone holding a tree head of their own can prove this journal
 * against it rather than take this answer's word.
 */
public record ChainVerification(
        boolean valid,
        long entriesChecked,
        long checkpointsChecked,
        @Nullable BrokenLink firstBrokenLink,
        long headSeq,
        String headHash,
        Instant verifiedAt,
        @Nullable LoggedCheckpoint latestCheckpoint) {

    /** Where the chain breaks and why. */
    public record BrokenLink(long seq, String reason) {}
}
