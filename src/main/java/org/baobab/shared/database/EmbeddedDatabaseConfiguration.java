// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default: when no external database is configured ({@code BAOBAB_DB_URL} unset), Baobab starts a real
 * PostgreSQL of its own, with its data kept in {@code baobab.db.embedded.data-directory} ({@code ./data/postgres} by
 * default) across restarts. The binaries come from Maven Central (zonky); as root they run inside a user namespace,
 * because PostgreSQL refuses to run as root.
 *
 * <p>It exists so that a newcomer runs the platform with one command. Production uses an external server (see
 * {@code docs/operations.md}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseCondition.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(DatabaseProperties properties) {
        DatabaseProperties.Embedded embedded = properties.embedded();
        Path dataDirectory = embedded.dataDirectory().toAbsolutePath();
        try {
            Files.createDirectories(dataDirectory.getParent());
            boolean existing = Files.exists(dataDirectory.resolve("PG_VERSION"));
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(embedded.cleanOnStop())
                    // Spring stops it, after the beans that use it (scheduler, pool); a JVM hook of its own would race
                    // them
                    .setRegisterShutdownHook(false)
                    .setPort(embedded.port())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("synchronous_commit", embedded.durableCommits() ? "on" : "off")
                    .setLocaleConfig("encoding", "UTF8")
                    .start();
            log.info(
                    "Embedded PostgreSQL listening on port {} with {} data in {}",
                    postgres.getPort(),
                    existing ? "existing" : "new",
                    dataDirectory);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("baobab-embedded");
        dataSource.setMaximumPoolSize(10);
        return dataSource;
    }
}
