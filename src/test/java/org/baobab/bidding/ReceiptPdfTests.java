// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.baobab.IntegrationTest;
import org.baobab.documents.PdfA;
import org.baobab.shared.merkle.MerkleTree;
import org.junit.jupiter.api.Test;

/**
 * The bid receipt as a PDF/A-3b, on a receipt really issued by {@link Receipts#issue} (real log, real platform key):
 * in French, English and Arabic it shows what a bidder and a verifier need, and carries the receipt document itself.
 */
@IntegrationTest
class ReceiptPdfTests {

    private final Receipts receipts;
    private final ReceiptPdf receiptPdf;

    ReceiptPdfTests(Receipts receipts, ReceiptPdf receiptPdf) {
        this.receipts = receipts;
        this.receiptPdf = receiptPdf;
    }

    /** A bid on a Cameroonian process (Africa/Douala, UTC+1), so that local time and UTC differ. */
    private Receipt issue() {
        return receipts.issue(new ReceiptDraft(
                "ocds-baobab-CM-2026-00417",
                List.of("2", "1"),
                UUID.randomUUID(),
                "Société Générale des Travaux du Littoral — SOGETRAL",
                UUID.randomUUID(),
                HexFormat.of()
                        .formatHex(
                                MerkleTree.leafHash(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))),
                "technical",
                Instant.parse("2026-11-23T09:15:30.123456Z")));
    }

    private static final String NOTICE = "Construction d'un pont à Édéa";

    @Test
    void frenchReceiptShowsTheReceiptAndCarriesItsDocument() throws Exception {
        Receipt receipt = issue();
        byte[] pdf = receiptPdf.render(receipt, NOTICE, Locale.FRENCH);
        save("receipt-fr.pdf", pdf);

        PdfA.Checked checked = PdfA.check(pdf, "Reçu de dépôt d'offre — ocds-baobab-CM-2026-00417", "fr");
        assertThat(checked.pages()).as("one page").isEqualTo(1);
        String text = checked.text();
        assertThat(text)
                .contains(
                        "Reçu de dépôt d'offre",
                        receipt.content().ocid(),
                        NOTICE,
                        "1, 2",
                        "SOGETRAL",
                        receipt.content().supplierId().toString(),
                        receipt.content().envelopeId().toString(),
                        "Offre technique",
                        receipt.content().envelopeHash(),
                        "10:15:30.123456",
                        "Africa/Douala",
                        "2026-11-23 09:15:30.123456 UTC",
                        receipt.keyId(),
                        "/transparency");
        assertThat(text).containsPattern("Position dans le journal de transparence\\s+" + receipt.logIndex() + "\\b");
        // the signature and the document may be broken over lines: compare without white space
        String compact = text.replaceAll("\\s", "");
        assertThat(compact).contains(receipt.signature(), receipt.document().replaceAll("\\s", ""));

        assertThat(checked.attachments()).containsOnlyKeys(ReceiptPdf.ATTACHMENT);
        assertThat(checked.attachments().get(ReceiptPdf.ATTACHMENT))
                .as("receipt.json is the receipt document, byte for byte")
                .isEqualTo(receipt.document().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void englishReceipt() throws Exception {
        Receipt receipt = issue();
        byte[] pdf = receiptPdf.render(receipt, NOTICE, Locale.ENGLISH);
        save("receipt-en.pdf", pdf);

        PdfA.Checked checked = PdfA.check(pdf, "Bid submission receipt — ocds-baobab-CM-2026-00417", "en");
        assertThat(checked.pages()).isEqualTo(1);
        assertThat(checked.text())
                .contains(
                        "Bid submission receipt",
                        "Technical bid",
                        receipt.content().envelopeHash(),
                        "(Africa/Douala time, UTC+01:00)");
        assertThat(checked.attachments().get(ReceiptPdf.ATTACHMENT))
                .isEqualTo(receipt.document().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void arabicReceiptIsRightToLeftWithJoinedLetters() throws Exception {
        Receipt receipt = issue();
        byte[] pdf = receiptPdf.render(receipt, NOTICE, Locale.forLanguageTag("ar"));
        save("receipt-ar.pdf", pdf);

        PdfA.Checked checked = PdfA.check(pdf, "إيصال إيداع عرض — ocds-baobab-CM-2026-00417", "ar");
        assertThat(checked.pages()).isEqualTo(1);
        assertThat(checked.text())
                .contains(
                        "إيصال إيداع عرض",
                        "بصمة",
                        "الظرف المختوم",
                        "مقدم العرض",
                        "سجل الشفافية",
                        "عرض تقني",
                        receipt.content().ocid(),
                        receipt.content().envelopeHash(),
                        receipt.keyId());
        assertThat(checked.arabicPresentationForms())
                .as("joined Arabic letters")
                .isGreaterThan(50);
        assertThat(checked.attachments().get(ReceiptPdf.ATTACHMENT))
                .isEqualTo(receipt.document().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theTimeZoneIsTheProcessCountrys() {
        assertThat(receiptPdf.zone("ocds-baobab-CM-2026-00417")).isEqualTo(ZoneId.of("Africa/Douala"));
        assertThat(receiptPdf.zone("ocds-baobab-SN-2026-P00007")).isEqualTo(ZoneId.of("Africa/Dakar"));
        assertThat(receiptPdf.zone("ocds-other-2026-000123")).isEqualTo(java.time.ZoneOffset.UTC);
    }

    private static void save(String name, byte[] pdf) throws Exception {
        Path dir = Path.of("target", "pdf");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), pdf);
    }
}
