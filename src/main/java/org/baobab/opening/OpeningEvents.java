// SPDX-License-Identifier: Apache-2.0
package org.baobab.opening;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baobab.shared.AuditableEvent;
import org.baobab.shared.ProcessEvent;
import org.jspecify.annotations.Nullable;

/**
 * What happens to committee keys and sealing sets, published inside the transaction of the change so that the audit
 * module journals it. Payloads hold public keys' fingerprints, never anything secret.
 */
public final class OpeningEvents {

    private OpeningEvents() {}

    /** An event about one procurement process: its subject is the ocid. */
    public interface AboutProcess extends ProcessEvent {}

    /** A committee member enrolled a key (and, if they had one, it was revoked in the same transaction). */
    public record KeyEnrolled(
            String actor,
            @Nullable String organisation,
            String userId,
            String fingerprint,
            @Nullable String replacedFingerprint,
            long logIndex)
            implements AuditableEvent {
        @Override
        public String action() {
            return "opening.key-enrolled";
        }

        @Override
        public String subjectType() {
            return "committee-key";
        }

        @Override
        public String subjectId() {
            return fingerprint;
        }

        @Override
        public Map<String, Object> payload() {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("user", userId);
            if (replacedFingerprint != null) {
                payload.put("replaces", replacedFingerprint);
            }
            payload.put("logIndex", logIndex);
            return payload;
        }
    }

    /** A key was revoked because its holder enrolled another one. */
    public record KeyRevoked(String actor, @Nullable String organisation, String userId, String fingerprint)
            implements AuditableEvent {
        @Override
        public String action() {
            return "opening.key-revoked";
        }

        @Override
        public String subjectType() {
            return "committee-key";
        }

        @Override
        public String subjectId() {
            return fingerprint;
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of("user", userId, "reason", "re-enrolment");
        }
    }

    /** An enrolment was refused: its challenge was consumed and nothing else changed. */
    public record EnrolmentRefused(String actor, @Nullable String organisation, String userId, String reason)
            implements AuditableEvent {
        @Override
        public String action() {
            return "opening.key-enrolment-refused";
        }

        @Override
        public String subjectType() {
            return "user";
        }

        @Override
        public String subjectId() {
            return userId;
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of("reason", reason);
        }
    }

    /** The PRM chose the committee and threshold of a process before its publication. */
    public record CommitteeDesignated(
            String actor, String organisation, String ocid, int threshold, List<String> members)
            implements AboutProcess {
        @Override
        public String action() {
            return "opening.committee-designated";
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of("threshold", threshold, "members", members);
        }
    }

    /** The sealing set of a process was fixed at the publication of its notice. */
    public record SealingSetFixed(
            String actor,
            String organisation,
            String ocid,
            int threshold,
            List<String> fingerprints,
            boolean designated,
            long logIndex)
            implements AboutProcess {
        @Override
        public String action() {
            return "opening.sealing-set-fixed";
        }

        @Override
        public Map<String, Object> payload() {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("threshold", threshold);
            payload.put("members", fingerprints.size());
            payload.put("fingerprints", fingerprints);
            payload.put("designated", designated);
            payload.put("logIndex", logIndex);
            return payload;
        }
    }
}
