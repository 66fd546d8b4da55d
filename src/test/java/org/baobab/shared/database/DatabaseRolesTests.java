// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import javax.sql.DataSource;
import org.baobab.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application connects as a role that owns nothing: it reads and writes rows, and cannot turn the append-only
 * triggers off (neither by {@code session_replication_role} nor by altering the table), truncate, or drop a table;
 * the migrations ran as the owner.
 */
@IntegrationTest
class DatabaseRolesTests {

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Environment environment;

    DatabaseRolesTests(JdbcClient jdbc, DataSource dataSource, Environment environment) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.environment = environment;
    }

    @Test
    void thePoolHasTheConfiguredSize() {
        int configured = environment.getRequiredProperty("spring.datasource.hikari.maximum-pool-size", Integer.class);
        assertThat(configured).isNotEqualTo(10);
        assertThat(((HikariDataSource) dataSource).getMaximumPoolSize()).isEqualTo(configured);
    }

    @Test
    void theApplicationsRoleOwnsNothingAndCannotDisableTheTriggers() {
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo(EmbeddedRoles.APP);
        assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = current_user")
                        .query(Boolean.class)
                        .single())
                .isFalse();
        assertThat(jdbc.sql("select count(*) from pg_class where relowner = current_user::regrole")
                        .query(Long.class)
                        .single())
                .isZero();
        long entry =
                jdbc.sql("select min(seq) from audit_entry").query(Long.class).single();
        for (String sql : List.of(
                "set session_replication_role = replica",
                "alter table audit_entry disable trigger audit_entry_append_only",
                "alter table audit_entry disable trigger all",
                "drop table audit_entry",
                "truncate audit_entry",
                "drop trigger audit_entry_append_only on audit_entry",
                "create table intruder (id int)")) {
            assertThatThrownBy(() -> jdbc.sql(sql).update())
                    .as(sql)
                    .rootCause()
                    .hasMessageMatching("(?s).*(permission denied|must be owner).*");
        }
        assertThatThrownBy(() -> jdbc.sql("update audit_entry set actor = 'someone else' where seq = :seq")
                        .param("seq", entry)
                        .update())
                .rootCause()
                .hasMessageContaining("append-only");
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where success and installed_by = :owner")
                        .param("owner", EmbeddedRoles.OWNER)
                        .query(Long.class)
                        .single())
                .isPositive();
    }
}
