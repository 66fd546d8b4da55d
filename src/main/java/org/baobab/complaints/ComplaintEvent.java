// SPDX-License-Identifier: Apache-2.0
package org.baobab.complaints;

import java.util.Map;
import org.baobab.shared.AuditableEvent;
import org.jspecify.annotations.Nullable;

/**
 * What happens to a complaint (filed, answered, escalated, suspension, release, message, decision), published inside
 * the transaction of the change so that the audit module journals it. The payload holds the process's ocid and the
 * facts of the step, never a document's content.
 *
 * @param action {@code complaints.filed}, {@code complaints.answered}, {@code complaints.escalated},
 *     {@code complaints.suspended}, {@code complaints.suspension-lifted}, {@code complaints.message},
 *     {@code complaints.decided}
 */
public record ComplaintEvent(
        String actor, @Nullable String organisation, String action, String complaintId, Map<String, Object> payload)
        implements AuditableEvent {

    public ComplaintEvent {
        payload = Map.copyOf(payload);
    }

    @Override
    public String subjectType() {
        return "complaint";
    }

    @Override
    public String subjectId() {
        return complaintId;
    }
}
