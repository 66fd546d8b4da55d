// SPDX-License-Identifier: Apache-2.0
package org.baobab.opendata.ocds;

import java.time.Instant;

/**
 * A change to the tender after it was published (an addendum): why, when, and which release it changes
 * ({@code amendsReleaseID}) and which release carries the change ({@code releaseID}).
 */
public record Amendment(
        String id, Instant date, String rationale, String description, String amendsReleaseID, String releaseID) {}
