// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.baobab.Tiers;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded PostgreSQL on its own (no application): with the default settings its commits reach the disk; a server
 * left running by a JVM killed with -9 does not stop the next start; a folder made by the previous version (every table
 * owned by the superuser, no passwords) gets the two roles.
 */
@Tag(Tiers.MODULE)
class EmbeddedDatabaseTests {

    @TempDir(cleanup = CleanupMode.ALWAYS)
    Path folder;

    /** The settings of a start with nothing configured but the folder: the defaults of {@link DatabaseProperties}. */
    static DatabaseProperties.Embedded settings(Path dataDirectory) {
        return new Binder(new MapConfigurationPropertySource(
                        Map.of("baobab.db.embedded.data-directory", dataDirectory.toString())))
                .bindOrCreate("baobab.db", DatabaseProperties.class)
                .embedded();
    }

    @Test
    void theDefaultSettingsWaitForTheDiskAtEachCommit() throws IOException {
        DatabaseProperties.Embedded defaults = settings(folder.resolve("postgres"));
        assertThat(defaults.durableCommits()).isTrue();
        try (EmbeddedDatabase database = EmbeddedDatabase.start(defaults)) {
            JdbcClient jdbc = JdbcClient.create(database.appDataSource());
            assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("show synchronous_commit").query(String.class).single())
                    .isEqualTo("on");
        }
    }

    @Test
    void aServerLeftRunningByAKilledJvmIsStoppedAndTheNextStartHasTheData() throws Exception {
        Path data = folder.resolve("postgres");
        String marker = UUID.randomUUID().toString();
        Process child = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        EmbeddedDatabaseChild.class.getName(),
                        data.toString(),
                        marker)
                .redirectErrorStream(true)
                .start();
        long orphan;
        try {
            assertTimeoutPreemptively(Duration.ofMinutes(3), () -> awaitReady(child));
            orphan = Long.parseLong(
                    Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
            assertThat(ProcessHandle.of(orphan))
                    .as("the child's postgres")
                    .hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
        } finally {
            child.destroyForcibly();
        }
        child.onExit().get();
        ProcessHandle left = ProcessHandle.of(orphan).orElseThrow();
        try {
            assertThat(left.isAlive())
                    .as("the postgres of the killed JVM still runs")
                    .isTrue();
            EmbeddedDatabase database =
                    assertTimeoutPreemptively(Duration.ofMinutes(2), () -> EmbeddedDatabase.start(settings(data)));
            try (database) {
                assertThat(left.isAlive()).as("the orphan was stopped").isFalse();
                assertThat(JdbcClient.create(database.appDataSource())
                                .sql("select marker from crash_probe")
                                .query(String.class)
                                .list())
                        .containsExactly(marker);
            }
        } finally {
            // a failed start must not leave the child's server behind
            if (left.isAlive()) {
                left.destroy();
                left.onExit().get();
            }
        }
    }

    private static void awaitReady(Process child) throws IOException {
        BufferedReader output =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.equals(EmbeddedDatabaseChild.READY)) {
                return;
            }
        }
        throw new AssertionError("the child JVM ended without starting PostgreSQL: " + child.exitValue());
    }

    @Test
    void aFolderOfThePreviousVersionGetsTheOwnerAndTheApplicationRoles() throws Exception {
        Path data = folder.resolve("postgres");
        String marker = UUID.randomUUID().toString();
        // what the previous version did: the library's defaults (no passwords), migrations as the superuser
        try (EmbeddedPostgres old = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .start()) {
            migrate(old.getPostgresDatabase());
            JdbcClient.create(old.getPostgresDatabase())
                    .sql("insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version)"
                            + " values ('probe', :marker, now(), false, 1)")
                    .param("marker", marker)
                    .update();
        }
        try (EmbeddedDatabase database = EmbeddedDatabase.start(settings(data))) {
            migrate(database.ownerDataSource());
            JdbcClient app = JdbcClient.create(database.appDataSource());
            assertThat(app.sql("select task_instance from scheduled_tasks where task_name = 'probe'")
                            .query(String.class)
                            .list())
                    .containsExactly(marker);
            assertThat(app.sql("select count(*) from pg_tables where schemaname = 'public' and tableowner <> :owner")
                            .param("owner", EmbeddedRoles.OWNER)
                            .query(Long.class)
                            .single())
                    .as("tables not owned by the owner role")
                    .isZero();
            assertThatThrownBy(() -> app.sql("alter table audit_entry disable trigger audit_entry_append_only")
                            .update())
                    .rootCause()
                    .hasMessageContaining("must be owner");
        }
        // from the next start on, every connection gives a password, the superuser's too
        try (EmbeddedDatabase database = EmbeddedDatabase.start(settings(data))) {
            migrate(database.ownerDataSource());
            assertThatThrownBy(() -> DriverManager.getConnection(
                                    "jdbc:postgresql://localhost:" + database.port() + "/postgres?user=postgres")
                            .close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password");
            assertThat(JdbcClient.create(database.appDataSource())
                            .sql("select count(*) from scheduled_tasks where task_name = 'probe'")
                            .query(Long.class)
                            .single())
                    .isOne();
        }
    }

    private static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .outOfOrder(true)
                .load()
                .migrate();
    }
}
