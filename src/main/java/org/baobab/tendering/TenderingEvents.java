// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baobab.shared.AuditableEvent;
import org.baobab.shared.ProcessEvent;
import org.jspecify.annotations.Nullable;

/**
 * What happens to a procurement process, published inside the transaction of the change: the audit module journals
 * each one, and other modules (notifications, open data) may listen. The subject of every event is the process's
 * ocid.
 */
public final class TenderingEvents {

    private TenderingEvents() {}

    /** Common shape: every tendering event is about one process. */
    public interface AboutProcess extends ProcessEvent {}

    public record ProcessCreated(
            String actor,
            String organisation,
            String ocid,
            String title,
            String procedure,
            @Nullable String planLine,
            @Nullable String outOfPlanReason)
            implements AboutProcess {
        @Override
        public String action() {
            return "tendering.process-created";
        }

        @Override
        public Map<String, Object> payload() {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("title", title);
            payload.put("procedure", procedure);
            if (planLine != null) {
                payload.put("planLine", planLine);
            }
            if (outOfPlanReason != null) {
                payload.put("outOfPlanReason", outOfPlanReason);
            }
            return payload;
        }
    }

    public record NoticeEdited(String actor, String organisation, String ocid, int version) implements AboutProcess {
        @Override
        public String action() {
            return "tendering.notice-edited";
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of("version", version);
        }
    }

    public record DocumentAttached(
            String actor,
            String organisation,
            String ocid,
            String sha256,
            String title,
            @Nullable Integer addendum) implements AboutProcess {
        @Override
        public String action() {
            return "tendering.document-attached";
        }

        @Override
        public Map<String, Object> payload() {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("sha256", sha256);
            payload.put("title", title);
            if (addendum != null) {
                payload.put("addendum", addendum);
            }
            return payload;
        }
    }

    public record DocumentRemoved(String actor, String organisation, String ocid, String sha256)
            implements AboutProcess {
        @Override
        public String action() {
            return "tendering.document-removed";
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of("sha256", sha256);
        }
    }

    public record SubmittedForReview(String actor, String organisation, String ocid, boolean required)
            implements AboutProcess {
        @Override
        public String action() {
            return "tendering.submitted-for-review";
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of("required", required);
        }
    }

    public record ReviewDecided(String actor, String organisation, String ocid, boolean approved, String comments)
            implements AboutProcess {
        @Override
        public String action() {
            return approved ? "tendering.review-approved" : "tendering.review-returned";
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of("comments", comments);
        }
    }

    public record NoticePublished(
            String actor,
            String organisation,
            String ocid,
            String title,
            @Nullable Instant submissionDeadline,
            @Nullable String legalReason)
            implements AboutProcess {
        @Override
        public String action() {
            return "tendering.notice-published";
        }

        @Override
        public Map<String, Object> payload() {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("title", title);
            if (submissionDeadline != null) {
                payload.put("submissionDeadline", submissionDeadline.toString());
            }
            return payload;
        }
    }

    public record AddendumPublished(
            String actor,
            String organisation,
            String ocid,
            int number,
            String description,
            @Nullable Instant newDeadline)
            implements AboutProcess {
        @Override
        public String action() {
            return "tendering.addendum-published";
        }

        @Override
        public Map<String, Object> payload() {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("number", number);
            payload.put("description", description);
            if (newDeadline != null) {
                payload.put("newDeadline", newDeadline.toString());
            }
            return payload;
        }
    }

    public record ProcessCancelled(String actor, String organisation, String ocid, String reason, boolean wasPublic)
            implements AboutProcess {
        @Override
        public String action() {
            return "tendering.process-cancelled";
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of("reason", reason, "wasPublic", wasPublic);
        }
    }

    /**
     * The submission deadline of a published notice is near (three days or less): its followers are reminded. Not
     * journalled: nothing changed.
     */
    /**
     * A platform incident declared ({@code tendering.incident-declared}): its period, scope, and the processes whose
     * deadline it extended (each also gets its own {@link AddendumPublished}).
     */
    public record IncidentDeclared(
            String actor,
            @Nullable String organisation,
            String incidentId,
            @Nullable String country,
            Instant startsAt,
            Instant endsAt,
            List<String> extended)
            implements AuditableEvent {

        public IncidentDeclared {
            extended = List.copyOf(extended);
        }

        @Override
        public String action() {
            return "tendering.incident-declared";
        }

        @Override
        public String subjectType() {
            return "platform-incident";
        }

        @Override
        public String subjectId() {
            return incidentId;
        }

        @Override
        public Map<String, Object> payload() {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("country", country == null ? "all" : country);
            payload.put("startsAt", startsAt.toString());
            payload.put("endsAt", endsAt.toString());
            payload.put("extended", extended);
            return payload;
        }
    }

    public record DeadlineApproaching(String ocid, String country, Instant deadline) {}

    public record SubmissionClosed(String ocid, Instant deadline) implements AboutProcess {
        @Override
        public String actor() {
            return "system";
        }

        @Override
        public @Nullable String organisation() {
            return null;
        }

        @Override
        public String action() {
            return "tendering.submission-closed";
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of("deadline", deadline.toString());
        }
    }

    /** The asker's identity stays in the journal (for the regulator), never in public pages or open data. */
    public record QuestionAsked(String actor, String organisation, String ocid, String questionId)
            implements AboutProcess {
        @Override
        public String action() {
            return "tendering.question-asked";
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of("question", questionId);
        }
    }

    public record QuestionAnswered(String actor, String organisation, String ocid, String questionId)
            implements AboutProcess {
        @Override
        public String action() {
            return "tendering.question-answered";
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of("question", questionId);
        }
    }
}
