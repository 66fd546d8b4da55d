// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding;

import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.baobab.bidding.internal.LogStore;
import org.baobab.shared.signing.PlatformSigningKey;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signed tree heads of the transparency log. Every head the platform signs is kept and listed, one per tree size, so
 * that anyone archiving them can later ask for a consistency proof between any two: a rewritten history could not
 * produce one.
 */
@Service
public class TreeHeads {

    /** The most heads one call lists. */
    public static final int MAX_LIST = 500;

    private final LogStore store;
    private final PlatformSigningKey signingKey;
    private final Clock clock;

    TreeHeads(LogStore store, PlatformSigningKey signingKey, Clock clock) {
        this.store = store;
        this.signingKey = signingKey;
        this.clock = clock;
    }

    /**
     * The head of the log as it is now: the latest signed head if the tree has not grown since, otherwise a new head,
     * signed and kept. The {@code transparency-tree-head} job calls it every ten minutes.
     */
    @Transactional
    public SignedTreeHead current() {
        long size = store.size();
        Optional<SignedTreeHead> latest = store.latestHead();
        if (latest.isPresent() && latest.get().treeSize() >= size) {
            return latest.get();
        }
        SignedTreeHead unsigned = new SignedTreeHead(size, store.rootHex(size), clock.millis(), signingKey.keyId(), "");
        String signature = Base64.getEncoder().encodeToString(signingKey.sign(unsigned.statementBytes()));
        store.insertHead(
                new SignedTreeHead(size, unsigned.rootHash(), unsigned.timestamp(), unsigned.keyId(), signature));
        // another node may have signed this size first: the stored head is the one everybody gets
        return store.head(size).orElseThrow();
    }

    /** Signed heads of trees larger than {@code afterSize}, smallest first, at most {@code limit} (≤ 500). */
    @Transactional(readOnly = true)
    public List<SignedTreeHead> after(long afterSize, int limit) {
        return store.headsAfter(afterSize, Math.max(1, Math.min(limit, MAX_LIST)));
    }

    /** Whether the head's signature is the platform's (current) key's. */
    public boolean isSignedByThePlatform(SignedTreeHead head) {
        try {
            return head.keyId().equals(signingKey.keyId())
                    && signingKey.verify(
                            head.statementBytes(), Base64.getDecoder().decode(head.signature()));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
