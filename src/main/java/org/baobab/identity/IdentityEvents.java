// SPDX-License-Identifier: Apache-2.0
package org.baobab.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.baobab.shared.AuditableEvent;
import org.baobab.shared.OrganisationKind;
import org.baobab.shared.Role;
import org.jspecify.annotations.Nullable;

/**
 * The events of the identity module: each is journalled by the audit module in the transaction of the change; those
 * that ask for a mail ({@link MailRequest}) are also handed to the notifications module through the outbox.
 */
public final class IdentityEvents {

    private IdentityEvents() {}

    /**
     * A mail that a person must receive to go on (a link to verify, reset, or accept). The link holds a one-time
     * token, so it is never part of the audit payload.
     */
    public interface MailRequest {
        String recipient();

        String recipientName();

        String language();

        /** The mail template, {@code mail/<template>.html}. */
        String template();

        String link();
    }

    /** An event about one user account, acting for no particular organisation. */
    public interface AboutUser extends AuditableEvent {
        UUID userId();

        @Override
        default @Nullable String organisation() {
            return null;
        }

        @Override
        default String subjectType() {
            return "user";
        }

        @Override
        default String subjectId() {
            return userId().toString();
        }
    }

    public record OrganisationRegistered(
            String actor, UUID organisationId, String name, OrganisationKind kind, String country)
            implements AuditableEvent {
        @Override
        public String organisation() {
            return organisationId.toString();
        }

        @Override
        public String action() {
            return "identity.organisation-registered";
        }

        @Override
        public String subjectType() {
            return "organisation";
        }

        @Override
        public String subjectId() {
            return organisationId.toString();
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of("name", name, "kind", kind.name(), "country", country);
        }
    }

    public record UserRegistered(
            String actor,
            UUID userId,
            String email,
            @Nullable UUID organisationId) implements AuditableEvent {
        @Override
        public @Nullable String organisation() {
            return organisationId == null ? null : organisationId.toString();
        }

        @Override
        public String action() {
            return "identity.user-registered";
        }

        @Override
        public String subjectType() {
            return "user";
        }

        @Override
        public String subjectId() {
            return userId.toString();
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of("email", email);
        }
    }

    public record EmailVerificationRequested(
            UUID userId, String recipient, String recipientName, String language, String link)
            implements AboutUser, MailRequest {
        @Override
        public String actor() {
            return recipient;
        }

        @Override
        public String action() {
            return "identity.email-verification-requested";
        }

        @Override
        public String template() {
            return "verify-email";
        }
    }

    public record EmailVerified(UUID userId, String email) implements AboutUser {
        @Override
        public String actor() {
            return email;
        }

        @Override
        public String action() {
            return "identity.email-verified";
        }
    }

    public record PasswordResetRequested(
            UUID userId, String recipient, String recipientName, String language, String link, String ip)
            implements AboutUser, MailRequest {
        @Override
        public String actor() {
            return "anonymous";
        }

        @Override
        public String action() {
            return "identity.password-reset-requested";
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of("ip", ip);
        }

        @Override
        public String template() {
            return "reset-password";
        }
    }

    public record PasswordChanged(UUID userId, String email, String how) implements AboutUser {
        @Override
        public String actor() {
            return email;
        }

        @Override
        public String action() {
            return "identity.password-changed";
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of("how", how);
        }
    }

    public record MemberInvited(
            String actor,
            UUID organisationId,
            String organisationName,
            Role role,
            String recipient,
            String recipientName,
            String language,
            String link)
            implements AuditableEvent, MailRequest {
        @Override
        public String organisation() {
            return organisationId.toString();
        }

        @Override
        public String action() {
            return "identity.member-invited";
        }

        @Override
        public String subjectType() {
            return "organisation";
        }

        @Override
        public String subjectId() {
            return organisationId.toString();
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of("email", recipient, "role", role.name());
        }

        @Override
        public String template() {
            return "invitation";
        }
    }

    /** A role given to or taken from a member: journalled as a role change. */
    public record RoleChanged(String actor, UUID organisationId, UUID userId, String email, Role role, boolean granted)
            implements AuditableEvent {
        @Override
        public String organisation() {
            return organisationId.toString();
        }

        @Override
        public String action() {
            return granted ? "identity.role-granted" : "identity.role-revoked";
        }

        @Override
        public String subjectType() {
            return "user";
        }

        @Override
        public String subjectId() {
            return userId.toString();
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of("email", email, "role", role.name());
        }
    }

    public record SecondFactorEnrolled(UUID userId, String email) implements AboutUser {
        @Override
        public String actor() {
            return email;
        }

        @Override
        public String action() {
            return "identity.second-factor-enrolled";
        }
    }

    public record LoginSucceeded(UUID userId, String email, String ip, boolean secondFactor) implements AboutUser {
        @Override
        public String actor() {
            return email;
        }

        @Override
        public String action() {
            return "identity.login-succeeded";
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of("ip", ip, "secondFactor", secondFactor);
        }
    }

    /**
     * A refused sign-in: wrong password, wrong code, locked or unverified account, or too many attempts from one
     * address. The e-mail typed is kept (it may name no account); the password never is.
     */
    public record LoginFailed(String email, @Nullable UUID userId, String ip, String reason, boolean accountLocked)
            implements AuditableEvent {
        @Override
        public String actor() {
            return "anonymous";
        }

        @Override
        public @Nullable String organisation() {
            return null;
        }

        @Override
        public String action() {
            return "identity.login-failed";
        }

        @Override
        public String subjectType() {
            return "user";
        }

        @Override
        public String subjectId() {
            return userId == null ? email : userId.toString();
        }

        @Override
        public Map<String, Object> payload() {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("email", email);
            payload.put("ip", ip);
            payload.put("reason", reason);
            payload.put("accountLocked", accountLocked);
            return payload;
        }
    }
}
