// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The roles of the embedded cluster and their passwords, kept in {@code baobab-roles.properties} inside its data folder
 * (readable by its owner only, like the data files themselves):
 *
 * <ul>
 *   <li>{@code postgres}, the superuser {@code initdb} made, used only to set up the other two;
 *   <li>{@code baobab_owner} owns the database, its schema and every table, and runs the migrations;
 *   <li>{@code baobab_app}, what the application connects as: it reads and writes rows of every table (default
 *       privileges cover the tables future migrations create) and owns nothing, so it cannot alter or drop a table,
 *       disable a trigger, truncate, or set {@code session_replication_role}.
 * </ul>
 *
 * <p>Applied at every start, so that a folder made by an earlier version (everything owned by the superuser, no
 * passwords) is brought to the same state: its objects change owner, and from then on every connection gives a
 * password ({@code scram-sha-256} in {@code pg_hba.conf}).
 */
final class EmbeddedRoles {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRoles.class);

    static final String SUPERUSER = "postgres";
    static final String OWNER = "baobab_owner";
    static final String APP = "baobab_app";

    static final String FILE = "baobab-roles.properties";
    private static final String HBA_MARK = "# Baobab: every connection gives a password";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dataDirectory;
    private final String superuserPassword;
    private final String ownerPassword;
    private final String appPassword;

    private EmbeddedRoles(Path dataDirectory, String superuserPassword, String ownerPassword, String appPassword) {
        this.dataDirectory = dataDirectory;
        this.superuserPassword = superuserPassword;
        this.ownerPassword = ownerPassword;
        this.appPassword = appPassword;
    }

    static @Nullable EmbeddedRoles loadIfPresent(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE);
        if (!Files.exists(file)) {
            return null;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        return new EmbeddedRoles(
                dataDirectory,
                required(properties, SUPERUSER, file),
                required(properties, OWNER, file),
                required(properties, APP, file));
    }

    /** The roles' passwords, made (and written) on the first start of this version on the folder. */
    static EmbeddedRoles load(Path dataDirectory) {
        EmbeddedRoles known = loadIfPresent(dataDirectory);
        if (known != null) {
            return known;
        }
        EmbeddedRoles roles = new EmbeddedRoles(dataDirectory, secret(), secret(), secret());
        Properties properties = new Properties();
        properties.setProperty(SUPERUSER, roles.superuserPassword);
        properties.setProperty(OWNER, roles.ownerPassword);
        properties.setProperty(APP, roles.appPassword);
        Path file = dataDirectory.resolve(FILE);
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                properties.store(out, "Passwords of the embedded PostgreSQL's roles (see docs/operations.md)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
        return roles;
    }

    String superuserPassword() {
        return superuserPassword;
    }

    String ownerPassword() {
        return ownerPassword;
    }

    String appPassword() {
        return appPassword;
    }

    /** Creates or updates the roles, hands every object of the schema to the owner, grants, requires passwords. */
    void apply(DataSource superuser) {
        JdbcClient jdbc = JdbcClient.create(superuser);
        jdbc.sql(role(OWNER, ownerPassword)).update();
        jdbc.sql(role(APP, appPassword)).update();
        jdbc.sql("alter role " + SUPERUSER + " password '" + superuserPassword + "'")
                .update();
        // the database owner owns the public schema (pg_database_owner) and may create trusted extensions (unaccent)
        jdbc.sql("alter database " + EmbeddedDatabase.DATABASE + " owner to " + OWNER)
                .update();
        jdbc.sql("revoke create on schema public from public").update();
        List<String> handOver = jdbc.sql(HAND_OVER).query(String.class).list();
        for (String command : handOver) {
            jdbc.sql(command).update();
        }
        if (!handOver.isEmpty()) {
            log.info("{} objects of the embedded database now belong to {}", handOver.size(), OWNER);
        }
        jdbc.sql("alter default privileges for role " + OWNER + " in schema public"
                        + " grant select, insert, update, delete on tables to " + APP)
                .update();
        jdbc.sql("alter default privileges for role " + OWNER + " in schema public"
                        + " grant usage, select on sequences to " + APP)
                .update();
        jdbc.sql("grant select, insert, update, delete on all tables in schema public to " + APP)
                .update();
        jdbc.sql("grant usage, select on all sequences in schema public to " + APP)
                .update();
        requirePasswords(jdbc);
    }

    private static String role(String name, String password) {
        return """
                do $$ begin
                    if not exists (select from pg_roles where rolname = '%1$s') then
                        create role %1$s login nosuperuser nocreatedb nocreaterole noreplication nobypassrls;
                    end if;
                    alter role %1$s login nosuperuser nocreatedb nocreaterole noreplication nobypassrls
                        password '%2$s';
                end $$""".formatted(name, password);
    }

    /**
     * Every table, view, free-standing sequence and function of the public schema not made by an extension, still
     * owned by someone else (a folder from an earlier version: the superuser), goes to the owner; a table's own
     * sequences and indexes follow it.
     */
    private static final String HAND_OVER = """
            select format('alter table %s owner to baobab_owner', c.oid::regclass) as command
                from pg_class c
                where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v')
                    and c.relowner <> 'baobab_owner'::regrole
                    and not exists (select from pg_depend d where d.classid = 'pg_class'::regclass
                        and d.objid = c.oid and d.deptype = 'e')
                union all
                select format('alter sequence %s owner to baobab_owner', c.oid::regclass)
                from pg_class c
                where c.relnamespace = 'public'::regnamespace and c.relkind = 'S'
                    and c.relowner <> 'baobab_owner'::regrole
                    and not exists (select from pg_depend d where d.classid = 'pg_class'::regclass
                        and d.objid = c.oid and d.deptype in ('a', 'i', 'e'))
                union all
                select format('alter routine %s owner to baobab_owner', p.oid::regprocedure)
                from pg_proc p
                where p.pronamespace = 'public'::regnamespace and p.proowner <> 'baobab_owner'::regrole
                    and not exists (select from pg_depend d where d.classid = 'pg_proc'::regclass
                        and d.objid = p.oid and d.deptype = 'e')""";

    private void requirePasswords(JdbcClient jdbc) {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        try {
            String current = Files.readString(hba, StandardCharsets.UTF_8);
            if (current.startsWith(HBA_MARK)) {
                return;
            }
            Files.writeString(
                    hba,
                    HBA_MARK + " (scram-sha-256); the passwords are in " + FILE + "\n"
                            + "local all all scram-sha-256\n"
                            + "host all all 127.0.0.1/32 scram-sha-256\n"
                            + "host all all ::1/128 scram-sha-256\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + hba, e);
        }
        jdbc.sql("select pg_reload_conf()").query().singleValue();
    }

    private static String secret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String required(Properties properties, String key, Path file) {
        String value = properties.getProperty(key);
        if (value == null || !value.matches("[A-Za-z0-9_-]{16,}")) {
            throw new IllegalStateException("No valid password for " + key + " in " + file);
        }
        return value;
    }
}
