// SPDX-License-Identifier: Apache-2.0
package org.baobab.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.baobab.identity.IdentityEvents.EmailVerificationRequested;
import org.baobab.identity.IdentityEvents.EmailVerified;
import org.baobab.identity.IdentityEvents.MemberInvited;
import org.baobab.identity.IdentityEvents.OrganisationRegistered;
import org.baobab.identity.IdentityEvents.PasswordChanged;
import org.baobab.identity.IdentityEvents.PasswordResetRequested;
import org.baobab.identity.IdentityEvents.RoleChanged;
import org.baobab.identity.IdentityEvents.UserRegistered;
import org.baobab.identity.internal.IdentityStore;
import org.baobab.identity.internal.IdentityStore.MemberRow;
import org.baobab.identity.internal.IdentityStore.PendingInvitation;
import org.baobab.identity.internal.IdentityStore.TokenRow;
import org.baobab.identity.internal.IdentityStore.UserRow;
import org.baobab.shared.BaobabException;
import org.baobab.shared.CountryCode;
import org.baobab.shared.NotFoundException;
import org.baobab.shared.OrganisationKind;
import org.baobab.shared.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The account use cases: supplier self-registration, e-mail verification, password reset, organisations created by the
 * platform admin, invitations by an organisation's admin, role changes. Each runs in one transaction that also writes
 * its audit entries (through the events it publishes), so a refused command changes nothing.
 */
@Service
@Transactional
public class Accounts {

    static final String VERIFY_EMAIL = "VERIFY_EMAIL";
    static final String RESET_PASSWORD = "RESET_PASSWORD";
    static final String INVITATION = "INVITATION";

    /** Something, an at sign, something with a dot, no spaces: what can be checked of an address before mailing it. */
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final IdentityStore store;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String baseUrl;
    private final AccountPolicy policy;
    private final SecureRandom random = new SecureRandom();

    Accounts(
            IdentityStore store,
            PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${baobab.base-url}") String baseUrl,
            AccountPolicy policy) {
        this.store = store;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.policy = policy;
    }

    /** What a company gives to register itself. */
    public record SupplierRegistration(
            String companyName, String country, String fullName, String email, String password, String language) {}

    /**
     * A company registers itself: the organisation, its first user (the supplier admin) and a mail to verify the
     * address. The account can sign in once the address is verified.
     */
    public UUID registerSupplier(SupplierRegistration registration) {
        String country = country(registration.country());
        checkPassword(registration.password(), registration.email());
        if (store.userByEmail(registration.email()).isPresent()) {
            throw new BaobabException(IdentityErrorCode.EMAIL_TAKEN, registration.email());
        }
        if (store.organisationNameTaken(country, registration.companyName())) {
            throw new BaobabException(IdentityErrorCode.ORGANISATION_NAME_TAKEN, registration.companyName());
        }
        Instant now = clock.instant();
        UUID organisationId = UUID.randomUUID();
        UUID userId = UUID.randomUUID();
        String email = registration.email().trim();
        store.insertOrganisation(organisationId, OrganisationKind.SUPPLIER, registration.companyName(), country, now);
        store.insertUser(
                userId,
                email,
                registration.fullName(),
                passwordEncoder.encode(registration.password()),
                false,
                language(registration.language()),
                now);
        store.grant(userId, organisationId, Role.SUPPLIER_ADMIN, email, now);
        events.publishEvent(new OrganisationRegistered(
                email, organisationId, registration.companyName().trim(), OrganisationKind.SUPPLIER, country));
        events.publishEvent(new UserRegistered(email, userId, email, organisationId));
        events.publishEvent(new RoleChanged(email, organisationId, userId, email, Role.SUPPLIER_ADMIN, true));
        sendVerification(userId, email, registration.fullName().trim(), language(registration.language()));
        return userId;
    }

    /** Sends a new verification link (earlier links stop working). Silent for unknown or verified addresses. */
    public void resendVerification(String email) {
        store.userByEmail(email)
                .filter(u -> !u.emailVerified())
                .ifPresent(u -> sendVerification(u.id(), u.email(), u.fullName(), u.language()));
    }

    private void sendVerification(UUID userId, String email, String name, String language) {
        Instant now = clock.instant();
        store.expireOpenTokens(userId, VERIFY_EMAIL, now);
        String token = newToken();
        store.insertToken(
                hash(token), VERIFY_EMAIL, userId, email, null, null, now, now.plus(policy.emailTokenValidity()));
        events.publishEvent(
                new EmailVerificationRequested(userId, email, name, language, link("/verify-email", token)));
    }

    /** The link in the verification mail was followed. */
    public void verifyEmail(String token) {
        TokenRow row = useToken(token, VERIFY_EMAIL);
        UUID userId = java.util.Objects.requireNonNull(row.userId());
        store.markEmailVerified(userId);
        events.publishEvent(new EmailVerified(userId, row.email()));
    }

    /**
     * Sends a reset link if the address names an account. The answer to the person is the same either way, so that
     * the form does not tell who has an account.
     */
    public void requestPasswordReset(String email, String ip) {
        Optional<UserRow> user = store.userByEmail(email).filter(UserRow::active);
        if (user.isEmpty()) {
            return;
        }
        UserRow u = user.get();
        Instant now = clock.instant();
        store.expireOpenTokens(u.id(), RESET_PASSWORD, now);
        String token = newToken();
        store.insertToken(
                hash(token), RESET_PASSWORD, u.id(), u.email(), null, null, now, now.plus(policy.resetTokenValidity()));
        events.publishEvent(new PasswordResetRequested(
                u.id(), u.email(), u.fullName(), u.language(), link("/password/reset", token), ip));
    }

    /** Whether a reset or invitation token can still be used (to show its form, or an error at once). */
    @Transactional(readOnly = true)
    public boolean tokenUsable(String token, String purpose) {
        return store.token(hash(token), purpose)
                .filter(t -> t.usedAt() == null && t.expiresAt().isAfter(clock.instant()))
                .isPresent();
    }

    /**
     * Sets a new password with a reset link; this also unlocks the account and verifies the address. Returns the
     * account's e-mail.
     */
    public String resetPassword(String token, String newPassword) {
        TokenRow row = store.tokenForUpdate(hash(token), RESET_PASSWORD)
                .filter(t -> t.usedAt() == null && t.expiresAt().isAfter(clock.instant()))
                .orElseThrow(() -> new BaobabException(IdentityErrorCode.TOKEN_INVALID));
        checkPassword(newPassword, row.email());
        store.markTokenUsed(row.tokenHash(), clock.instant());
        UUID userId = java.util.Objects.requireNonNull(row.userId());
        store.updatePassword(userId, passwordEncoder.encode(newPassword));
        store.markEmailVerified(userId);
        events.publishEvent(new PasswordChanged(userId, row.email(), "reset-link"));
        return row.email();
    }

    /**
     * The platform admin creates a public organisation (contracting authority, control body, regulator) and invites
     * its first administrator.
     */
    public UUID createOrganisation(
            CurrentUser actor,
            OrganisationKind kind,
            String name,
            String country,
            String adminEmail,
            String adminName,
            String language) {
        String code = country(country);
        if (store.organisationNameTaken(code, name)) {
            throw new BaobabException(IdentityErrorCode.ORGANISATION_NAME_TAKEN, name);
        }
        UUID id = UUID.randomUUID();
        store.insertOrganisation(id, kind, name, code, clock.instant());
        events.publishEvent(new OrganisationRegistered(actor.email(), id, name.trim(), kind, code));
        Role firstRole = kind == OrganisationKind.SUPPLIER ? Role.SUPPLIER_ADMIN : Role.ORGANISATION_ADMIN;
        sendInvitation(actor, id, adminEmail, adminName, firstRole, language);
        return id;
    }

    /** An organisation's admin invites a colleague with a role; the colleague sets a password from the mail's link. */
    public void invite(CurrentUser actor, UUID organisationId, String email, String name, Role role, String language) {
        requireAdmin(actor, organisationId);
        sendInvitation(actor, organisationId, email, name, role, language);
    }

    private void sendInvitation(
            CurrentUser actor, UUID organisationId, String email, String name, Role role, String language) {
        Organisation organisation =
                store.organisation(organisationId).orElseThrow(() -> new NotFoundException(organisationId));
        if (!role.allowedIn(organisation.kind())) {
            throw new BaobabException(IdentityErrorCode.ROLE_NOT_ALLOWED, role.name());
        }
        if (email.trim().length() > 320 || !ADDRESS.matcher(email.trim()).matches()) {
            // the mail could never leave, and would be retried for ever
            throw new BaobabException(IdentityErrorCode.INVALID_EMAIL, email);
        }
        if (store.userByEmail(email).isPresent()) {
            throw new BaobabException(IdentityErrorCode.EMAIL_TAKEN, email);
        }
        Instant now = clock.instant();
        String token = newToken();
        store.insertToken(
                hash(token),
                INVITATION,
                null,
                email.trim(),
                organisationId,
                role,
                now,
                now.plus(policy.invitationValidity()));
        events.publishEvent(new MemberInvited(
                actor.email(),
                organisationId,
                organisation.name(),
                role,
                email.trim(),
                name.trim(),
                language(language),
                link("/invitation", token)));
    }

    /** The invited person sets their name and password: the account exists, verified, with the invited role. */
    public UUID acceptInvitation(String token, String fullName, String password, String language) {
        TokenRow row = store.tokenForUpdate(hash(token), INVITATION)
                .filter(t -> t.usedAt() == null && t.expiresAt().isAfter(clock.instant()))
                .orElseThrow(() -> new BaobabException(IdentityErrorCode.TOKEN_INVALID));
        checkPassword(password, row.email());
        if (store.userByEmail(row.email()).isPresent()) {
            throw new BaobabException(IdentityErrorCode.EMAIL_TAKEN, row.email());
        }
        Instant now = clock.instant();
        store.markTokenUsed(row.tokenHash(), now);
        UUID userId = UUID.randomUUID();
        UUID organisationId = java.util.Objects.requireNonNull(row.organisationId());
        Role role = Role.valueOf(java.util.Objects.requireNonNull(row.role()));
        store.insertUser(
                userId, row.email(), fullName, passwordEncoder.encode(password), true, language(language), now);
        store.grant(userId, organisationId, role, row.email(), now);
        events.publishEvent(new UserRegistered(row.email(), userId, row.email(), organisationId));
        events.publishEvent(new RoleChanged(row.email(), organisationId, userId, row.email(), role, true));
        return userId;
    }

    /** Gives a member one more role in the organisation. */
    public void grantRole(CurrentUser actor, UUID organisationId, UUID userId, Role role) {
        requireAdmin(actor, organisationId);
        Organisation organisation =
                store.organisation(organisationId).orElseThrow(() -> new NotFoundException(organisationId));
        if (!role.allowedIn(organisation.kind())) {
            throw new BaobabException(IdentityErrorCode.ROLE_NOT_ALLOWED, role.name());
        }
        MemberRow member = member(organisationId, userId);
        if (store.members(organisationId).stream().anyMatch(m -> m.userId().equals(userId) && m.role() == role)) {
            throw new BaobabException(IdentityErrorCode.ALREADY_MEMBER, member.email());
        }
        store.grant(userId, organisationId, role, actor.email(), clock.instant());
        events.publishEvent(new RoleChanged(actor.email(), organisationId, userId, member.email(), role, true));
    }

    /** Takes a role away; the organisation keeps at least one admin. */
    public void revokeRole(CurrentUser actor, UUID organisationId, UUID userId, Role role) {
        requireAdmin(actor, organisationId);
        MemberRow member = member(organisationId, userId);
        if ((role == Role.ORGANISATION_ADMIN || role == Role.SUPPLIER_ADMIN)
                && store.countRole(organisationId, role) <= 1) {
            throw new BaobabException(IdentityErrorCode.LAST_ADMIN);
        }
        if (store.revoke(userId, organisationId, role)) {
            events.publishEvent(new RoleChanged(actor.email(), organisationId, userId, member.email(), role, false));
        }
    }

    private MemberRow member(UUID organisationId, UUID userId) {
        return store.members(organisationId).stream()
                .filter(m -> m.userId().equals(userId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException(userId));
    }

    /** The members of an organisation, for its admin. */
    @Transactional(readOnly = true)
    public List<MemberRow> members(CurrentUser actor, UUID organisationId) {
        requireAdmin(actor, organisationId);
        return store.members(organisationId);
    }

    /** The invitations the organisation sent that are still open (neither accepted nor expired), for its admin. */
    @Transactional(readOnly = true)
    public List<PendingInvitation> pendingInvitations(CurrentUser actor, UUID organisationId) {
        requireAdmin(actor, organisationId);
        return store.pendingInvitations(organisationId, clock.instant());
    }

    @Transactional(readOnly = true)
    public List<Organisation> organisations() {
        return store.organisations();
    }

    @Transactional(readOnly = true)
    public Optional<Organisation> organisation(UUID id) {
        return store.organisation(id);
    }

    /** The view of the user with this e-mail address, with their memberships (for jobs and demo data). */
    @Transactional(readOnly = true)
    public Optional<CurrentUser> currentUserByEmail(String email) {
        return store.userByEmail(email).flatMap(u -> currentUser(u.id()));
    }

    /**
     * The members of an organisation who hold a role, for what the platform itself sends them (an expiry reminder to
     * a company's admins): no actor, so never exposed to a request as such.
     */
    @Transactional(readOnly = true)
    public List<CurrentUser> holders(UUID organisationId, Role role) {
        return store.members(organisationId).stream()
                .filter(m -> m.role() == role)
                .map(m -> currentUser(m.userId()))
                .flatMap(Optional::stream)
                .toList();
    }

    /** The signed-in view of a user, with their memberships. */
    @Transactional(readOnly = true)
    public Optional<CurrentUser> currentUser(UUID userId) {
        return store.userById(userId)
                .map(u -> new CurrentUser(u.id(), u.email(), u.fullName(), u.language(), store.memberships(u.id())));
    }

    /** Changes one's own password, knowing the current one. */
    public void changePassword(CurrentUser actor, String currentPassword, String newPassword) {
        UserRow user = store.userForUpdate(actor.id()).orElseThrow(() -> new NotFoundException(actor.id()));
        if (!passwordEncoder.matches(currentPassword, user.passwordHash())) {
            throw new BaobabException(IdentityErrorCode.CURRENT_PASSWORD_WRONG);
        }
        checkPassword(newPassword, user.email());
        store.updatePassword(user.id(), passwordEncoder.encode(newPassword));
        events.publishEvent(new PasswordChanged(user.id(), user.email(), "account-page"));
    }

    private void requireAdmin(CurrentUser actor, UUID organisationId) {
        if (!actor.hasRoleIn(organisationId, Role.ORGANISATION_ADMIN)
                && !actor.hasRoleIn(organisationId, Role.SUPPLIER_ADMIN)
                && !actor.hasRole(Role.PLATFORM_ADMIN)) {
            throw new BaobabException(IdentityErrorCode.NOT_ORGANISATION_ADMIN);
        }
    }

    private TokenRow useToken(String token, String purpose) {
        TokenRow row = store.tokenForUpdate(hash(token), purpose)
                .filter(t -> t.usedAt() == null && t.expiresAt().isAfter(clock.instant()))
                .orElseThrow(() -> new BaobabException(IdentityErrorCode.TOKEN_INVALID));
        store.markTokenUsed(row.tokenHash(), clock.instant());
        return row;
    }

    /**
     * At least 12 characters (NIST SP 800-63B favours length over composition rules), at most 128, not the e-mail
     * address itself.
     */
    void checkPassword(String password, String email) {
        String local = email.contains("@") ? email.substring(0, email.indexOf('@')) : email;
        if (password.length() < 12
                || password.length() > 128
                || password.equalsIgnoreCase(email)
                || password.toLowerCase(Locale.ROOT).contains(local.toLowerCase(Locale.ROOT))
                || password.chars().distinct().count() < 5) {
            throw new BaobabException(IdentityErrorCode.WEAK_PASSWORD);
        }
    }

    private static String country(String country) {
        if (!CountryCode.isValid(country)) {
            throw new BaobabException(IdentityErrorCode.INVALID_COUNTRY, country);
        }
        return CountryCode.of(country).value();
    }

    private static String language(String language) {
        return switch (language) {
            case "en", "ar" -> language;
            default -> "fr";
        };
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String link(String path, String token) {
        return UriComponentsBuilder.fromUriString(baseUrl)
                .path(path)
                .queryParam("token", token)
                .build()
                .toUriString();
    }

    /** Tokens are stored as their SHA-256 only. */
    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
