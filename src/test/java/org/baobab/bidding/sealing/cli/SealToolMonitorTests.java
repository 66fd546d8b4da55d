// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.baobab.IntegrationTest;
import org.baobab.Operator;
import org.baobab.bidding.BidFixtures;
import org.baobab.bidding.SealingSet;
import org.baobab.bidding.internal.LogSelfCheck;
import org.baobab.bidding.sealing.CommitteeKey;
import org.baobab.bidding.sealing.Manifest;
import org.baobab.bidding.transparency.LogMonitor;
import org.baobab.bidding.transparency.ReceiptFormat;
import org.baobab.opening.OpeningFixtures;
import org.baobab.shared.signing.PlatformSigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code SealTool monitor} against the running application, and the application's own self-check: the key swap the
 * issue describes (a member's public key replaced in a published notice's sealing set, by someone with database write
 * access who turns the triggers off) is reported by both.
 */
@IntegrationTest
class SealToolMonitorTests {

    @TempDir
    Path dir;

    private final String platform;
    private final BidFixtures fixtures;
    private final LogSelfCheck selfCheck;
    private final PlatformSigningKey signingKey;
    private final Operator operator;
    private final JdbcClient jdbc;

    SealToolMonitorTests(
            @Value("${local.server.port}") int port,
            BidFixtures fixtures,
            LogSelfCheck selfCheck,
            PlatformSigningKey signingKey,
            Operator operator,
            JdbcClient jdbc) {
        this.platform = "http://localhost:" + port;
        this.fixtures = fixtures;
        this.selfCheck = selfCheck;
        this.signingKey = signingKey;
        this.operator = operator;
        this.jdbc = jdbc;
    }

    private record Run(int exit, String out) {}

    private Run monitor(Path state) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new SealTool(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        Map.of(),
                        prompt -> null)
                .run(new String[] {"monitor", "--platform", platform, "--state", state.toString()});
        return new Run(exit, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    }

    /**
     * What the attacker runs: a connection of its own as the database superuser, triggers off for the session, the
     * member's key replaced in the set's table.
     */
    private void swapKey(String ocid, int position, CommitteeKey key) throws Exception {
        try (Connection c = operator.dataSource().getConnection();
                Statement s = c.createStatement();
                PreparedStatement update = c.prepareStatement(
                        "update opening_sealing_member set point = ?, fingerprint = ? where ocid = ? and position = ?")) {
            s.execute("set session_replication_role = replica");
            update.setBytes(1, key.point());
            update.setString(2, key.fingerprint());
            update.setString(3, ocid);
            update.setInt(4, position);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void aKeySwappedInAPublishedSetIsReportedByTheMonitorAndTheSelfCheck() throws Exception {
        String ocid = fixtures.openNotice("Échange de clé surveillé " + UUID.randomUUID());
        SealingSet set = fixtures.sealingSet(ocid);
        Path state = dir.resolve("monitor.json");

        Run first = monitor(state);
        assertThat(first.exit()).as(first.out()).isZero();
        assertThat(first.out()).contains("sealing set of " + ocid);
        assertThat(selfCheck.run().problems()).isEmpty();

        CommitteeKey original = set.members().get(0).key();
        CommitteeKey attacker =
                OpeningFixtures.demoKey(OpeningFixtures.MINTP_MEMBERS.get(0)).publicKey();
        swapKey(ocid, 1, attacker);
        try {
            assertThat(fixtures.sealingSet(ocid).members().get(0).key())
                    .as("the server now serves the attacker's key")
                    .isEqualTo(attacker);
            Run second = monitor(state);
            assertThat(second.exit()).as(second.out()).isEqualTo(SealTool.FAILED);
            assertThat(second.out())
                    .contains("[FAIL] the platform serves bidders of " + ocid)
                    .contains(attacker.fingerprint())
                    .contains(original.fingerprint());

            LogMonitor.Report report = selfCheck.run();
            assertThat(report.problems())
                    .anySatisfy(p -> assertThat(p).contains(ocid).contains(attacker.fingerprint()));
            assertThat(jdbc.sql("select count(*) from audit_entry where action = 'transparency.self-check-failed'"
                                    + " and payload::text like :p")
                            .param("p", "%" + ocid + "%")
                            .query(Long.class)
                            .single())
                    .as("the self-check's finding is journalled")
                    .isPositive();
        } finally {
            swapKey(ocid, 1, original);
        }
        Run after = monitor(state);
        assertThat(after.exit()).as(after.out()).isZero();
    }

    private Run tool(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new SealTool(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        Map.of(),
                        prompt -> null)
                .run(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8));
    }

    private Run sealFromPlatform(String ocid, Path head, String name) throws Exception {
        Path bid = Files.writeString(dir.resolve("bid.json"), "{\"amount\":\"1000\",\"ocid\":\"" + ocid + "\"}");
        return tool(
                "seal",
                "--ocid",
                ocid,
                "--envelope",
                UUID.randomUUID().toString(),
                "--platform",
                platform,
                "--state",
                head.toString(),
                "--bid-form",
                bid.toString(),
                "--manifest",
                dir.resolve(name + ".json").toString(),
                "--ciphertext",
                dir.resolve(name + ".bin").toString());
    }

    @Test
    void sealFromThePlatformSealsOnlyToASetTheLogProvesInAHeadThatExtendsTheOneSeen() throws Exception {
        String ocid = fixtures.openNotice("Scellement prouvé " + UUID.randomUUID());
        SealingSet set = fixtures.sealingSet(ocid);
        Path head = dir.resolve("head.json");

        Run sealed = sealFromPlatform(ocid, head, "first");
        assertThat(sealed.exit()).as(sealed.out()).isZero();
        assertThat(sealed.out()).contains("[ OK ] sealing set of " + ocid);
        Manifest manifest = Manifest.fromJson(Files.readAllBytes(dir.resolve("first.json")));
        assertThat(manifest.committeeSize()).isEqualTo(set.members().size());
        assertThat(manifest.threshold()).isEqualTo(set.threshold());
        assertThat(Files.readString(head)).contains("\"format\":\"BTH1\"");

        Run again = sealFromPlatform(ocid, head, "second");
        assertThat(again.exit()).as(again.out()).isZero();
        assertThat(again.out()).contains("the log extends the head seen before");

        CommitteeKey original = set.members().get(1).key();
        CommitteeKey attacker =
                OpeningFixtures.demoKey(OpeningFixtures.MINTP_MEMBERS.get(1)).publicKey();
        swapKey(ocid, 2, attacker);
        try {
            Run refused = sealFromPlatform(ocid, head, "swapped");
            assertThat(refused.exit()).as(refused.out()).isEqualTo(SealTool.FAILED);
            assertThat(refused.out())
                    .contains("Refusing to seal: the keys served for " + ocid)
                    .contains(attacker.fingerprint());
            assertThat(dir.resolve("swapped.json")).doesNotExist();
            assertThat(dir.resolve("swapped.bin")).doesNotExist();
        } finally {
            swapKey(ocid, 2, original);
        }

        // a head from another history, signed by the platform key: the log does not extend it
        long size =
                jdbc.sql("select size from bidding_log_state").query(Long.class).single();
        String root = HexFormat.of().formatHex(new byte[32]);
        long timestamp = 1_765_000_000_000L;
        String signature = Base64.getEncoder()
                .encodeToString(signingKey.sign(
                        ReceiptFormat.treeHead(size, root, timestamp).getBytes(StandardCharsets.UTF_8)));
        Files.writeString(
                head, ProvenSet.json(new LogMonitor.Head(size, root, timestamp, signingKey.keyId(), signature)));
        Run forked = sealFromPlatform(ocid, head, "forked");
        assertThat(forked.exit()).as(forked.out()).isEqualTo(SealTool.FAILED);
        assertThat(forked.out()).contains("Refusing to seal: the log is not an extension of the head seen before");
        assertThat(dir.resolve("forked.json")).doesNotExist();
    }

    @Test
    void aStateFileThatIsNotOneIsRefused() throws Exception {
        Path state = Files.writeString(dir.resolve("state.json"), "{\"format\":\"nope\"}");
        Run run = monitor(state);
        assertThat(run.exit()).isEqualTo(SealTool.FAILED);
        assertThat(run.out()).contains("not a monitor state file");
    }
}
