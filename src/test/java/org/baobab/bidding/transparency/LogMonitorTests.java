// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.baobab.bidding.sealing.CommitteeKey;
import org.baobab.bidding.sealing.MemberKey;
import org.baobab.bidding.sealing.ProofOfPossession;
import org.baobab.shared.merkle.MerkleTree;
import org.junit.jupiter.api.Test;

/**
 * {@link LogMonitor} against a log held in memory and signed with a key of the test's own, which the test then
 * rewrites, shrinks or fills with a set that does not match its members' enrolled keys, as an operator holding the
 * database and the signing key could.
 */
class LogMonitorTests {

    private final SecureRandom random = new SecureRandom();
    private final KeyPair platform;
    private final String keyId;
    private final List<String> statements = new ArrayList<>();
    private final Map<String, List<String>> served = new HashMap<>();
    private long headSize = -1;

    LogMonitorTests() throws Exception {
        platform = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        keyId = ReceiptVerifier.keyId(platform.getPublic());
    }

    private String sign(byte[] message) throws Exception {
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(platform.getPrivate());
        signature.update(message);
        return Base64.getEncoder().encodeToString(signature.sign());
    }

    private byte[] leafHash(int i) {
        return MerkleTree.leafHash(statements.get(i).getBytes(StandardCharsets.UTF_8));
    }

    private MerkleTree.Nodes nodes() {
        return MerkleTree.fromLeafHashes(i -> leafHash((int) i));
    }

    private final LogMonitor.Source source = new LogMonitor.Source() {
        @Override
        public LogMonitor.Head head() throws Exception {
            long size = headSize < 0 ? statements.size() : headSize;
            String root = HexFormat.of().formatHex(MerkleTree.root(size, nodes()));
            long timestamp = 1_765_000_000_000L + size;
            return new LogMonitor.Head(
                    size,
                    root,
                    timestamp,
                    keyId,
                    sign(ReceiptFormat.treeHead(size, root, timestamp).getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public List<LogMonitor.Leaf> leaves(long from, int limit) {
            List<LogMonitor.Leaf> out = new ArrayList<>();
            for (long i = from; i < Math.min(statements.size(), from + limit); i++) {
                String s = statements.get((int) i);
                boolean receipt = s.startsWith("receipt ");
                out.add(new LogMonitor.Leaf(
                        i,
                        HexFormat.of().formatHex(leafHash((int) i)),
                        receipt ? "BR1" : Statements.format(s),
                        receipt ? null : s));
            }
            return out;
        }

        @Override
        public List<String> consistency(long first, long second) {
            return MerkleTree.consistencyProof(first, second, nodes()).stream()
                    .map(HexFormat.of()::formatHex)
                    .toList();
        }

        @Override
        public Optional<List<String>> servedKeys(String ocid) {
            return Optional.ofNullable(served.get(ocid));
        }
    };

    private LogMonitor monitor() {
        return new LogMonitor(source, platform.getPublic(), keyId);
    }

    private void receipt() {
        statements.add("receipt " + UUID.randomUUID());
    }

    private MemberKey enrol(UUID user) {
        MemberKey member = MemberKey.generate(random);
        enrol(user, member);
        return member;
    }

    private void enrol(UUID user, MemberKey member) {
        statements.add(enrolment(user, member));
    }

    private String enrolment(UUID user, MemberKey member) {
        ProofOfPossession.Challenge challenge = ProofOfPossession.challenge(random);
        String answer = ProofOfPossession.answer(member, challenge.challenge(), challenge.serverPoint());
        Base64.Encoder b64 = Base64.getEncoder();
        return Statements.KeyEnrolment.of(
                        user,
                        member.publicKey(),
                        new Statements.Proof(
                                b64.encodeToString(challenge.challenge()),
                                b64.encodeToString(challenge.serverPoint()),
                                b64.encodeToString(challenge.serverPrivateKey()),
                                answer),
                        Instant.parse("2026-12-07T10:00:00Z"))
                .json();
    }

    private String set(String ocid, List<UUID> users, List<CommitteeKey> keys) {
        List<Statements.SetMember> members = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            members.add(
                    new Statements.SetMember(i + 1, users.get(i), keys.get(i).fingerprint()));
        }
        String json = new Statements.SealingSetStatement(ocid, 2, members, "2026-12-07T11:00:00.000000Z").json();
        statements.add(json);
        served.put(ocid, keys.stream().map(CommitteeKey::base64).toList());
        return json;
    }

    @Test
    void aLogThatGrowsHonestlyIsFollowedRunAfterRun() throws Exception {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        MemberKey ka = enrol(a);
        receipt();
        MemberKey kb = enrol(b);
        set("ocds-1", List.of(a, b), List.of(ka.publicKey(), kb.publicKey()));
        LogMonitor.Report first = monitor().run(LogMonitor.State.empty());
        assertThat(first.problems()).isEmpty();
        assertThat(first.next().treeSize()).isEqualTo(4);

        for (int i = 0; i < 9; i++) {
            receipt();
        }
        set("ocds-2", List.of(b, a), List.of(kb.publicKey(), ka.publicKey()));
        LogMonitor.State kept = LogMonitor.State.read(first.next().json());
        LogMonitor.Report second = monitor().run(kept);
        assertThat(second.problems()).isEmpty();
        assertThat(second.next().treeSize()).isEqualTo(14);
        assertThat(second.next().sets()).containsKeys("ocds-1", "ocds-2");
    }

    @Test
    void aRewrittenLogIsNotAnExtensionOfThePreviousHead() throws Exception {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        MemberKey ka = enrol(a);
        MemberKey kb = enrol(b);
        set("ocds-1", List.of(a, b), List.of(ka.publicKey(), kb.publicKey()));
        receipt();
        receipt();
        LogMonitor.State seen = monitor().run(LogMonitor.State.empty()).next();

        // the operator re-enrols member a with a key of its own, rewrites the set to it, and re-signs the tree
        MemberKey forged = MemberKey.generate(random);
        statements.set(0, enrolment(a, forged));
        String forgedSet = set("ocds-1", List.of(a, b), List.of(forged.publicKey(), kb.publicKey()));
        statements.remove(statements.size() - 1);
        statements.set(2, forgedSet);
        receipt();
        assertThat(statements).hasSize(6);

        LogMonitor.Report report = monitor().run(seen);
        assertThat(report.problems())
                .singleElement()
                .satisfies(p -> assertThat(p).contains("not an extension of the previous head"));
        assertThat(report.next()).as("the state stays at the head seen before").isEqualTo(seen);
        // a newcomer without the old head sees a consistent log: that is why heads are kept and compared
        assertThat(monitor().run(LogMonitor.State.empty()).problems()).isEmpty();
    }

    @Test
    void aShrunkLogAndLeavesThatDoNotBuildTheSignedRootAreReported() throws Exception {
        for (int i = 0; i < 5; i++) {
            receipt();
        }
        LogMonitor.State seen = monitor().run(LogMonitor.State.empty()).next();
        statements.remove(4);
        assertThat(monitor().run(seen).problems())
                .singleElement()
                .satisfies(p -> assertThat(p).contains("not an extension"));

        receipt();
        receipt();
        headSize = 6;
        String real = statements.get(5);
        LogMonitor.Source honest = source;
        LogMonitor lying = new LogMonitor(
                new LogMonitor.Source() {
                    @Override
                    public LogMonitor.Head head() throws Exception {
                        return honest.head();
                    }

                    @Override
                    public List<LogMonitor.Leaf> leaves(long from, int limit) throws Exception {
                        return honest.leaves(from, limit).stream()
                                .map(l -> l.index() == 5
                                        ? new LogMonitor.Leaf(5, HexFormat.of().formatHex(new byte[32]), "BR1", null)
                                        : l)
                                .toList();
                    }

                    @Override
                    public List<String> consistency(long first, long second) throws Exception {
                        return honest.consistency(first, second);
                    }

                    @Override
                    public Optional<List<String>> servedKeys(String ocid) {
                        return Optional.empty();
                    }
                },
                platform.getPublic(),
                keyId);
        assertThat(real).startsWith("receipt ");
        assertThat(lying.run(LogMonitor.State.empty()).problems())
                .singleElement()
                .satisfies(p -> assertThat(p).contains("do not build the signed root"));
    }

    @Test
    void aSetWhoseKeyIsNotTheMembersEnrolledKeyIsReportedEvenIfServedAsLogged() throws Exception {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        MemberKey ka = enrol(a);
        MemberKey kb = enrol(b);
        MemberKey operators = MemberKey.generate(random);
        set("ocds-9", List.of(a, b), List.of(operators.publicKey(), kb.publicKey()));
        LogMonitor.Report report = monitor().run(LogMonitor.State.empty());
        assertThat(report.problems())
                .singleElement()
                .satisfies(p -> assertThat(p)
                        .contains("ocds-9")
                        .contains(operators.publicKey().fingerprint())
                        .contains("the key they enrolled in the log is "
                                + ka.publicKey().fingerprint()));
    }

    @Test
    void anEnrolmentWithoutAValidProofAndAForeignHeadAreReported() throws Exception {
        UUID a = UUID.randomUUID();
        enrol(a);
        String good = statements.remove(0);
        Statements.KeyEnrolment e = Statements.read(good).enrolment();
        MemberKey other = MemberKey.generate(random);
        statements.add(new Statements.KeyEnrolment(
                        a, other.publicKey().fingerprint(), other.publicKey().base64(), e.proof(), e.enrolledAt())
                .json());
        assertThat(monitor().run(LogMonitor.State.empty()).problems())
                .singleElement()
                .satisfies(p -> assertThat(p).contains("proof of possession does not hold"));

        KeyPair stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        LogMonitor.Report foreign = new LogMonitor(
                        source, stranger.getPublic(), ReceiptVerifier.keyId(stranger.getPublic()))
                .run(LogMonitor.State.empty());
        assertThat(foreign.problems())
                .singleElement()
                .satisfies(p -> assertThat(p).contains("is not signed by the platform key"));
    }
}
