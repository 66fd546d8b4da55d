// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared.database;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Run in a JVM of its own by {@link EmbeddedDatabaseTests}: starts the embedded PostgreSQL on the folder given, writes
 * the marker given through the application's role, prints {@code READY} and waits to be killed.
 */
public final class EmbeddedDatabaseChild {

    static final String READY = "READY";

    private EmbeddedDatabaseChild() {}

    public static void main(String[] args) throws InterruptedException {
        EmbeddedDatabase database = EmbeddedDatabase.start(EmbeddedDatabaseTests.settings(Path.of(args[0])));
        JdbcClient.create(database.ownerDataSource())
                .sql("create table crash_probe (marker text not null)")
                .update();
        JdbcClient.create(database.appDataSource())
                .sql("insert into crash_probe values (:marker)")
                .param("marker", args[1])
                .update();
        System.out.println(READY);
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
