// SPDX-License-Identifier: Apache-2.0
package org.baobab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The application starts on a real PostgreSQL, migrates it, and loads the demo accounts. */
@IntegrationTest
class ApplicationSmokeTests {

    private final JdbcClient jdbc;

    ApplicationSmokeTests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Test
    void runsOnRealPostgresqlWithDemoAccounts() {
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL 17");
        assertThat(jdbc.sql("select count(*) from identity_user")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(10);
    }
}
