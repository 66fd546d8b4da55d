// SPDX-License-Identifier: Apache-2.0
package org.baobab.opening.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code opening_*} tables: committee keys, enrolment challenges, designations and sealing sets. */
@Repository
public class OpeningStore {

    private final JdbcClient jdbc;

    OpeningStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An enrolled key. */
    public record KeyRow(
            UUID id,
            UUID userId,
            UUID organisationId,
            byte[] point,
            String fingerprint,
            Instant enrolledAt,
            @Nullable Instant revokedAt) {}

    /** A stored enrolment challenge, with the private half of its server key. */
    public record ChallengeRow(
            UUID id, UUID userId, byte[] challenge, byte[] serverPoint, byte[] serverPrivateKey, Instant expiresAt) {}

    /** A member of a fixed sealing set. */
    public record MemberRow(int position, UUID userId, String name, byte[] point) {}

    /** A fixed sealing set's header. */
    public record SetRow(String ocid, int threshold, boolean designated, Instant fixedAt) {}

    /** The PRM's designation of a process's committee. */
    public record DesignationRow(String ocid, int threshold, List<UUID> members, String by, Instant at) {}

    // ---- keys

    public Optional<KeyRow> activeKey(UUID userId) {
        return jdbc.sql("select * from opening_committee_key where user_id = :u and revoked_at is null")
                .param("u", userId)
                .query(OpeningStore::key)
                .optional();
    }

    /** The active keys of these users, oldest enrolment first. */
    public List<KeyRow> activeKeys(List<UUID> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select * from opening_committee_key
                        where revoked_at is null and user_id in (:users)
                        order by enrolled_at, id
                        """).param("users", userIds).query(OpeningStore::key).list();
    }

    public boolean fingerprintExists(String fingerprint) {
        return jdbc.sql("select count(*) from opening_committee_key where fingerprint = :f")
                        .param("f", fingerprint)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public void revoke(UUID keyId, Instant at) {
        jdbc.sql("update opening_committee_key set revoked_at = :at where id = :id and revoked_at is null")
                .param("id", keyId)
                .param("at", Timestamp.from(at))
                .update();
    }

    public void insertKey(UUID id, UUID userId, UUID organisationId, byte[] point, String fingerprint, Instant at) {
        jdbc.sql("""
                        insert into opening_committee_key (id, user_id, organisation_id, point, fingerprint,
                            enrolled_at)
                        values (:id, :u, :o, :p, :f, :at)
                        """)
                .param("id", id)
                .param("u", userId)
                .param("o", organisationId)
                .param("p", point)
                .param("f", fingerprint)
                .param("at", Timestamp.from(at))
                .update();
    }

    private static KeyRow key(ResultSet rs, int row) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new KeyRow(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getObject("organisation_id", UUID.class),
                rs.getBytes("point"),
                rs.getString("fingerprint"),
                rs.getTimestamp("enrolled_at").toInstant(),
                revoked == null ? null : revoked.toInstant());
    }

    // ---- challenges

    public void insertChallenge(ChallengeRow c, Instant now) {
        jdbc.sql("""
                        insert into opening_enrolment_challenge (id, user_id, challenge, server_point,
                            server_private_key, created_at, expires_at)
                        values (:id, :u, :c, :s, :k, :now, :exp)
                        """)
                .param("id", c.id())
                .param("u", c.userId())
                .param("c", c.challenge())
                .param("s", c.serverPoint())
                .param("k", c.serverPrivateKey())
                .param("now", Timestamp.from(now))
                .param("exp", Timestamp.from(c.expiresAt()))
                .update();
    }

    /** Removes the challenge and gives it back if it existed: a challenge serves once, whatever the outcome. */
    public Optional<ChallengeRow> takeChallenge(UUID id) {
        return jdbc.sql("""
                        delete from opening_enrolment_challenge where id = :id
                        returning id, user_id, challenge, server_point, server_private_key, expires_at
                        """)
                .param("id", id)
                .query((rs, n) -> new ChallengeRow(
                        rs.getObject("id", UUID.class),
                        rs.getObject("user_id", UUID.class),
                        rs.getBytes("challenge"),
                        rs.getBytes("server_point"),
                        rs.getBytes("server_private_key"),
                        rs.getTimestamp("expires_at").toInstant()))
                .optional();
    }

    /** Deletes the expired challenges (and their server keys). Returns how many. */
    public int deleteExpiredChallenges(Instant now) {
        return jdbc.sql("delete from opening_enrolment_challenge where expires_at <= :now")
                .param("now", Timestamp.from(now))
                .update();
    }

    // ---- designations

    public Optional<DesignationRow> designation(String ocid) {
        return jdbc.sql("select * from opening_designation where ocid = :o")
                .param("o", ocid)
                .query((rs, n) -> new DesignationRow(
                        rs.getString("ocid"),
                        rs.getInt("threshold"),
                        jdbc.sql("select user_id from opening_designation_member where ocid = :o order by position")
                                .param("o", ocid)
                                .query(UUID.class)
                                .list(),
                        rs.getString("designated_by"),
                        rs.getTimestamp("designated_at").toInstant()))
                .optional();
    }

    public void replaceDesignation(String ocid, int threshold, List<UUID> members, String by, Instant at) {
        jdbc.sql("delete from opening_designation where ocid = :o")
                .param("o", ocid)
                .update();
        jdbc.sql("""
                        insert into opening_designation (ocid, threshold, designated_by, designated_at)
                        values (:o, :k, :by, :at)
                        """)
                .param("o", ocid)
                .param("k", threshold)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update();
        for (int i = 0; i < members.size(); i++) {
            jdbc.sql("insert into opening_designation_member (ocid, position, user_id) values (:o, :p, :u)")
                    .param("o", ocid)
                    .param("p", i + 1)
                    .param("u", members.get(i))
                    .update();
        }
    }

    // ---- sealing sets

    public Optional<SetRow> set(String ocid) {
        return jdbc.sql("select * from opening_sealing_set where ocid = :o")
                .param("o", ocid)
                .query((rs, n) -> new SetRow(
                        rs.getString("ocid"),
                        rs.getInt("threshold"),
                        rs.getBoolean("designated"),
                        rs.getTimestamp("fixed_at").toInstant()))
                .optional();
    }

    /** The processes whose sealing set holds the user, the most recently fixed first. */
    public List<String> processesOf(UUID userId) {
        return jdbc.sql("""
                        select s.ocid from opening_sealing_set s
                        join opening_sealing_member m on m.ocid = s.ocid
                        where m.user_id = :u order by s.fixed_at desc
                        """).param("u", userId).query(String.class).list();
    }

    public List<MemberRow> members(String ocid) {
        return jdbc.sql("select * from opening_sealing_member where ocid = :o order by position")
                .param("o", ocid)
                .query((rs, n) -> new MemberRow(
                        rs.getInt("position"),
                        rs.getObject("user_id", UUID.class),
                        rs.getString("name"),
                        rs.getBytes("point")))
                .list();
    }

    public void insertSet(SetRow set, List<MemberRow> members, List<String> fingerprints) {
        jdbc.sql("""
                        insert into opening_sealing_set (ocid, threshold, designated, fixed_at)
                        values (:o, :k, :d, :at)
                        """)
                .param("o", set.ocid())
                .param("k", set.threshold())
                .param("d", set.designated())
                .param("at", Timestamp.from(set.fixedAt()))
                .update();
        for (int i = 0; i < members.size(); i++) {
            MemberRow m = members.get(i);
            jdbc.sql("""
                            insert into opening_sealing_member (ocid, position, user_id, name, point, fingerprint)
                            values (:o, :p, :u, :n, :pt, :f)
                            """)
                    .param("o", set.ocid())
                    .param("p", m.position())
                    .param("u", m.userId())
                    .param("n", m.name())
                    .param("pt", m.point())
                    .param("f", fingerprints.get(i))
                    .update();
        }
    }
}
