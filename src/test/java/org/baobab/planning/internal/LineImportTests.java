// SPDX-License-Identifier: Apache-2.0
package org.baobab.planning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The CSV side of a plan import, without the database: what a spreadsheet's export may hold. */
class LineImportTests {

    private static final String HEADER = "reference;object;nature;procedure;amount\r\n";

    private static LineImport.Parsed parse(String csv) throws IOException {
        return LineImport.parse("plan.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "XOF");
    }

    @Test
    void readsQuotedFieldsWithDelimitersQuotesAndLineBreaks() throws IOException {
        LineImport.Parsed parsed = parse("\uFEFF" + HEADER
                + "A-1;\"Entretien; lot \"\"unique\"\"\";services;AOO;1000\r\n"
                + "A-2;\"Sur deux\nlignes\";travaux;AOO;2000\r\n");
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rows())
                .extracting(r -> r.line().title())
                .containsExactly("Entretien; lot \"unique\"", "Sur deux\nlignes");
    }

    @Test
    void numbersRowsAsTheSpreadsheetDoesBlankLinesIncluded() throws IOException {
        LineImport.Parsed parsed = parse(HEADER + "\r\nB-1;Objet;fournitures;AOO;x\r\n");
        assertThat(parsed.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(3);
            assertThat(e.column()).isEqualTo("amount");
        });
    }

    @Test
    void takesCommasAndLoneCarriageReturnsToo() throws IOException {
        LineImport.Parsed parsed =
                parse("reference,object,nature,procedure,amount\rC-1,\"Objet, long\",goods,AOO,\"1 000,50\"\r");
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rows()).singleElement().satisfies(r -> {
            assertThat(r.number()).isEqualTo(2);
            assertThat(r.line().title()).isEqualTo("Objet, long");
            assertThat(r.line().amount()).isEqualByComparingTo("1000.50");
        });
    }
}
