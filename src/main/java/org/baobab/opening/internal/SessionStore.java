// SPDX-License-Identifier: Apache-2.0
package org.baobab.opening.internal;

import java.math.BigDecimal;
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

/** The opening sessions' tables: sessions, their envelopes, attendance, released share keys and readings. */
@Repository
public class SessionStore {

    private final JdbcClient jdbc;

    SessionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record SessionRow(UUID id, String ocid, String kind, String startedBy, Instant startedAt) {}

    public record AttendanceRow(UUID userId, int position, boolean conflict, Instant declaredAt) {}

    public record ReleaseRow(UUID envelopeId, int position, byte[] shareKey) {}

    public record ReadingRow(
            UUID envelopeId,
            int readOrder,
            String supplierName,
            Instant receivedAt,
            String lots,
            @Nullable String bidSecurity,
            String files,
            @Nullable String failure,
            Instant openedAt) {}

    public Optional<SessionRow> session(UUID id) {
        return jdbc.sql("select * from opening_session where id = :id")
                .param("id", id)
                .query(SessionStore::sessionRow)
                .optional();
    }

    private static SessionRow sessionRow(ResultSet rs, int row) throws SQLException {
        return new SessionRow(
                rs.getObject("id", UUID.class),
                rs.getString("ocid"),
                rs.getString("kind"),
                rs.getString("started_by"),
                rs.getTimestamp("started_at").toInstant());
    }

    public List<SessionRow> sessions(String ocid) {
        return jdbc.sql("select * from opening_session where ocid = :o order by started_at, kind")
                .param("o", ocid)
                .query(SessionStore::sessionRow)
                .list();
    }

    /** Takes the session's row lock: releases and openings of one session happen one after the other. */
    public void lock(UUID sessionId) {
        jdbc.sql("select id from opening_session where id = :id for update")
                .param("id", sessionId)
                .query(UUID.class)
                .single();
    }

    /** Creates the session unless the process has one of that kind; false if it had. */
    public boolean insertSession(UUID id, String ocid, String kind, String by, Instant at, List<UUID> envelopes) {
        int rows = jdbc.sql("insert into opening_session (id, ocid, kind, started_by, started_at)"
                        + " values (:id, :o, :k, :b, :a) on conflict (ocid, kind) do nothing")
                .param("id", id)
                .param("o", ocid)
                .param("k", kind)
                .param("b", by)
                .param("a", Timestamp.from(at))
                .update();
        if (rows == 0) {
            return false;
        }
        for (int i = 0; i < envelopes.size(); i++) {
            jdbc.sql("insert into opening_session_envelope (session_id, envelope_id, read_order) values (:s, :e, :r)")
                    .param("s", id)
                    .param("e", envelopes.get(i))
                    .param("r", i + 1)
                    .update();
        }
        return true;
    }

    /** The session's envelopes in order of reading. */
    public List<UUID> envelopes(UUID sessionId) {
        return jdbc.sql("select envelope_id from opening_session_envelope where session_id = :s order by read_order")
                .param("s", sessionId)
                .query(UUID.class)
                .list();
    }

    public List<AttendanceRow> attendance(UUID sessionId) {
        return jdbc.sql("select * from opening_attendance where session_id = :s order by position")
                .param("s", sessionId)
                .query((rs, n) -> new AttendanceRow(
                        rs.getObject("user_id", UUID.class),
                        rs.getInt("position"),
                        rs.getBoolean("conflict"),
                        rs.getTimestamp("declared_at").toInstant()))
                .list();
    }

    /** Records a member's presence and declaration, once: false if they had already declared. */
    public boolean insertAttendance(UUID sessionId, UUID userId, int position, boolean conflict, Instant at) {
        return jdbc.sql("insert into opening_attendance (session_id, user_id, position, conflict, declared_at)"
                                + " values (:s, :u, :p, :c, :a) on conflict do nothing")
                        .param("s", sessionId)
                        .param("u", userId)
                        .param("p", position)
                        .param("c", conflict)
                        .param("a", Timestamp.from(at))
                        .update()
                > 0;
    }

    public List<ReleaseRow> releases(UUID sessionId, UUID envelopeId) {
        return jdbc.sql("select envelope_id, position, share_key from opening_release"
                        + " where session_id = :s and envelope_id = :e order by position")
                .param("s", sessionId)
                .param("e", envelopeId)
                .query((rs, n) -> new ReleaseRow(
                        rs.getObject("envelope_id", UUID.class), rs.getInt("position"), rs.getBytes("share_key")))
                .list();
    }

    /** The positions that released a key for each envelope still closed, by envelope. */
    public List<ReleaseRow> releasedPositions(UUID sessionId) {
        return jdbc.sql("select envelope_id, position from opening_release where session_id = :s order by position")
                .param("s", sessionId)
                .query((rs, n) ->
                        new ReleaseRow(rs.getObject("envelope_id", UUID.class), rs.getInt("position"), new byte[0]))
                .list();
    }

    public void insertRelease(UUID sessionId, UUID envelopeId, int position, byte[] key, Instant at) {
        jdbc.sql("insert into opening_release (session_id, envelope_id, position, share_key, released_at)"
                        + " values (:s, :e, :p, :k, :a) on conflict (session_id, envelope_id, position)"
                        + " do update set share_key = excluded.share_key, released_at = excluded.released_at")
                .param("s", sessionId)
                .param("e", envelopeId)
                .param("p", position)
                .param("k", key)
                .param("a", Timestamp.from(at))
                .update();
    }

    /** Forgets the released keys of an envelope (once it is opened). */
    public void deleteReleases(UUID sessionId, UUID envelopeId) {
        jdbc.sql("delete from opening_release where session_id = :s and envelope_id = :e")
                .param("s", sessionId)
                .param("e", envelopeId)
                .update();
    }

    public void insertReading(UUID sessionId, ReadingRow row) {
        jdbc.sql("insert into opening_reading (envelope_id, session_id, read_order, supplier_name, received_at, lots,"
                        + " bid_security, files, failure, opened_at) values (:e, :s, :r, :n, :ra, cast(:l as jsonb),"
                        + " :b, cast(:f as jsonb), :x, :o)")
                .param("e", row.envelopeId())
                .param("s", sessionId)
                .param("r", row.readOrder())
                .param("n", row.supplierName())
                .param("ra", Timestamp.from(row.receivedAt()))
                .param("l", row.lots())
                .param("b", row.bidSecurity())
                .param("f", row.files())
                .param("x", row.failure())
                .param("o", Timestamp.from(row.openedAt()))
                .update();
    }

    public List<ReadingRow> readings(UUID sessionId) {
        return jdbc.sql("select * from opening_reading where session_id = :s order by read_order")
                .param("s", sessionId)
                .query((rs, n) -> new ReadingRow(
                        rs.getObject("envelope_id", UUID.class),
                        rs.getInt("read_order"),
                        rs.getString("supplier_name"),
                        rs.getTimestamp("received_at").toInstant(),
                        rs.getString("lots"),
                        rs.getString("bid_security"),
                        rs.getString("files"),
                        rs.getString("failure"),
                        rs.getTimestamp("opened_at").toInstant()))
                .list();
    }

    // ---- minutes

    public record ApprovalRow(UUID userId, int position, Instant approvedAt) {}

    public Optional<String> observations(UUID sessionId) {
        return jdbc.sql("select observations from opening_minutes where session_id = :s")
                .param("s", sessionId)
                .query(String.class)
                .optional();
    }

    public void saveObservations(UUID sessionId, String text, String by, Instant at) {
        jdbc.sql("insert into opening_minutes (session_id, observations, updated_by, updated_at)"
                        + " values (:s, :t, :b, :a) on conflict (session_id) do update set"
                        + " observations = excluded.observations, updated_by = excluded.updated_by,"
                        + " updated_at = excluded.updated_at")
                .param("s", sessionId)
                .param("t", text)
                .param("b", by)
                .param("a", Timestamp.from(at))
                .update();
    }

    public List<ApprovalRow> approvals(UUID sessionId) {
        return jdbc.sql("select * from opening_approval where session_id = :s order by position")
                .param("s", sessionId)
                .query((rs, n) -> new ApprovalRow(
                        rs.getObject("user_id", UUID.class),
                        rs.getInt("position"),
                        rs.getTimestamp("approved_at").toInstant()))
                .list();
    }

    public boolean insertApproval(UUID sessionId, UUID userId, int position, Instant at) {
        return jdbc.sql("insert into opening_approval (session_id, user_id, position, approved_at)"
                                + " values (:s, :u, :p, :a) on conflict do nothing")
                        .param("s", sessionId)
                        .param("u", userId)
                        .param("p", position)
                        .param("a", Timestamp.from(at))
                        .update()
                > 0;
    }
    // ---- state of the pieces

    public record PieceRow(UUID envelopeId, String documentCode, String state) {}

    public record BidSecurityRow(
            UUID envelopeId,
            boolean present,
            @Nullable BigDecimal amount,
            @Nullable String currency,
            @Nullable String issuer,
            String recordedBy,
            Instant recordedAt) {}

    /** Replaces the recorded state of an envelope's pieces and its bid security. */
    public void savePieces(UUID sessionId, List<PieceRow> pieces, BidSecurityRow security) {
        jdbc.sql("delete from opening_piece where envelope_id = :e")
                .param("e", security.envelopeId())
                .update();
        for (PieceRow piece : pieces) {
            jdbc.sql("insert into opening_piece (envelope_id, document_code, state) values (:e, :d, :s)")
                    .param("e", piece.envelopeId())
                    .param("d", piece.documentCode())
                    .param("s", piece.state())
                    .update();
        }
        jdbc.sql("insert into opening_bid_security (envelope_id, session_id, present, amount, currency, issuer,"
                        + " recorded_by, recorded_at) values (:e, :s, :p, :a, :c, :i, :b, :t)"
                        + " on conflict (envelope_id) do update set present = excluded.present,"
                        + " amount = excluded.amount, currency = excluded.currency, issuer = excluded.issuer,"
                        + " recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at")
                .param("e", security.envelopeId())
                .param("s", sessionId)
                .param("p", security.present())
                .param("a", security.amount())
                .param("c", security.currency())
                .param("i", security.issuer())
                .param("b", security.recordedBy())
                .param("t", Timestamp.from(security.recordedAt()))
                .update();
    }

    /** The pieces recorded for the envelopes of a session. */
    public List<PieceRow> pieces(UUID sessionId) {
        return jdbc.sql("select p.envelope_id, p.document_code, p.state from opening_piece p"
                        + " join opening_reading r on r.envelope_id = p.envelope_id where r.session_id = :s"
                        + " order by r.read_order, p.document_code")
                .param("s", sessionId)
                .query((rs, n) -> new PieceRow(
                        rs.getObject("envelope_id", UUID.class), rs.getString("document_code"), rs.getString("state")))
                .list();
    }

    /** The bid securities recorded for the envelopes of a session: one row per envelope whose pieces are recorded. */
    public List<BidSecurityRow> bidSecurities(UUID sessionId) {
        return jdbc.sql("select * from opening_bid_security where session_id = :s")
                .param("s", sessionId)
                .query((rs, n) -> new BidSecurityRow(
                        rs.getObject("envelope_id", UUID.class),
                        rs.getBoolean("present"),
                        rs.getBigDecimal("amount"),
                        rs.getString("currency"),
                        rs.getString("issuer"),
                        rs.getString("recorded_by"),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    public String representatives(UUID sessionId) {
        return jdbc.sql("select representatives from opening_minutes where session_id = :s")
                .param("s", sessionId)
                .query(String.class)
                .optional()
                .orElse("");
    }

    public void saveRepresentatives(UUID sessionId, String text, String by, Instant at) {
        jdbc.sql("insert into opening_minutes (session_id, observations, representatives, updated_by, updated_at)"
                        + " values (:s, '', :t, :b, :a) on conflict (session_id) do update set"
                        + " representatives = excluded.representatives, updated_by = excluded.updated_by,"
                        + " updated_at = excluded.updated_at")
                .param("s", sessionId)
                .param("t", text)
                .param("b", by)
                .param("a", Timestamp.from(at))
                .update();
    }
}
