// SPDX-License-Identifier: Apache-2.0
package org.baobab.opendata.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The open-data table. Rows are only ever inserted: the database refuses anything else. */
@Repository
public class ReleaseStore {

    /** Serialises publications, so that the sequence has no gap and commits in its order. Held until commit. */
    static final long PUBLISH_LOCK = 0x6f63_6473_7265_6cL; // "ocdsrel"

    private final JdbcClient jdbc;

    ReleaseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static StoredRelease row(ResultSet rs, int n) throws SQLException {
        Array tags = rs.getArray("tags");
        return new StoredRelease(
                rs.getLong("seq"),
                rs.getString("ocid"),
                rs.getString("release_id"),
                rs.getTimestamp("release_date").toInstant(),
                List.of((String[]) tags.getArray()),
                rs.getTimestamp("published_at").toInstant(),
                rs.getString("release"));
    }

    public void lockForPublication() {
        jdbc.sql("select pg_advisory_xact_lock(:key)")
                .param("key", PUBLISH_LOCK)
                .query()
                .rowSet();
    }

    public long nextSequence() {
        return jdbc.sql("select coalesce(max(seq), 0) + 1 from opendata_release")
                .query(Long.class)
                .single();
    }

    public int count(String ocid) {
        return jdbc.sql("select count(*) from opendata_release where ocid = :ocid")
                .param("ocid", ocid)
                .query(Integer.class)
                .single();
    }

    public boolean exists(String ocid, String releaseId) {
        return jdbc.sql("select exists (select 1 from opendata_release where ocid = :ocid and release_id = :id)")
                .param("ocid", ocid)
                .param("id", releaseId)
                .query(Boolean.class)
                .single();
    }

    public void insert(StoredRelease r) {
        jdbc.sql("""
                insert into opendata_release (seq, ocid, release_id, release_date, tags, published_at, release,
                                              release_json)
                values (:seq, :ocid, :id, :date, :tags, :publishedAt, :release, cast(:release as jsonb))""")
                .param("seq", r.sequence())
                .param("ocid", r.ocid())
                .param("id", r.id())
                .param("date", Timestamp.from(r.date()))
                .param("tags", r.tags().toArray(String[]::new))
                .param("publishedAt", Timestamp.from(r.publishedAt()))
                .param("release", r.json())
                .update();
    }

    /** The releases of one contracting process, oldest first. */
    public List<StoredRelease> byOcid(String ocid) {
        return jdbc.sql("select * from opendata_release where ocid = :ocid order by seq")
                .param("ocid", ocid)
                .query(ReleaseStore::row)
                .list();
    }

    /** The releases with this id (one per contracting process that uses it), optionally of one process. */
    public List<StoredRelease> byId(String releaseId, @Nullable String ocid) {
        return jdbc.sql("""
                select * from opendata_release
                 where release_id = :id and (cast(:ocid as text) is null or ocid = :ocid)
                 order by seq""")
                .param("id", releaseId)
                .param("ocid", ocid)
                .query(ReleaseStore::row)
                .list();
    }

    /** Newest first: releases published before the sequence {@code before} and after the instant {@code since}. */
    public List<StoredRelease> page(@Nullable Long before, @Nullable Instant since, @Nullable String ocid, int limit) {
        return jdbc.sql("""
                select * from opendata_release
                 where (cast(:before as bigint) is null or seq < :before)
                   and (cast(:since as timestamptz) is null or published_at > :since)
                   and (cast(:ocid as text) is null or ocid = :ocid)
                 order by seq desc
                 limit :limit""")
                .param("before", before)
                .param("since", since == null ? null : Timestamp.from(since))
                .param("ocid", ocid)
                .param("limit", limit)
                .query(ReleaseStore::row)
                .list();
    }
}
