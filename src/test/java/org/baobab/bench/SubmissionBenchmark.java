// SPDX-License-Identifier: Apache-2.0
package org.baobab.bench;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.baobab.BaobabApplication;
import org.baobab.bidding.BidFixtures;
import org.baobab.bidding.Bids;
import org.baobab.bidding.EnvelopeUpload;
import org.baobab.bidding.EnvelopeUploads;
import org.baobab.bidding.sealing.EnvelopeContext;
import org.baobab.identity.CurrentUser;
import org.baobab.shared.database.EmbeddedDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * A load driver for the submission path, not a test: many companies submit 1 MB sealed envelopes to one notice at the
 * same time, as they do in the last minutes before a deadline. Each bid is what the bid page does once the browser has
 * sealed it: announce the upload, send the ciphertext (one 1 MB piece), submit the manifest (eligibility, committee,
 * the receipt appended to the transparency log and signed, the envelope row, the audit entry, the outbox). Measured:
 * bids accepted per second and the latency percentiles, and, on the same PostgreSQL, the raw speed of one insert per
 * bid of the same bytes (the manifest and the 1 MB ciphertext in one row). The application runs whole, in this JVM,
 * on its embedded PostgreSQL (the {@code test} profile's throw-away folders), with commits made durable as in
 * production. Run by hand (docs/benchmarks.md).
 */
public final class SubmissionBenchmark {

    /** Concurrent bidders; {@code -Dbaobab.bench.bidders=…}. */
    static final int BIDDERS = Integer.getInteger("baobab.bench.bidders", 32);

    /** Bids each bidder submits (each new one replaces its previous); {@code -Dbaobab.bench.rounds=…}. */
    static final int ROUNDS = Integer.getInteger("baobab.bench.rounds", 16);

    static final int ENVELOPE = 1 << 20;

    private SubmissionBenchmark() {}

    public static void main(String[] args) throws Exception {
        // every folder the run writes (database, keys, documents, envelope uploads: up to 2 GB) in one, removed at the
        // end
        Path folder = Files.createTempDirectory("baobab-bench-submission");
        // command-line arguments, so that they override the test profile's file
        String[] settings = {
            "--server.port=0",
            "--baobab.db.embedded.durable-commits=true",
            "--baobab.db.embedded.data-directory=" + folder.resolve("postgres"),
            "--baobab.keys.directory=" + folder.resolve("keys"),
            "--baobab.documents.directory=" + folder.resolve("documents"),
            "--baobab.bidding.uploads-directory=" + folder.resolve("uploads"),
            // no mail server: mails go to the mail log only (the outbox still records each one)
            "--spring.mail.host=",
            "--spring.datasource.hikari.maximum-pool-size=" + (BIDDERS + 4),
            "--logging.level.root=warn"
        };
        int status = 1;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BaobabApplication.class)
                .profiles("test")
                .run(settings)) {
            run(context);
            status = 0;
        } finally {
            // the context is closed (its PostgreSQL stopped) before its folders go
            FileSystemUtils.deleteRecursively(folder);
        }
        System.exit(status);
    }

    private record Prepared(CurrentUser bidder, BidFixtures.Sealed sealed) {}

    private static void run(ConfigurableApplicationContext context) throws Exception {
        BidFixtures fixtures = context.getBean(BidFixtures.class);
        Bids bids = context.getBean(Bids.class);
        EnvelopeUploads uploads = context.getBean(EnvelopeUploads.class);
        String ocid = fixtures.openNotice("Banc d'essai des offres");
        List<CurrentUser> bidders = new ArrayList<>();
        for (int i = 0; i < BIDDERS; i++) {
            bidders.add(fixtures.newCompany());
        }
        System.out.printf(
                Locale.ROOT, "%d bidders × %d rounds, envelopes of %d bytes of plaintext%n", BIDDERS, ROUNDS, ENVELOPE);
        SecureRandom random = new SecureRandom();
        byte[] file = new byte[ENVELOPE];
        random.nextBytes(file);
        List<List<Prepared>> rounds = new ArrayList<>();
        for (int r = 0; r < ROUNDS + 1; r++) {
            List<Prepared> round = new ArrayList<>();
            for (CurrentUser bidder : bidders) {
                round.add(new Prepared(
                        bidder,
                        fixtures.seal(
                                ocid,
                                EnvelopeContext.Kind.SINGLE,
                                List.of("1"),
                                "{\"form\":\"BBF1\",\"lots\":[{\"amount\":\"" + (1000 + r) + "\",\"lot\":\"1\"}]}",
                                random,
                                file)));
            }
            rounds.add(round);
        }
        // the first round warms up the JVM, the pool and the caches
        List<Prepared> warmUp = rounds.remove(0);
        measure("warm-up", BIDDERS, i -> () -> submit(bids, uploads, warmUp.get(i)));
        List<Prepared> all = rounds.stream().flatMap(List::stream).toList();
        Result submission = measure("submission path", all.size(), i -> () -> submit(bids, uploads, all.get(i)));

        DataSource dataSource = context.getBean(DataSource.class);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        // the application's role creates no table: the owner does, and the application writes to it
        JdbcClient.create(context.getBean(EmbeddedDatabase.class).ownerDataSource())
                .sql(
                        "create table bench_raw (id uuid primary key, organisation uuid not null, manifest bytea not null, "
                                + "ciphertext bytea not null, received_at timestamptz not null default now())")
                .update();
        List<byte[]> manifests =
                all.stream().map(p -> p.sealed().manifestJson().getBytes()).toList();
        List<byte[]> ciphertexts =
                all.stream().map(p -> p.sealed().ciphertext()).toList();
        measure("raw insert (warm-up)", BIDDERS, i -> () -> insert(jdbc, manifests.get(i), ciphertexts.get(i)));
        Result raw = measure(
                "raw insert, manifest + 1 MB bytea, one transaction each",
                all.size(),
                i -> () -> insert(jdbc, manifests.get(i), ciphertexts.get(i)));
        System.out.printf(
                Locale.ROOT,
                "%nsubmission path: %.1f bids/s, p99 %.0f ms; raw inserts: %.1f/s, p99 %.0f ms%n",
                submission.perSecond(),
                submission.p99(),
                raw.perSecond(),
                raw.p99());
    }

    private static void submit(Bids bids, EnvelopeUploads uploads, Prepared prepared) {
        byte[] ciphertext = prepared.sealed().ciphertext();
        EnvelopeUpload upload = uploads.start(
                prepared.bidder(),
                prepared.sealed().manifest().context().ocid(),
                ciphertext.length,
                BidFixtures.sha256(ciphertext));
        uploads.append(prepared.bidder(), upload.id(), 0, new ByteArrayInputStream(ciphertext));
        bids.submit(prepared.bidder(), upload.id(), prepared.sealed().manifestJson());
    }

    private static void insert(JdbcClient jdbc, byte[] manifest, byte[] ciphertext) {
        jdbc.sql("insert into bench_raw (id, organisation, manifest, ciphertext) values (:id, :org, :m, :c)")
                .param("id", UUID.randomUUID())
                .param("org", UUID.randomUUID())
                .param("m", manifest)
                .param("c", ciphertext)
                .update();
    }

    private record Result(double perSecond, double p50, double p99, double max) {}

    /** Runs {@code count} tasks on {@link #BIDDERS} threads, all released at once; prints and gives the figures. */
    private static Result measure(String name, int count, IntFunction<Runnable> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(BIDDERS);
        CountDownLatch start = new CountDownLatch(1);
        long[] latencies = new long[count];
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                start.await();
                long began = System.nanoTime();
                task.apply(index).run();
                latencies[index] = System.nanoTime() - began;
                return null;
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        try {
            for (Future<?> future : futures) {
                future.get(10, TimeUnit.MINUTES);
            }
        } finally {
            // its threads would keep the JVM alive after a failure
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        Result result = new Result(
                count / seconds,
                sorted[(int) (count * 0.50)] / 1e6,
                sorted[Math.min(count - 1, (int) Math.ceil(count * 0.99) - 1)] / 1e6,
                sorted[count - 1] / 1e6);
        System.out.printf(
                Locale.ROOT,
                "%-55s %5d in %6.2f s: %7.1f/s  p50 %6.0f ms  p99 %6.0f ms  max %6.0f ms%n",
                name,
                count,
                seconds,
                result.perSecond(),
                result.p50(),
                result.p99(),
                result.max());
        return result;
    }
}
