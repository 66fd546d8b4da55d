// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of one data folder, started with the settings Baobab needs:
 *
 * <ul>
 *   <li>{@code fsync} and {@code synchronous_commit} on unless {@code durable-commits} is off (the library starts the
 *       server with {@code -F}, fsync off; the later {@code -c fsync=on} overrides it);
 *   <li>a postmaster left running on this folder by a killed JVM is stopped first ({@link StalePostmaster});
 *   <li>two roles besides the cluster's superuser ({@link EmbeddedRoles}): {@code baobab_owner} owns the schema and
 *       runs the migrations, {@code baobab_app} is what the application connects as; every connection gives a
 *       password.
 * </ul>
 *
 * <p>Used by {@link EmbeddedDatabaseConfiguration}, and usable alone (tools, tests) with {@link #start}.
 */
public final class EmbeddedDatabase implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    /** The database the application's tables live in (the cluster's default one, as in earlier versions). */
    static final String DATABASE = "postgres";

    private final EmbeddedPostgres postgres;
    private final EmbeddedRoles roles;

    private EmbeddedDatabase(EmbeddedPostgres postgres, EmbeddedRoles roles) {
        this.postgres = postgres;
        this.roles = roles;
    }

    /** Starts (creating it if needed) the cluster in {@code settings.dataDirectory()}. */
    public static EmbeddedDatabase start(DatabaseProperties.Embedded settings) {
        Path dataDirectory = settings.dataDirectory().toAbsolutePath();
        try {
            Files.createDirectories(dataDirectory.getParent());
            boolean existing = Files.exists(dataDirectory.resolve("PG_VERSION"));
            String durable = settings.durableCommits() ? "on" : "off";
            EmbeddedRoles[] roles = new EmbeddedRoles[1];
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(settings.cleanOnStop())
                    // Spring stops it, after the beans that use it (scheduler, pool); a JVM hook of its own would race
                    // them
                    .setRegisterShutdownHook(false)
                    .setPort(settings.port())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("fsync", durable)
                    .setServerConfig("synchronous_commit", durable)
                    .setLocaleConfig("encoding", "UTF8");
            // runs once the folder is initialised and locked, before the server starts
            builder.setDataDirectoryCustomizer(folder -> {
                StalePostmaster.stopIfRunning(folder.toPath());
                roles[0] = EmbeddedRoles.load(folder.toPath());
            });
            // the library checks readiness as the superuser: once passwords are required it needs its own
            EmbeddedRoles known = EmbeddedRoles.loadIfPresent(dataDirectory);
            if (known != null) {
                builder.setConnectConfig("password", known.superuserPassword());
            }
            EmbeddedPostgres postgres = builder.start();
            EmbeddedRoles created = roles[0];
            if (created == null) {
                postgres.close();
                throw new IllegalStateException(
                        "The embedded PostgreSQL started without its roles in " + dataDirectory);
            }
            try {
                created.apply(superuser(postgres, created));
            } catch (RuntimeException e) {
                postgres.close();
                throw e;
            }
            log.info(
                    "Embedded PostgreSQL listening on port {} with {} data in {} (fsync {})",
                    postgres.getPort(),
                    existing ? "existing" : "new",
                    dataDirectory,
                    durable);
            return new EmbeddedDatabase(postgres, created);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private static DataSource superuser(EmbeddedPostgres postgres, EmbeddedRoles roles) {
        return postgres.getDatabase(EmbeddedRoles.SUPERUSER, DATABASE, Map.of("password", roles.superuserPassword()));
    }

    public EmbeddedPostgres postgres() {
        return postgres;
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    /** The application's role: reads and writes rows, owns nothing. */
    public String appUser() {
        return EmbeddedRoles.APP;
    }

    String appPassword() {
        return roles.appPassword();
    }

    /** Unpooled connections as the owner of the schema, for the migrations. */
    public DataSource ownerDataSource() {
        return postgres.getDatabase(EmbeddedRoles.OWNER, DATABASE, Map.of("password", roles.ownerPassword()));
    }

    /** Unpooled connections as the application's role. */
    public DataSource appDataSource() {
        return postgres.getDatabase(EmbeddedRoles.APP, DATABASE, Map.of("password", roles.appPassword()));
    }

    /** Unpooled connections as the cluster's superuser: for tests that play the operator, never for the application. */
    public DataSource superuserDataSource() {
        return superuser(postgres, roles);
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
