// SPDX-License-Identifier: Apache-2.0
package org.baobab.opendata.ocds;

import java.time.Instant;

/** A milestone: {@code type} from the milestoneType codelist, {@code status} from milestoneStatus. */
public record Milestone(String id, String title, String type, String description, Instant dueDate, String status) {}
