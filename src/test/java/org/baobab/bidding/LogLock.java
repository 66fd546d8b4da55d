// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The transparency log's lock held by a test, on a connection of its own, as a submission holds it while it appends: the
 * submissions that come meanwhile queue behind it in the order they arrive, and go on, one at a time, once it is
 * released. With {@link #waiting} (PostgreSQL's own view of who waits for a lock) a test knows, without sleeping, that
 * a submission has reached the lock, and so puts submissions in a known order around a deadline.
 */
final class LogLock implements AutoCloseable {

    /** The statement that takes the log's lock (LogStore.lockForAppend), as PostgreSQL shows it while it waits. */
    static final String LOG_LOCK = "from bidding_log_state for update";

    /** The statement that locks an upload (UploadStore.find with a lock). */
    static final String UPLOAD_LOCK = "from bidding_upload where id";

    private final Connection connection;
    private boolean released;

    private LogLock(Connection connection) {
        this.connection = connection;
    }

    /** Takes the log's lock now (waiting for it if a submission holds it). */
    static LogLock take(DataSource dataSource) {
        try {
            Connection connection = outsideThePool(dataSource);
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("select size " + LOG_LOCK);
            }
            return new LogLock(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lets the lock go: the first transaction waiting for it takes it. */
    synchronized void release() {
        if (released) {
            return;
        }
        released = true;
        try (connection) {
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        release();
    }

    /**
     * A connection of the test's own, outside the application's pool (small for the embedded database), so that the
     * lock and the watch take none of the connections the submissions need.
     */
    static Connection outsideThePool(DataSource dataSource) throws SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        Properties properties = new Properties();
        if (pool.getUsername() != null) {
            properties.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        return DriverManager.getConnection(pool.getJdbcUrl(), properties);
    }

    /** How many transactions wait for a lock in a statement that contains {@code statement}. */
    static long waiting(JdbcClient jdbc, String statement) {
        return jdbc.sql("""
                        select count(*) from pg_stat_activity
                        where wait_event_type = 'Lock' and pid <> pg_backend_pid() and position(:s in query) > 0
                        """).param("s", statement).query(Long.class).single();
    }

    private static List<String> busy(JdbcClient jdbc) {
        return jdbc.sql("""
                        select coalesce(wait_event_type, '') || '/' || coalesce(wait_event, '') || ': ' || left(query, 90)
                        from pg_stat_activity where state <> 'idle' and pid <> pg_backend_pid() and datname is not null
                        """).query(String.class).list();
    }

    /** Returns once exactly {@code count} transactions wait for a lock in such a statement (fails after a minute). */
    static void awaitWaiting(DataSource dataSource, String statement, long count) {
        try (Connection connection = outsideThePool(dataSource)) {
            awaitWaiting(JdbcClient.create(new SingleConnectionDataSource(connection, true)), statement, count);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitWaiting(JdbcClient jdbc, String statement, long count) {
        long until = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        long now;
        while ((now = waiting(jdbc, statement)) != count) {
            if (now > count || System.nanoTime() > until) {
                throw new AssertionError(count + " transactions were to wait for \"" + statement + "\", " + now
                        + " do; the busy ones: " + busy(jdbc));
            }
            LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
        }
    }
}
