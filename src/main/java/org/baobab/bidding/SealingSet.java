// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.baobab.bidding.sealing.CommitteeKey;

/**
 * The opening committee a process's envelopes are sealed to, fixed when its notice is published: member {@code j}
 * (from 1) holds share {@code j} of every envelope's data key, and {@code threshold} members must release theirs at the
 * opening. The members' order is the order of the shares in every envelope's manifest.
 */
public record SealingSet(String ocid, int threshold, List<Member> members, Instant fixedAt) {

    /** One member: who, and the public key enrolled (the private key stays in the member's key file). */
    public record Member(int position, UUID userId, String name, CommitteeKey key) {}

    public SealingSet {
        members = List.copyOf(members);
        if (threshold < 2 || threshold > members.size()) {
            throw new IllegalArgumentException(
                    "threshold " + threshold + " is not between 2 and the " + members.size() + " members");
        }
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).position() != i + 1) {
                throw new IllegalArgumentException("member positions must be 1 to n in order");
            }
        }
    }

    /** The members' keys in share order, as {@link org.baobab.bidding.sealing.Sealer} takes them. */
    public List<CommitteeKey> keys() {
        return members.stream().map(Member::key).toList();
    }

    /** The members' key fingerprints in share order, as an envelope's manifest lists them. */
    public List<String> fingerprints() {
        return members.stream().map(m -> m.key().fingerprint()).toList();
    }
}
