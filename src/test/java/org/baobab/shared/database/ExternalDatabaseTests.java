// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.baobab.BaobabApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With {@code BAOBAB_DB_URL} (here its property form) Baobab uses that server, starts no PostgreSQL of its own, loads
 * no demo data and shows no demo accounts or demo mailbox; with {@code BAOBAB_DEMO=true} it loads them there too.
 */
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
                assertThat(get(port, "/demo/mailbox").statusCode()).isEqualTo(404);
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
