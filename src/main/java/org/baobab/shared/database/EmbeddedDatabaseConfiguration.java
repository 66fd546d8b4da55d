// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default: when no external database is configured ({@code BAOBAB_DB_URL} unset), Baobab starts a real
 * PostgreSQL of its own ({@link EmbeddedDatabase}), with its data kept in {@code baobab.db.embedded.data-directory}
 * ({@code ./data/postgres} by default) across restarts. The binaries come from Maven Central (zonky); as root they run
 * inside a user namespace, because PostgreSQL refuses to run as root. The application connects as {@code baobab_app}
 * and the migrations run as {@code baobab_owner}, as in production.
 *
 * <p>It exists so that a newcomer runs the platform with one command. Production uses an external server (see
 * {@code docs/operations.md}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseCondition.class)
class EmbeddedDatabaseConfiguration {

    /** The server {@link EarlyEmbeddedDatabase} started beside the context, or one started now. */
    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(
            DatabaseProperties properties, ObjectProvider<EarlyEmbeddedDatabase.Starting> early) {
        EarlyEmbeddedDatabase.Starting starting = early.getIfAvailable();
        return starting != null ? starting.take() : EmbeddedDatabase.start(properties.embedded());
    }

    /** The server itself, for code that needs its port; {@link #embeddedDatabase} stops it. */
    @Bean(destroyMethod = "")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabase database) {
        return database.postgres();
    }

    /** The application's pool, as {@code baobab_app}; {@code spring.datasource.hikari.*} apply (pool size and all). */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedDatabase database) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.jdbcUrl());
        dataSource.setUsername(database.appUser());
        dataSource.setPassword(database.appPassword());
        dataSource.setPoolName("baobab-embedded");
        return dataSource;
    }

    /** The migrations run as the owner of the schema. */
    @Bean
    FlywayConfigurationCustomizer migrationsAsOwner(EmbeddedDatabase database) {
        return configuration -> configuration.dataSource(database.ownerDataSource());
    }
}
