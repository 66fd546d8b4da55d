// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * An external PostgreSQL ({@code BAOBAB_DB_URL}): the application connects as {@code BAOBAB_DB_USER} (Spring Boot's
 * DataSource), and the migrations run as {@code BAOBAB_DB_OWNER_USER}, the role that owns the tables. Without an owner
 * the migrations run as the application's user, as earlier versions did, which then owns the tables and could disable
 * their append-only triggers: allowed, with a warning (docs/operations.md says how to create both roles).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseCondition.External.class)
class ExternalDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ExternalDatabaseConfiguration.class);

    @Bean
    FlywayConfigurationCustomizer migrationsAsOwner(DatabaseProperties properties) {
        return configuration -> {
            String owner = properties.owner().user();
            if (StringUtils.hasText(owner)) {
                configuration.dataSource(
                        properties.url(), owner, properties.owner().password());
            } else {
                log.warn(
                        "BAOBAB_DB_OWNER_USER is not set: the migrations run as the application's own database user"
                                + " ({}), which then owns the tables and can disable their append-only triggers. Create an"
                                + " owner role and an application role as docs/operations.md shows, and set"
                                + " BAOBAB_DB_OWNER_USER/BAOBAB_DB_OWNER_PASSWORD.",
                        properties.user());
            }
        };
    }
}
