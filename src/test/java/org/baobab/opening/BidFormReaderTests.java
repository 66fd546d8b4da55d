// SPDX-License-Identifier: Apache-2.0
package org.baobab.opening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.baobab.bidding.sealing.PartHeader;
import org.junit.jupiter.api.Test;

/** What the opening reads in a decrypted envelope's bid form, without Spring, a database or the cryptography. */
class BidFormReaderTests {

    private static final PartHeader FORM = new PartHeader("bid.json", "application/json", 10);
    private static final PartHeader FILE = new PartHeader("offre-technique.pdf", "application/pdf", 2048);

    /** Streams the parts as the opener does: the bid form, then a file whose bytes the reader lets go. */
    private static BidFormReader stream(String form, byte[] file) {
        BidFormReader reader = new BidFormReader();
        byte[] bytes = form.getBytes(StandardCharsets.UTF_8);
        reader.begin(0, FORM);
        reader.write(bytes, 0, bytes.length / 2);
        reader.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
        reader.end(0, FORM);
        reader.begin(1, FILE);
        reader.write(file, 0, file.length);
        reader.end(1, FILE);
        return reader;
    }

    @Test
    void theLotsTheAmountsAndTheBidSecurityAreReadAndTheFilesListed() {
        BidFormReader.Read read = stream(
                        "{\"bidSecurity\":{\"amount\":\"500000\",\"issuer\":\"CBAO\"},\"form\":\"BBF1\",\"lots\":["
                                + "{\"amount\":\"145000000\",\"currency\":\"XOF\",\"lot\":\"1\",\"rebate\":\"2 %\"},"
                                + "{\"lot\":\"2\"}]}",
                        new byte[] {1, 2, 3})
                .read();

        assertThat(read.failure()).isNull();
        assertThat(read.lots())
                .containsExactly(
                        Map.of("lot", "1", "amount", "145000000", "currency", "XOF", "rebate", "2 %"),
                        Map.of("lot", "2"));
        assertThat(read.amounts()).containsExactly(Map.entry("1", "145000000"));
        assertThat(read.bidSecurity()).isEqualTo("{\"amount\":\"500000\",\"issuer\":\"CBAO\"}");
        assertThat(BidFormReader.files(List.of(FORM, FILE)))
                .containsExactly(Map.of("name", "offre-technique.pdf", "size", 2048L, "type", "application/pdf"));
    }

    @Test
    void aBidSecurityWrittenAsTextIsKeptAsItIs() {
        BidFormReader.Read read = stream("{\"bidSecurity\":\"Caution CBAO n° 12\",\"lots\":[]}", new byte[0])
                .read();

        assertThat(read.bidSecurity()).isEqualTo("Caution CBAO n° 12");
        assertThat(read.lots()).isEmpty();
    }

    @Test
    void aFormThatIsNotJsonOrLargerThanOneMebibyteIsAFailureToRead() {
        assertThat(stream("pas du JSON", new byte[0]).read().failure()).startsWith("The bid form does not read: ");

        BidFormReader reader = new BidFormReader();
        byte[] chunk = new byte[BidFormReader.MAX_BID_FORM / 2 + 1];
        reader.begin(0, FORM);
        reader.write(chunk, 0, chunk.length);
        reader.write(chunk, 0, chunk.length);
        reader.end(0, FORM);
        assertThat(reader.read().failure()).isEqualTo("The bid form does not read: The bid form is larger than 1 MiB");
    }
}
