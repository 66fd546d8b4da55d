// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared.database;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data lives. {@code baobab.db.url}, {@code .user} and {@code .password} (environment: {@code BAOBAB_DB_URL},
 * {@code BAOBAB_DB_USER}, {@code BAOBAB_DB_PASSWORD}) name an external PostgreSQL; left empty, the embedded one
 * described by {@link Embedded} is started.
 */
@ConfigurationProperties("baobab.db")
public record DatabaseProperties(
        @Nullable String url,
        @Nullable String user,
        @Nullable String password,
        @DefaultValue Embedded embedded) {

    @Override
    public String toString() {
        // the password is a secret: never printed
        return "DatabaseProperties[url=" + url + ", user=" + user + ", embedded=" + embedded + "]";
    }

    /**
     * @param dataDirectory where the embedded cluster keeps its files
     * @param port the TCP port on loopback; 0 picks a free one
     * @param cleanOnStop delete the data when the application stops (tests only)
     * @param durableCommits wait for each commit to reach the disk before acknowledging it (PostgreSQL's {@code
     *     synchronous_commit}, which the embedded server library turns off by default): on, so that nothing
     *     acknowledged is lost in a crash; the tests, whose database is thrown away, turn it off
     */
    public record Embedded(
            @DefaultValue("data/postgres") Path dataDirectory,
            @DefaultValue("0") int port,
            @DefaultValue("false") boolean cleanOnStop,
            @DefaultValue("true") boolean durableCommits) {}
}
