// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A platform incident: a period when bidders could not use Baobab, declared afterwards by a platform admin or by a
 * country's regulator, in one country or all ({@code country} null), and the bid deadlines it extended. Public.
 */
public record Incident(
        UUID id,
        @Nullable String country,
        Instant startsAt,
        Instant endsAt,
        String description,
        Instant declaredAt,
        List<Extension> extensions) {

    public Incident {
        extensions = List.copyOf(extensions);
    }

    /** One process whose deadline fell within the incident, moved by a public addendum. */
    public record Extension(
            String ocid, String title, String country, Instant oldDeadline, Instant newDeadline, int addendum) {}

    public Incident withExtensions(List<Extension> extensions) {
        return new Incident(id, country, startsAt, endsAt, description, declaredAt, extensions);
    }

    /** What a declarer writes. */
    public record Draft(@Nullable String country, Instant startsAt, Instant endsAt, String description) {}
}
