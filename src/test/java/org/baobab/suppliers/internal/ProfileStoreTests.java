// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.baobab.IntegrationTest;
import org.baobab.identity.Accounts;
import org.baobab.identity.CurrentUser;
import org.baobab.suppliers.SupplierProfile;
import org.baobab.suppliers.SupplierProfiles;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The directory reads the companies it lists with their identifiers in one query, not one more per company. */
@IntegrationTest
class ProfileStoreTests {

    private final DataSource dataSource;
    private final Accounts accounts;
    private final SupplierProfiles profiles;

    ProfileStoreTests(DataSource dataSource, Accounts accounts, SupplierProfiles profiles) {
        this.dataSource = dataSource;
        this.accounts = accounts;
        this.profiles = profiles;
    }

    @Test
    void theDirectoryReadsItsCompaniesAndTheirIdentifiersInOneQuery() {
        String tag = "Zs" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 1; i <= 3; i++) {
            CurrentUser admin = register(tag + i);
            profiles.save(
                    admin,
                    admin.primaryMembership().orElseThrow().organisationId(),
                    new SupplierProfile.Draft(
                            "Société " + i + " " + tag,
                            "SA",
                            "",
                            "Douala",
                            "",
                            "",
                            "",
                            false,
                            false,
                            false,
                            true,
                            "",
                            "",
                            i == 3 ? Map.of() : Map.of("NIU", "M0" + i + tag, "RCCM", "RC/DLA/2020/B/" + i + tag)));
        }
        AtomicInteger statements = new AtomicInteger();
        ProfileStore store = new ProfileStore(JdbcClient.create(counting(dataSource, statements)));

        List<SupplierProfile> listed = store.listed("CM", tag, null);

        assertThat(listed)
                .extracting(SupplierProfile::legalName)
                .containsExactly("Société 1 " + tag, "Société 2 " + tag, "Société 3 " + tag);
        assertThat(listed.get(0).identifiers()).isEqualTo(Map.of("NIU", "M01" + tag, "RCCM", "RC/DLA/2020/B/1" + tag));
        assertThat(listed.get(1).identifiers())
                .containsEntry("NIU", "M02" + tag)
                .hasSize(2);
        assertThat(listed.get(2).identifiers()).isEmpty();
        assertThat(statements)
                .as("one query for the companies and their identifiers")
                .hasValue(1);
    }

    private CurrentUser register(String tag) {
        String email = "admin-" + tag.toLowerCase() + "@entreprise.test";
        accounts.registerSupplier(new Accounts.SupplierRegistration(
                "Entreprise " + tag, "CM", "Paul Mbarga", email, "Un mot de passe bien long 2026", "fr"));
        return accounts.currentUserByEmail(email).orElseThrow();
    }

    /** The data source, counting the statements prepared on its connections. */
    private static DataSource counting(DataSource target, AtomicInteger statements) {
        return proxy(
                DataSource.class,
                target,
                (method, result) -> method.getName().equals("getConnection")
                        ? proxy(Connection.class, (Connection) result, (m, r) -> {
                            if (m.getName().startsWith("prepare") || m.getName().equals("createStatement")) {
                                statements.incrementAndGet();
                            }
                            return r;
                        })
                        : result);
    }

    private interface After {
        Object apply(Method method, Object result);
    }

    private static <T> T proxy(Class<T> type, T target, After after) {
        InvocationHandler handler = (p, method, arguments) -> {
            try {
                return after.apply(method, method.invoke(target, arguments));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
