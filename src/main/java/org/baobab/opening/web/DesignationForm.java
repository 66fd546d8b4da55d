// SPDX-License-Identifier: Apache-2.0
package org.baobab.opening.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The committee designation form ({@code designation}): the members ticked and the threshold typed. The threshold
 * stays text so that a word typed there is refused by the service with the range it expects.
 */
public record DesignationForm(
        @Nullable List<String> member, @Nullable String threshold) {

    /** The members ticked; a value that is not an id stands for no eligible member (the service refuses it). */
    public List<UUID> memberIds() {
        List<UUID> ids = new ArrayList<>();
        for (String m : member == null ? List.<String>of() : member) {
            try {
                ids.add(UUID.fromString(m));
            } catch (IllegalArgumentException notAnId) {
                ids.add(new UUID(0, 0));
            }
        }
        return ids;
    }

    /** The threshold typed, or -1 when it is not a number (out of every range). */
    public int thresholdOrNone() {
        try {
            return Integer.parseInt(threshold == null ? "" : threshold.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Whether the member with this id is ticked. */
    public boolean chosen(Object id) {
        return member != null && member.contains(String.valueOf(id));
    }
}
