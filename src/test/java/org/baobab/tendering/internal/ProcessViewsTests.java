// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.baobab.IntegrationTest;
import org.baobab.identity.CurrentUser;
import org.baobab.tendering.ProcessView;
import org.baobab.tendering.SearchResult;
import org.baobab.tendering.Tendering;
import org.baobab.tendering.TenderingFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/** The staff's lists: paged, and a page read in a fixed number of queries whatever it holds. */
@IntegrationTest
class ProcessViewsTests {

    @Autowired
    Tendering tendering;

    @Autowired
    TenderingFixtures fixtures;

    @Autowired
    DataSource dataSource;

    @Autowired
    ProcessStore store;

    @Test
    void viewsOfManyProcessesTakeAsFewQueriesAsTheViewOfOne() {
        CurrentUser buyer = fixtures.user(TenderingFixtures.BUYER);
        UUID authority = fixtures.organisationOf(TenderingFixtures.BUYER);
        List<ProcessStore.Row> rows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            UUID id = tendering.createOutsidePlan(
                    buyer, authority, "Hors plan", fixtures.notice("SN", "Vues " + i + " " + UUID.randomUUID()));
            rows.add(store.row(id).orElseThrow());
        }
        CountingDataSource counting = new CountingDataSource(dataSource);
        ProcessViews views = new ProcessViews(JdbcClient.create(counting));

        List<ProcessView> one = views.views(rows.subList(0, 1));
        int forOne = counting.statements.getAndSet(0);
        List<ProcessView> four = views.views(rows);
        int forFour = counting.statements.get();

        assertThat(one).extracting(ProcessView::id).containsExactly(rows.get(0).id());
        assertThat(four)
                .extracting(ProcessView::id)
                .containsExactlyElementsOf(
                        rows.stream().map(ProcessStore.Row::id).toList());
        // each view has its own lots (the fixture's two), not its neighbours'
        assertThat(four).allSatisfy(v -> assertThat(v.notice().lots()).hasSize(2));
        assertThat(forOne).isEqualTo(ProcessViews.QUERIES_PER_BATCH);
        assertThat(forFour).isEqualTo(ProcessViews.QUERIES_PER_BATCH);
    }

    @Test
    void theBuyersListIsPagedAndEveryProcessIsOnExactlyOnePage() {
        CurrentUser buyer = fixtures.user(TenderingFixtures.BUYER);
        UUID authority = fixtures.organisationOf(TenderingFixtures.BUYER);
        Set<UUID> mine = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            mine.add(tendering.createOutsidePlan(
                    buyer, authority, "Hors plan", fixtures.notice("SN", "Pages " + i + " " + UUID.randomUUID())));
        }
        ProcessViews views = new ProcessViews(JdbcClient.create(dataSource));
        SearchResult<ProcessView> first = views.byAuthorities(List.of(authority), 0, 2);
        assertThat(first.items()).hasSize(2);
        assertThat(first.total()).isGreaterThanOrEqualTo(3);
        List<UUID> seen = new ArrayList<>();
        for (int page = 0; page < first.pages(); page++) {
            SearchResult<ProcessView> result = views.byAuthorities(List.of(authority), page, 2);
            assertThat(result.items()).hasSizeLessThanOrEqualTo(2);
            assertThat(result.items())
                    .allSatisfy(v -> assertThat(v.authorityId()).isEqualTo(authority));
            result.items().forEach(v -> seen.add(v.id()));
        }
        assertThat(seen).doesNotHaveDuplicates().hasSize((int) first.total()).containsAll(mine);
        assertThat(views.byAuthorities(List.of(authority), first.pages(), 2).items())
                .isEmpty();

        SearchResult<ProcessView> page = tendering.processesOf(buyer, List.of(authority), 0);
        assertThat(page.size()).isEqualTo(Tendering.PAGE_SIZE);
        assertThat(page.items()).hasSize((int) Math.min(Tendering.PAGE_SIZE, first.total()));
        assertThat(page.total()).isEqualTo(first.total());
    }

    /** A data source whose connections count the statements prepared on them. */
    static final class CountingDataSource extends DelegatingDataSource {

        final AtomicInteger statements = new AtomicInteger();

        CountingDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = super.getConnection();
            InvocationHandler handler = (Object proxy, Method method, Object[] args) -> {
                if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")) {
                    statements.incrementAndGet();
                }
                try {
                    return method.invoke(connection, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            return (Connection) Proxy.newProxyInstance(
                    Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
        }
    }
}
