// SPDX-License-Identifier: Apache-2.0
package org.baobab.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.baobab.ModuleTest;
import org.junit.jupiter.api.Test;

/**
 * The PDF/A renderer on a test template, with the documents module on its own: French accents, Arabic right to left,
 * fonts embedded, a file attached.
 */
@ModuleTest
class PdfRendererTests {

    private final PdfRenderer renderer;

    PdfRendererTests(PdfRenderer renderer) {
        this.renderer = renderer;
    }

    private static Map<String, Object> model(String heading, String line) {
        return Map.of("heading", heading, "line", line, "generic", "Texte générique ∑", "code", "9f86d081884c7d65");
    }

    @Test
    void rendersFrenchAsPdfA3bWithEmbeddedFonts() throws Exception {
        byte[] pdf = renderer.render(
                "pdf/documents-sample",
                model("Reçu de dépôt", "Procédure n° 42 : élève, garçon, œuvre, à l'été"),
                Locale.FRENCH,
                "Reçu de dépôt",
                List.of());
        save("sample-fr.pdf", pdf);

        PdfA.Checked checked = PdfA.check(pdf, "Reçu de dépôt", "fr");
        assertThat(checked.pages()).isEqualTo(1);
        assertThat(checked.text())
                .contains("Reçu de dépôt", "élève, garçon, œuvre, à l'été", "Texte générique", "9f86d081884c7d65");
        // italic and bold come from embedded DejaVu faces too (PdfA.check): no fallback to a standard font
        assertThat(checked.text().replaceAll("\\s+", " ")).contains("italique oblique gras gras italique");
        assertThat(checked.attachments()).isEmpty();
        assertThat(checked.arabicPresentationForms()).isZero();
    }

    @Test
    void rendersArabicRightToLeftWithJoinedLetters() throws Exception {
        String heading = "إيصال إيداع العرض";
        byte[] pdf = renderer.render(
                "pdf/documents-sample",
                model(heading, "رقم الإجراء 42"),
                Locale.forLanguageTag("ar"),
                heading,
                List.of());

        save("sample-ar.pdf", pdf);
        PdfA.Checked checked = PdfA.check(pdf, heading, "ar");
        // drawn with joined letters (presentation forms), extracted as the letters written
        assertThat(checked.text()).contains(heading, "رقم الإجراء", "42");
        assertThat(checked.arabicPresentationForms()).as("joined forms drawn").isGreaterThan(5);
    }

    @Test
    void embedsAttachmentsAsAssociatedFiles() throws Exception {
        byte[] json = "{\"a\":\"é\"}".getBytes(StandardCharsets.UTF_8);
        byte[] pdf = renderer.render(
                "pdf/documents-sample",
                model("Pièce jointe", "Voir le fichier joint"),
                Locale.ENGLISH,
                "Attachment",
                List.of(new PdfAttachment("data.json", "application/json", "the data", "Data", json)));

        PdfA.Checked checked = PdfA.check(pdf, "Attachment", "en");
        assertThat(checked.attachments()).containsOnlyKeys("data.json");
        assertThat(checked.attachments().get("data.json")).isEqualTo(json);
    }

    /** The validation is real: the same document without its output intent is refused. */
    @Test
    void veraPdfRefusesADocumentWithoutOutputIntent() throws Exception {
        byte[] pdf =
                renderer.render("pdf/documents-sample", model("Essai", "Essai"), Locale.FRENCH, "Essai", List.of());
        assertThat(PdfA.violations(pdf)).isEmpty();
        byte[] broken;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            document.getDocumentCatalog().getCOSObject().removeItem(COSName.OUTPUT_INTENTS);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            broken = out.toByteArray();
        }
        assertThat(PdfA.violations(broken)).isNotEmpty();
    }

    /** Text that XML cannot hold (a control character in a company name) is replaced, not a failure. */
    @Test
    void rendersTextWithControlCharacters() throws Exception {
        byte[] pdf = renderer.render(
                "pdf/documents-sample",
                model("Société\u0001 Bêta", "ligne\u000b deux"),
                Locale.FRENCH,
                "Bêta",
                List.of());
        assertThat(PdfA.check(pdf, "Bêta", "fr").text()).contains("Bêta", "deux");
    }

    @Test
    void refusesAnUnknownRelationship() {
        assertThatThrownBy(() -> new PdfAttachment("a", "text/plain", "a", "Other", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Keeps the PDFs in target/pdf for a look by eye (and for veraPDF, when at hand). */
    static void save(String name, byte[] pdf) throws Exception {
        Path dir = Path.of("target", "pdf");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), pdf);
    }
}
