// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.baobab.BaobabApplication;
import org.baobab.Tiers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With {@code BAOBAB_DB_URL} (here its property form) Baobab uses that server, starts no PostgreSQL of its own, loads
 * no demo data and shows no demo accounts or demo mailbox; with {@code BAOBAB_DEMO=true} it loads them there too. A
 * single role (as earlier versions had) still works; the two roles of docs/operations.md are used as documented.
 */
@Tag(Tiers.APPLICATION)
class ExternalDatabaseTests {

    @Test
    void anExternalServerGetsTheSchemaAndNoDemoDataUnlessAsked() throws Exception {
        Path folder = Files.createTempDirectory("baobab-external");
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
            String url = server.getJdbcUrl("postgres", "postgres");
            try (ConfigurableApplicationContext app = start(url, folder, null)) {
                JdbcClient jdbc = app.getBean(JdbcClient.class);
                assertThat(app.getBeansOfType(EmbeddedPostgres.class))
                        .as("no embedded server")
                        .isEmpty();
                assertThat(jdbc.sql("select count(*) from identity_user")
                                .query(Long.class)
                                .single())
                        .isZero();
                assertThat(jdbc.sql("select count(*) from flyway_schema_history where success")
                                .query(Long.class)
                                .single())
                        .isPositive();
                int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
                assertThat(get(port, "/login").body()).doesNotContain("demo");
                // the demo mailbox is for signed-in platform admins, and outside demo mode for nobody: an anonymous
                // caller is refused before anything is looked at
                assertThat(get(port, "/demo/mailbox").statusCode()).isEqualTo(401);
            }
            try (ConfigurableApplicationContext app = start(url, folder, "true")) {
                JdbcClient jdbc = app.getBean(JdbcClient.class);
                assertThat(jdbc.sql("select count(*) from identity_user where email like '%.demo'")
                                .query(Long.class)
                                .single())
                        .isGreaterThanOrEqualTo(10);
            }
        }
    }

    /**
     * The two roles of docs/operations.md, made by its very SQL block: the migrations run as the owner, the application
     * connects as a role that owns nothing and cannot skip the triggers.
     */
    @Test
    void theTwoRolesOfTheOperationsGuide() throws Exception {
        Path folder = Files.createTempDirectory("baobab-external-roles");
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
            String database = "postgres";
            StringBuilder statement = new StringBuilder();
            for (String line : rolesSql()) {
                if (line.startsWith("\\connect ")) {
                    database = line.substring("\\connect ".length()).strip();
                    continue;
                }
                statement.append(line).append('\n');
                if (line.strip().endsWith(";")) {
                    JdbcClient.create(server.getDatabase("postgres", database))
                            .sql(statement.toString())
                            .update();
                    statement.setLength(0);
                }
            }
            assertThat(database).isEqualTo("baobab");
            String url = "jdbc:postgresql://localhost:" + server.getPort() + "/baobab";
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(BaobabApplication.class)
                    .properties(common(url, folder))
                    .properties(
                            "baobab.db.user=baobab_app",
                            "baobab.db.password=app-password",
                            "baobab.db.owner.user=baobab_owner",
                            "baobab.db.owner.password=owner-password")
                    .run()) {
                JdbcClient jdbc = app.getBean(JdbcClient.class);
                assertThat(jdbc.sql("select current_user").query(String.class).single())
                        .isEqualTo("baobab_app");
                assertThat(jdbc.sql("select count(*) from pg_tables where schemaname = 'public'"
                                        + " and tableowner <> 'baobab_owner'")
                                .query(Long.class)
                                .single())
                        .isZero();
                assertThat(jdbc.sql("select count(*) from flyway_schema_history where success")
                                .query(Long.class)
                                .single())
                        .isPositive();
                assertThatThrownBy(() -> jdbc.sql("set session_replication_role = replica")
                                .update())
                        .rootCause()
                        .hasMessageContaining("permission denied");
            }
        }
    }

    /** The lines of the SQL block between the roles-sql marks of docs/operations.md. */
    private static List<String> rolesSql() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("docs/operations.md"));
        int start = lines.indexOf("<!-- roles-sql -->");
        int end = lines.indexOf("<!-- /roles-sql -->");
        assertThat(start).isNotNegative();
        // the fences (```sql and ```) are left out
        return lines.subList(start + 2, end - 1);
    }

    private static String[] common(String url, Path folder) {
        return new String[] {
            "baobab.db.url=" + url,
            // application.yaml sets server.port from BAOBAB_PORT, and beats these default properties
            "BAOBAB_PORT=0",
            "baobab.keys.directory=" + folder.resolve("keys"),
            "baobab.documents.directory=" + folder.resolve("documents"),
            "spring.mail.host=",
            "logging.level.root=warn"
        };
    }

    private static ConfigurableApplicationContext start(String url, Path folder, String demo) {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(BaobabApplication.class)
                .properties(
                        "baobab.db.url=" + url,
                        "baobab.db.user=postgres",
                        // application.yaml sets server.port from BAOBAB_PORT, and beats these default properties
                        "BAOBAB_PORT=0",
                        "baobab.keys.directory=" + folder.resolve("keys"),
                        "baobab.documents.directory=" + folder.resolve("documents"),
                        "spring.mail.host=",
                        "logging.level.root=warn");
        if (demo != null) {
            builder.properties("baobab.demo=" + demo);
        }
        return builder.run();
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
