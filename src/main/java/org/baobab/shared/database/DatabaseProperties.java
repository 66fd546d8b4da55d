// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared.database;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data lives. {@code baobab.db.url}, {@code .user} and {@code .password} (environment: {@code BAOBAB_DB_URL},
 * {@code BAOBAB_DB_USER}, {@code BAOBAB_DB_PASSWORD}) name an external PostgreSQL and the role the application connects
 * as; {@code baobab.db.owner.user} and {@code .password} ({@code BAOBAB_DB_OWNER_USER}, {@code
 * BAOBAB_DB_OWNER_PASSWORD}) the role that owns the tables and runs the migrations (docs/operations.md). Left empty,
 * the embedded server described by {@link Embedded} is started, with both roles of its own.
 */
@ConfigurationProperties("baobab.db")
public record DatabaseProperties(
        @Nullable String url,
        @Nullable String user,
        @Nullable String password,
        @DefaultValue Owner owner,
        @DefaultValue Embedded embedded) {

    @Override
    public String toString() {
        // the passwords are secrets: never printed
        return "DatabaseProperties[url=" + url + ", user=" + user + ", owner=" + owner.user() + ", embedded=" + embedded
                + "]";
    }

    /** The role that owns the schema and runs the migrations; empty, the migrations run as {@link #user()}. */
    public record Owner(@Nullable String user, @Nullable String password) {

        @Override
        public String toString() {
            return "Owner[user=" + user + "]";
        }
    }

    /**
     * @param dataDirectory where the embedded cluster keeps its files
     * @param port the TCP port on loopback; 0 picks a free one
     * @param cleanOnStop delete the data when the application stops (tests only)
     * @param durableCommits make each commit reach the disk before it is acknowledged: PostgreSQL's {@code fsync} and
     *     {@code synchronous_commit}, which the embedded server library turns off by default, both on, so that nothing
     *     acknowledged is lost in a crash; the tests, whose database is thrown away, turn them off
     */
    public record Embedded(
            @DefaultValue("data/postgres") Path dataDirectory,
            @DefaultValue("0") int port,
            @DefaultValue("false") boolean cleanOnStop,
            @DefaultValue("true") boolean durableCommits) {}
}
