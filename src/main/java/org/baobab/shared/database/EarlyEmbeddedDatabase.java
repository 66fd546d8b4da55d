// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared.database;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded PostgreSQL while Spring builds the application context, instead of when the context reaches
 * the {@link EmbeddedDatabase} bean: creating and starting a cluster is PostgreSQL's own processes' work, so it runs
 * beside the class loading and bean creation of the JVM rather than after them (docs/benchmarks.md, "Start-up").
 * {@code BaobabApplication.main} adds it; the tests start their database as before. Without the embedded database
 * ({@code baobab.db.url} set), it does nothing.
 */
public final class EarlyEmbeddedDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The bean name under which the started database waits for {@link EmbeddedDatabaseConfiguration}. */
    static final String BEAN = "earlyEmbeddedDatabase";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Environment environment = context.getEnvironment();
        if (StringUtils.hasText(environment.getProperty("baobab.db.url"))) {
            return;
        }
        DatabaseProperties properties =
                Binder.get(environment).bindOrCreate("baobab.db", Bindable.of(DatabaseProperties.class));
        Starting starting = new Starting(
                CompletableFuture.supplyAsync(() -> EmbeddedDatabase.start(properties.embedded()), task -> {
                    Thread thread = new Thread(task, "embedded-postgresql-start");
                    thread.setDaemon(true);
                    thread.start();
                }));
        context.getBeanFactory().registerSingleton(BEAN, starting);
        // a context that fails before it takes the database must not leave a server running
        Runtime.getRuntime().addShutdownHook(new Thread(starting::closeUnlessTaken, "embedded-postgresql-orphan"));
    }

    /** The database being started, taken once by the context. */
    static final class Starting {

        private final CompletableFuture<EmbeddedDatabase> database;
        private final AtomicBoolean taken = new AtomicBoolean();

        Starting(CompletableFuture<EmbeddedDatabase> database) {
            this.database = database;
        }

        /** Waits for the server and hands it over; the context stops it. */
        EmbeddedDatabase take() {
            taken.set(true);
            try {
                return database.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        }

        void closeUnlessTaken() {
            if (!taken.get()) {
                try {
                    database.join().close();
                } catch (RuntimeException | IOException e) {
                    // the JVM is stopping: nothing more to do than try
                }
            }
        }
    }
}
