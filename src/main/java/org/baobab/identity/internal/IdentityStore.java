// SPDX-License-Identifier: Apache-2.0
package org.baobab.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.baobab.identity.CurrentUser;
import org.baobab.identity.Organisation;
import org.baobab.shared.OrganisationKind;
import org.baobab.shared.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The identity module's tables, in plain SQL. Only this module reads or writes them. */
@Repository
public class IdentityStore {

    private final JdbcClient jdbc;

    IdentityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record UserRow(
            UUID id,
            String email,
            String fullName,
            String passwordHash,
            boolean emailVerified,
            boolean active,
            String language,
            @Nullable String totpSecret,
            long totpLastStep,
            int failedLogins,
            @Nullable Instant lockedUntil) {}

    public record TokenRow(
            String tokenHash,
            String purpose,
            @Nullable UUID userId,
            String email,
            @Nullable UUID organisationId,
            @Nullable String role,
            Instant expiresAt,
            @Nullable Instant usedAt) {}

    public record MemberRow(UUID userId, String email, String fullName, Role role, boolean secondFactorEnrolled) {}

    /** An invitation sent and not yet accepted: to whom, with which role, when. */
    public record PendingInvitation(String email, Role role, Instant sentAt, Instant expiresAt) {}

    private static final String USER_COLUMNS = "id, email, full_name, password_hash, email_verified, active, language,"
            + " totp_secret, totp_last_step, failed_logins, locked_until";

    private static UserRow user(ResultSet rs, int row) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        return new UserRow(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getString("full_name"),
                rs.getString("password_hash"),
                rs.getBoolean("email_verified"),
                rs.getBoolean("active"),
                rs.getString("language"),
                rs.getString("totp_secret"),
                rs.getLong("totp_last_step"),
                rs.getInt("failed_logins"),
                locked == null ? null : locked.toInstant());
    }

    private static Organisation organisation(ResultSet rs, int row) throws SQLException {
        return new Organisation(
                rs.getObject("id", UUID.class),
                OrganisationKind.valueOf(rs.getString("kind")),
                rs.getString("name"),
                rs.getString("country"),
                rs.getTimestamp("created_at").toInstant());
    }

    public Optional<UserRow> userByEmail(String email) {
        return jdbc.sql("select " + USER_COLUMNS + " from identity_user where lower(email) = lower(:email)")
                .param("email", email.trim())
                .query(IdentityStore::user)
                .optional();
    }

    public Optional<UserRow> userById(UUID id) {
        return jdbc.sql("select " + USER_COLUMNS + " from identity_user where id = :id")
                .param("id", id)
                .query(IdentityStore::user)
                .optional();
    }

    /** The user's row, locked until the end of the transaction (counters and tokens change under it). */
    public Optional<UserRow> userForUpdate(UUID id) {
        return jdbc.sql("select " + USER_COLUMNS + " from identity_user where id = :id for update")
                .param("id", id)
                .query(IdentityStore::user)
                .optional();
    }

    public void insertUser(
            UUID id,
            String email,
            String fullName,
            String passwordHash,
            boolean verified,
            String language,
            Instant at) {
        jdbc.sql("""
                insert into identity_user (id, email, full_name, password_hash, email_verified, language, created_at)
                values (:id, :email, :name, :hash, :verified, :language, :at)""")
                .param("id", id)
                .param("email", email.trim())
                .param("name", fullName.trim())
                .param("hash", passwordHash)
                .param("verified", verified)
                .param("language", language)
                .param("at", Timestamp.from(at))
                .update();
    }

    public void markEmailVerified(UUID id) {
        jdbc.sql("update identity_user set email_verified = true, version = version + 1 where id = :id")
                .param("id", id)
                .update();
    }

    public void updatePassword(UUID id, String passwordHash) {
        jdbc.sql("""
                update identity_user set password_hash = :hash, failed_logins = 0, locked_until = null,
                       version = version + 1 where id = :id""").param("id", id).param("hash", passwordHash).update();
    }

    public void updateTotp(UUID id, String encryptedSecret, long lastStep) {
        jdbc.sql("update identity_user set totp_secret = :secret, totp_last_step = :step, version = version + 1"
                        + " where id = :id")
                .param("id", id)
                .param("secret", encryptedSecret)
                .param("step", lastStep)
                .update();
    }

    public void recordTotpStep(UUID id, long step) {
        jdbc.sql("update identity_user set totp_last_step = :step, failed_logins = 0 where id = :id")
                .param("id", id)
                .param("step", step)
                .update();
    }

    public void recordFailure(UUID id, int failures, @Nullable Instant lockedUntil) {
        jdbc.sql("update identity_user set failed_logins = :failures, locked_until = :until where id = :id")
                .param("id", id)
                .param("failures", failures)
                .param("until", lockedUntil == null ? null : Timestamp.from(lockedUntil))
                .update();
    }

    public void resetFailures(UUID id) {
        jdbc.sql("update identity_user set failed_logins = 0, locked_until = null where id = :id and failed_logins > 0")
                .param("id", id)
                .update();
    }

    public void insertOrganisation(UUID id, OrganisationKind kind, String name, String country, Instant at) {
        jdbc.sql("""
                insert into identity_organisation (id, kind, name, country, created_at)
                values (:id, :kind, :name, :country, :at)""")
                .param("id", id)
                .param("kind", kind.name())
                .param("name", name.trim())
                .param("country", country)
                .param("at", Timestamp.from(at))
                .update();
    }

    public boolean organisationNameTaken(String country, String name) {
        return jdbc.sql("select count(*) from identity_organisation where country = :country"
                                + " and lower(name) = lower(:name)")
                        .param("country", country)
                        .param("name", name.trim())
                        .query(Long.class)
                        .single()
                > 0;
    }

    public Optional<Organisation> organisation(UUID id) {
        return jdbc.sql("select id, kind, name, country, created_at from identity_organisation where id = :id")
                .param("id", id)
                .query(IdentityStore::organisation)
                .optional();
    }

    public List<Organisation> organisations() {
        return jdbc.sql("select id, kind, name, country, created_at from identity_organisation order by kind, name")
                .query(IdentityStore::organisation)
                .list();
    }

    public void grant(UUID userId, UUID organisationId, Role role, String grantedBy, Instant at) {
        jdbc.sql("""
                insert into identity_membership (user_id, organisation_id, role, granted_at, granted_by)
                values (:user, :org, :role, :at, :by) on conflict do nothing""")
                .param("user", userId)
                .param("org", organisationId)
                .param("role", role.name())
                .param("at", Timestamp.from(at))
                .param("by", grantedBy)
                .update();
    }

    public boolean revoke(UUID userId, UUID organisationId, Role role) {
        return jdbc.sql("delete from identity_membership where user_id = :user and organisation_id = :org"
                                + " and role = :role")
                        .param("user", userId)
                        .param("org", organisationId)
                        .param("role", role.name())
                        .update()
                > 0;
    }

    public List<CurrentUser.Membership> memberships(UUID userId) {
        return jdbc.sql("""
                select o.id, o.name, o.kind, o.country, m.role
                from identity_membership m join identity_organisation o on o.id = m.organisation_id
                where m.user_id = :user order by m.granted_at, o.name, m.role""")
                .param("user", userId)
                .query((rs, n) -> new CurrentUser.Membership(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        OrganisationKind.valueOf(rs.getString("kind")),
                        rs.getString("country"),
                        Role.valueOf(rs.getString("role"))))
                .list();
    }

    public List<MemberRow> members(UUID organisationId) {
        return jdbc.sql("""
                select u.id, u.email, u.full_name, m.role, u.totp_secret is not null as enrolled
                from identity_membership m join identity_user u on u.id = m.user_id
                where m.organisation_id = :org order by u.full_name, m.role""")
                .param("org", organisationId)
                .query((rs, n) -> new MemberRow(
                        rs.getObject("id", UUID.class),
                        rs.getString("email"),
                        rs.getString("full_name"),
                        Role.valueOf(rs.getString("role")),
                        rs.getBoolean("enrolled")))
                .list();
    }

    /**
     * The organisation's invitations still open at that instant: not used, not expired, and to an address that has no
     * account yet (a second invitation to someone who accepted the first stays unused). Newest first.
     */
    public List<PendingInvitation> pendingInvitations(UUID organisationId, Instant now) {
        return jdbc.sql("""
                select t.email, t.role, t.created_at, t.expires_at from identity_token t
                where t.purpose = 'INVITATION' and t.organisation_id = :org and t.used_at is null
                  and t.expires_at > :now
                  and not exists (select 1 from identity_user u where lower(u.email) = lower(t.email))
                order by t.created_at desc, t.email""")
                .param("org", organisationId)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new PendingInvitation(
                        rs.getString("email"),
                        Role.valueOf(rs.getString("role")),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("expires_at").toInstant()))
                .list();
    }

    public long countRole(UUID organisationId, Role role) {
        return jdbc.sql("select count(*) from identity_membership where organisation_id = :org and role = :role")
                .param("org", organisationId)
                .param("role", role.name())
                .query(Long.class)
                .single();
    }

    public void insertToken(
            String tokenHash,
            String purpose,
            @Nullable UUID userId,
            String email,
            @Nullable UUID organisationId,
            @Nullable Role role,
            Instant now,
            Instant expiresAt) {
        jdbc.sql("""
                insert into identity_token (token_hash, purpose, user_id, email, organisation_id, role, created_at,
                                            expires_at)
                values (:hash, :purpose, :user, :email, :org, :role, :now, :expires)""")
                .param("hash", tokenHash)
                .param("purpose", purpose)
                .param("user", userId)
                .param("email", email)
                .param("org", organisationId)
                .param("role", role == null ? null : role.name())
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(expiresAt))
                .update();
    }

    /** The token, locked for the transaction so that two concurrent uses cannot both succeed. */
    public Optional<TokenRow> tokenForUpdate(String tokenHash, String purpose) {
        return token(tokenHash, purpose, " for update");
    }

    /** The token, to show whether a link still works (no lock: nothing changes). */
    public Optional<TokenRow> token(String tokenHash, String purpose) {
        return token(tokenHash, purpose, "");
    }

    private Optional<TokenRow> token(String tokenHash, String purpose, String lock) {
        return jdbc.sql("select * from identity_token where token_hash = :hash and purpose = :purpose" + lock)
                .param("hash", tokenHash)
                .param("purpose", purpose)
                .query((rs, n) -> {
                    Timestamp used = rs.getTimestamp("used_at");
                    return new TokenRow(
                            rs.getString("token_hash"),
                            rs.getString("purpose"),
                            rs.getObject("user_id", UUID.class),
                            rs.getString("email"),
                            rs.getObject("organisation_id", UUID.class),
                            rs.getString("role"),
                            rs.getTimestamp("expires_at").toInstant(),
                            used == null ? null : used.toInstant());
                })
                .optional();
    }

    public void markTokenUsed(String tokenHash, Instant at) {
        jdbc.sql("update identity_token set used_at = :at where token_hash = :hash")
                .param("hash", tokenHash)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Earlier unused tokens of the same purpose stop working when a new one is sent. */
    public void expireOpenTokens(UUID userId, String purpose, Instant at) {
        jdbc.sql("update identity_token set used_at = :at where user_id = :user and purpose = :purpose"
                        + " and used_at is null")
                .param("user", userId)
                .param("purpose", purpose)
                .param("at", Timestamp.from(at))
                .update();
    }

    public void recordAttempt(Instant at, String email, String ip, String outcome) {
        jdbc.sql("insert into identity_login_attempt (at, email, ip, outcome) values (:at, :email, :ip, :outcome)")
                .param("at", Timestamp.from(at))
                .param("email", email.length() > 320 ? email.substring(0, 320) : email)
                .param("ip", ip)
                .param("outcome", outcome)
                .update();
    }

    /**
     * When the e-mail (any case) failed a password or code from the address, newest first, since {@code since} and
     * since its last success from there.
     */
    public List<Instant> failuresFor(String email, String ip, Instant since) {
        return jdbc.sql("""
                        select at from identity_login_attempt a
                         where a.ip = :ip and lower(a.email) = lower(:email) and a.at >= :since
                           and a.outcome in ('BAD_CREDENTIALS', 'BAD_CODE')
                           and not exists (select 1 from identity_login_attempt s
                                            where s.ip = :ip and lower(s.email) = lower(:email)
                                              and s.outcome = 'SUCCESS' and s.at >= a.at)
                         order by a.at desc""")
                .param("ip", ip)
                .param("email", email.length() > 320 ? email.substring(0, 320) : email)
                .param("since", Timestamp.from(since))
                .query((rs, row) -> rs.getTimestamp("at").toInstant())
                .list();
    }

    public long failuresFrom(String ip, Instant since) {
        return jdbc.sql("select count(*) from identity_login_attempt where ip = :ip and at >= :since"
                        + " and outcome <> 'SUCCESS'")
                .param("ip", ip)
                .param("since", Timestamp.from(since))
                .query(Long.class)
                .single();
    }
}
