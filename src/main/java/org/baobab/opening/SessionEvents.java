// SPDX-License-Identifier: Apache-2.0
package org.baobab.opening;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baobab.shared.AuditableEvent;
import org.jspecify.annotations.Nullable;

/**
 * What happens in an opening session, journalled in the transaction of the change. Payloads never hold a share, a
 * released key or a data key; an opened envelope's event holds what was read aloud (lots and amounts).
 */
public final class SessionEvents {

    private SessionEvents() {}

    /** A member or the PRM started a session after the deadline. */
    public record SessionStarted(
            String actor, @Nullable String organisation, String ocid, String sessionId, String kind, int envelopes)
            implements OpeningEvents.AboutProcess {
        @Override
        public String action() {
            return "opening.session-started";
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of("session", sessionId, "kind", kind, "envelopes", envelopes);
        }
    }

    /** A member came and declared whether they have a conflict of interest. */
    public record MemberDeclared(
            String actor, @Nullable String organisation, String ocid, String sessionId, int position, boolean conflict)
            implements OpeningEvents.AboutProcess {
        @Override
        public String action() {
            return "opening.member-declared";
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of("session", sessionId, "position", position, "conflict", conflict);
        }
    }

    /** A member released the keys of their shares of these envelopes (the keys themselves are not journalled). */
    public record SharesReleased(
            String actor,
            @Nullable String organisation,
            String ocid,
            String sessionId,
            int position,
            List<String> envelopes)
            implements OpeningEvents.AboutProcess {
        @Override
        public String action() {
            return "opening.shares-released";
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of("session", sessionId, "position", position, "envelopes", envelopes);
        }
    }

    /** An envelope was opened and read (or failed to open: {@code failure}). */
    public record EnvelopeOpened(
            String actor,
            @Nullable String organisation,
            String ocid,
            String envelopeId,
            int order,
            List<Integer> positions,
            Map<String, String> amounts,
            int files,
            @Nullable String failure)
            implements AuditableEvent {
        @Override
        public String action() {
            return "opening.envelope-opened";
        }

        @Override
        public String subjectType() {
            return "bid-envelope";
        }

        @Override
        public String subjectId() {
            return envelopeId;
        }

        @Override
        public Map<String, Object> payload() {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("ocid", ocid);
            payload.put("order", order);
            payload.put("shares", positions);
            payload.put("amounts", amounts);
            payload.put("files", files);
            if (failure != null) {
                payload.put("failure", failure);
            }
            return payload;
        }
    }

    /**
     * The committee recorded (or corrected, before the minutes were approved) the state of an opened bid's pieces: each
     * required document's state, and the bid security.
     */
    public record PiecesRecorded(
            String actor,
            @Nullable String organisation,
            String ocid,
            String sessionId,
            String envelopeId,
            Map<String, String> documents,
            boolean bidSecurity,
            @Nullable String bidSecurityAmount,
            @Nullable String bidSecurityIssuer)
            implements OpeningEvents.AboutProcess {
        @Override
        public String action() {
            return "opening.pieces-recorded";
        }

        @Override
        public Map<String, Object> payload() {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("session", sessionId);
            payload.put("envelope", envelopeId);
            payload.put("documents", documents);
            payload.put("bidSecurity", bidSecurity);
            if (bidSecurityAmount != null) {
                payload.put("bidSecurityAmount", bidSecurityAmount);
            }
            if (bidSecurityIssuer != null) {
                payload.put("bidSecurityIssuer", bidSecurityIssuer);
            }
            return payload;
        }
    }

    /** The committee recorded the bidders' representatives present at the session (their names, as the minutes list them). */
    public record RepresentativesRecorded(
            String actor, @Nullable String organisation, String ocid, String sessionId, List<String> representatives)
            implements OpeningEvents.AboutProcess {
        @Override
        public String action() {
            return "opening.representatives-recorded";
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of("session", sessionId, "representatives", representatives);
        }
    }

    /** Something changed in a process's opening (not journalled): the live page tells its watchers. */
    public record Changed(String ocid) {}
}
