// SPDX-License-Identifier: Apache-2.0
package org.baobab.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.baobab.rules.Nature;
import org.baobab.tendering.NoticeSearch;
import org.baobab.tendering.NoticeSummary;
import org.baobab.tendering.SearchResult;
import org.baobab.tendering.internal.NoticeSearchStore;
import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public notice search on 100,000 published notices, on the same embedded PostgreSQL 17 and the same migrations
 * as the application, through the same {@link NoticeSearchStore#search} the pages call. Not part of {@code ./mvnw verify}:
 * run it by hand (docs/benchmarks.md) and compare the figures with the previous ones there.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(1)
public class NoticeSearchBenchmark {

    /** How many notices; {@code -Dbaobab.bench.notices=…} to change. */
    static final int NOTICES = Integer.getInteger("baobab.bench.notices", 100_000);

    private EmbeddedPostgres postgres;
    private NoticeSearchStore store;
    private Instant now;
    private Path data;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        data = Files.createTempDirectory("baobab-bench");
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data.resolve("postgres"))
                .setCleanDataDirectory(true)
                .setServerConfig("timezone", "UTC")
                // A modest production setting (a quarter of a 2 GB database server): the default 128 MB does not
                // hold the 130 MB table, and the figures would measure the operating system's cache instead.
                .setServerConfig("shared_buffers", "512MB")
                .setLocaleConfig("encoding", "UTF8")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        DataSource dataSource = postgres.getPostgresDatabase();
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        long started = System.nanoTime();
        jdbc.sql(GENERATE).param("n", NOTICES).update();
        // What autovacuum does on a table that has settled: statistics for the planner, and the visibility map that
        // lets counts be answered from an index alone. Embedded PostgreSQL commits asynchronously, and a vacuum cannot
        // mark a page all-visible before the inserting commit is flushed, so it runs until the map is full.
        jdbc.sql("vacuum analyze tendering_process").update();
        for (int pass = 0; pass < 10 && !allVisible(jdbc); pass++) {
            jdbc.sql("select pg_sleep(0.5)").query().singleValue();
            jdbc.sql("vacuum analyze tendering_process").update();
        }
        System.out.printf(
                "%n%d notices generated and analysed in %d ms%n", NOTICES, (System.nanoTime() - started) / 1_000_000);
        store = new NoticeSearchStore(jdbc);
        now = Instant.now();
    }

    private static boolean allVisible(JdbcClient jdbc) {
        return jdbc.sql("select relallvisible >= relpages from pg_class where relname = 'tendering_process'")
                .query(Boolean.class)
                .single();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        postgres.close();
        try (var files = Files.walk(data)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    /**
     * Realistic notices: titles and descriptions drawn from French procurement vocabulary (with accents), some in
     * English and some in Arabic; three countries, four natures, several procedures; values and deadlines spread;
     * most open, some closed or cancelled.
     */
    static final String GENERATE = """
            with words as (
                select array['Acquisition', 'Fourniture', 'Travaux de construction', 'Réhabilitation',
                        'Entretien', 'Maintenance', 'Étude de faisabilité', 'Services de nettoyage',
                        'Supply of', 'Construction of', 'توريد', 'أشغال'] as verbs,
                    array['d''équipements informatiques', 'de médicaments essentiels', 'd''un centre de santé',
                        'de routes rurales', 'de véhicules de supervision', 'de mobilier scolaire',
                        'de groupes électrogènes', 'du réseau d''adduction d''eau', 'de fournitures de bureau',
                        'de matériel de laboratoire', 'medical equipment', 'school furniture', 'معدات طبية',
                        'طرق ريفية'] as objects,
                    array['Dakar', 'Thiès', 'Saint-Louis', 'Kédougou', 'Yaoundé', 'Douala', 'Bafoussam',
                        'Abidjan', 'Bouaké', 'Korhogo'] as places,
                    array['SN', 'CM', 'CI'] as countries,
                    array['WORKS', 'GOODS', 'SERVICES', 'CONSULTING'] as natures,
                    array['AOO', 'AOO', 'AOO', 'DRP_OUVERTE', 'PI_AMI', 'AOR'] as procedures
            )
            insert into tendering_process (id, ocid, authority_id, authority_name, country, buyer_category, reference,
                title, description, nature, procedure_code, procurement_method, out_of_plan_reason, currency,
                estimated_value, value_public, submission_deadline, opening_at, clarification_deadline, status,
                published_at, created_by, created_at, updated_at)
            select gen_random_uuid(),
                'ocds-baobab-' || countries[1 + i % 3] || '-2026-' || lpad(i::text, 7, '0'),
                ('00000000-0000-0000-0000-' || lpad((i % 400)::text, 12, '0'))::uuid,
                'Autorité contractante n° ' || (i % 400),
                countries[1 + i % 3],
                'ALL',
                'REF-' || i,
                verbs[1 + (i * 7) % array_length(verbs, 1)] || ' ' || objects[1 + (i * 13) % array_length(objects, 1)]
                    || ' à ' || places[1 + (i * 3) % array_length(places, 1)] || ' (lot ' || (i % 9 + 1) || ')',
                'Le présent avis porte sur ' || objects[1 + (i * 5) % array_length(objects, 1)]
                    || ', livraison et installation comprises, pour les services de '
                    || places[1 + (i * 11) % array_length(places, 1)] || '. Les soumissionnaires fourniront les '
                    || 'attestations fiscales et sociales en cours de validité.',
                natures[1 + i % 4],
                procedures[1 + i % 6],
                'open',
                'Benchmark',
                case i % 3 when 2 then 'XOF' when 1 then 'XAF' else 'XOF' end,
                (1000000 + (i * 7919) % 5000000000)::numeric,
                i % 10 <> 0,
                now() + ((i % 120) - 30) * interval '1 day',
                now() + ((i % 120) - 30) * interval '1 day' + interval '1 hour',
                now() + ((i % 120) - 40) * interval '1 day',
                case when i % 50 = 0 then 'CANCELLED' when i % 120 < 30 then 'CLOSED' else 'PUBLISHED' end,
                now() - (i % 365) * interval '1 day',
                'bench', now(), now()
            from words, generate_series(1, :n) as i
            """;

    private SearchResult<NoticeSummary> search(
            String query, String country, Nature nature, String status, NoticeSearch.Sort sort, int page) {
        return store.search(
                new NoticeSearch(query, country, null, nature, null, status, null, null, null, null, sort, page, 20),
                now);
    }

    /** One common word, many matches (ranked). */
    @Benchmark
    public SearchResult<NoticeSummary> oneWord() {
        return search("informatiques", null, null, null, NoticeSearch.Sort.RELEVANCE, 0);
    }

    /** Two words typed without accents, ranked: the portal's typical query. */
    @Benchmark
    public SearchResult<NoticeSummary> twoWordsWithoutAccents() {
        return search("equipement informatique", null, null, null, NoticeSearch.Sort.RELEVANCE, 0);
    }

    /** Words and filters: country, category, open only, nearest deadline first. */
    @Benchmark
    public SearchResult<NoticeSummary> wordsAndFilters() {
        return search("centre de sante", "SN", Nature.WORKS, "open", NoticeSearch.Sort.DEADLINE, 0);
    }

    /** Filters only, no words: what the home of /notices shows. */
    @Benchmark
    public SearchResult<NoticeSummary> filtersOnly() {
        return search(null, "CM", null, "open", NoticeSearch.Sort.DEADLINE, 0);
    }

    /** A deep page of the newest notices. */
    @Benchmark
    public SearchResult<NoticeSummary> deepPage() {
        return search(null, null, null, null, NoticeSearch.Sort.PUBLISHED, 200);
    }

    /** A value and deadline range with a word in Arabic. */
    @Benchmark
    public SearchResult<NoticeSummary> arabicWithRanges() {
        return store.search(
                new NoticeSearch(
                        "معدات",
                        null,
                        null,
                        null,
                        null,
                        null,
                        new BigDecimal("10000000"),
                        new BigDecimal("900000000"),
                        LocalDate.ofInstant(now, ZoneOffset.UTC),
                        LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(60),
                        NoticeSearch.Sort.RELEVANCE,
                        0,
                        20),
                now);
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder()
                        .include(NoticeSearchBenchmark.class.getSimpleName())
                        .build())
                .run();
    }
}
