// SPDX-License-Identifier: Apache-2.0
package org.baobab;

import java.util.function.Consumer;
import javax.sql.DataSource;
import org.baobab.shared.database.EmbeddedDatabase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Whoever runs the database server, with its superuser's rights: for tests that tamper with the data behind the
 * application's back (disable a trigger, rewrite a row, add a table). The application itself connects as a role that
 * can do none of this ({@code DatabaseRolesTests}).
 */
@Component
public class Operator {

    private final ObjectProvider<EmbeddedDatabase> database;

    Operator(ObjectProvider<EmbeddedDatabase> database) {
        this.database = database;
    }

    /** Statements as the superuser, each committed on its own. */
    public JdbcClient jdbc() {
        return JdbcClient.create(superuser());
    }

    /** Statements as the superuser in one transaction. */
    public void inOneTransaction(Consumer<JdbcClient> work) {
        DataSource superuser = superuser();
        new TransactionTemplate(new JdbcTransactionManager(superuser))
                .executeWithoutResult(status -> work.accept(JdbcClient.create(superuser)));
    }

    /** Unpooled connections as the superuser. */
    public DataSource dataSource() {
        return superuser();
    }

    private DataSource superuser() {
        return database.getObject().superuserDataSource();
    }
}
