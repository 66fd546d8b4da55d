// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.baobab.IntegrationTest;
import org.baobab.Operator;
import org.baobab.bidding.internal.BiddingProperties;
import org.baobab.bidding.sealing.Drbg;
import org.baobab.bidding.sealing.EnvelopeContext;
import org.baobab.documents.internal.DocumentsProperties;
import org.baobab.identity.CurrentUser;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The heart of the promise: after bids are submitted, a full dump of the database (every table of every schema, as text
 * and as binary COPY) and every file of the document store and the upload area hold no byte of any bid's plaintext —
 * a marker planted in the bid form and in a file is searched as bytes, hexadecimal and base64 — nor any envelope's whole
 * data key.
 */
@IntegrationTest
class BidSecrecyTests {

    private final Bids bids;
    private final BidFixtures fixtures;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Path documents;
    private final Path uploads;

    BidSecrecyTests(
            Bids bids,
            BidFixtures fixtures,
            Operator operator,
            DocumentsProperties documents,
            BiddingProperties bidding) {
        this.bids = bids;
        this.fixtures = fixtures;
        // the dump is the database superuser's, who sees every table (the application's role sees its own only)
        this.dataSource = operator.dataSource();
        this.jdbc = operator.jdbc();
        // the beans' folders: a ${random.uuid} in a property would give another folder at each reading
        this.documents = documents.directory();
        this.uploads = bidding.uploadsDirectory();
    }

    @Test
    void noDumpOfTheDatabaseOrTheDocumentStoreHoldsABidsPlaintextOrDataKey() throws Exception {
        String ocid = fixtures.openNotice("Secret des offres");
        List<byte[]> secrets = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            CurrentUser bidder = i == 0 ? fixtures.bidder() : fixtures.newCompany();
            String marker = "MARQUEUR-SECRET-" + UUID.randomUUID();
            String label = "secrecy-" + UUID.randomUUID();
            byte[] file = ("%PDF-1.7 prix unitaire " + marker + " fin").getBytes(StandardCharsets.UTF_8);
            BidFixtures.Sealed sealed = fixtures.seal(
                    ocid,
                    EnvelopeContext.Kind.SINGLE,
                    List.of("1"),
                    "{\"form\":\"BBF1\",\"lots\":[{\"amount\":\"1234567\",\"lot\":\"1\"}],\"notes\":\"" + marker
                            + "-form\"}",
                    new Drbg(label),
                    file);
            bids.submit(bidder, fixtures.upload(bidder, sealed), sealed.manifestJson());
            secrets.add(marker.getBytes(StandardCharsets.UTF_8));
            // the data key is the first 32 bytes the sealer draws (docs/sealing-format.md)
            secrets.add(new Drbg(label).bytes(32));
        }
        assertThat(jdbc.sql("select count(*) from bidding_envelope where ocid = :o and state = 'current'")
                        .param("o", ocid)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);

        String text = latin1(dump(false));
        String binary = latin1(dump(true));
        String files = latin1(files(documents, uploads));
        assertThat(text.length()).isGreaterThan(100_000);
        assertThat(files.length()).isGreaterThan(0);
        for (byte[] secret : secrets) {
            for (byte[] form : forms(secret)) {
                assertThat(text.indexOf(latin1(form))).as("in the text dump").isEqualTo(-1);
                assertThat(binary.indexOf(latin1(form)))
                        .as("in the binary dump")
                        .isEqualTo(-1);
                assertThat(files.indexOf(latin1(form)))
                        .as("in the stored files")
                        .isEqualTo(-1);
            }
        }
        // the search would have found them: a marker written in clear is found in each
        byte[] control = secrets.get(0);
        jdbc.sql("create table secrecy_control (b bytea, t text)").update();
        jdbc.sql("insert into secrecy_control values (:b, :t)")
                .param("b", control)
                .param("t", Base64.getEncoder().encodeToString(control))
                .update();
        assertThat(latin1(dumpTable("secrecy_control", false))
                        .indexOf(HexFormat.of().formatHex(control)))
                .isNotEqualTo(-1);
        assertThat(latin1(dumpTable("secrecy_control", false))
                        .indexOf(latin1(forms(control).get(3))))
                .isNotEqualTo(-1);
        assertThat(latin1(dumpTable("secrecy_control", true)).indexOf(latin1(control)))
                .isNotEqualTo(-1);
        jdbc.sql("drop table secrecy_control").update();
    }

    /** The secret as raw bytes, lower- and upper-case hexadecimal, and base64 at each of the three alignments. */
    private static List<byte[]> forms(byte[] secret) {
        List<byte[]> forms = new ArrayList<>();
        forms.add(secret);
        String hex = HexFormat.of().formatHex(secret);
        forms.add(hex.getBytes(StandardCharsets.US_ASCII));
        forms.add(hex.toUpperCase().getBytes(StandardCharsets.US_ASCII));
        for (int skip = 0; skip < 3; skip++) {
            byte[] part = Arrays.copyOfRange(secret, skip, skip + (secret.length - skip) / 3 * 3);
            forms.add(Base64.getEncoder().encodeToString(part).getBytes(StandardCharsets.US_ASCII));
        }
        return forms;
    }

    /** Every table of every schema of the database, as COPY writes it. */
    private byte[] dump(boolean binary) throws Exception {
        List<String> tables = jdbc.sql("""
                        select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.tables
                        where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
                        order by 1
                        """).query(String.class).list();
        assertThat(tables).contains("public.bidding_envelope", "public.bidding_log_leaf", "public.audit_entry");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String table : tables) {
            out.write(dumpTable(table, binary));
        }
        return out.toByteArray();
    }

    private byte[] dumpTable(String table, boolean binary) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            copy.copyOut("copy " + table + " to stdout" + (binary ? " (format binary)" : ""), out);
            return out.toByteArray();
        }
    }

    /** The bytes of every file under the folders, one after the other. */
    private static byte[] files(Path... roots) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).forEach(file -> {
                    try {
                        out.write(Files.readAllBytes(file));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        return out.toByteArray();
    }

    /** Bytes as one char each (ISO-8859-1), so that String's fast search finds byte sequences. */
    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
