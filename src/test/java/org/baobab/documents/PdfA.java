// SPDX-License-Identifier: Apache-2.0
package org.baobab.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * Checks a PDF/A-3b twice: a full validation by veraPDF (the PDF Association's validator, every rule of ISO 19005-3
 * level B), and with PDFBox what matters to Baobab beyond conformance: the XMP declares part 3, conformance B, the
 * title and the language; an output intent with its ICC profile; every font embedded and a DejaVu one; the associated
 * files.
 */
public final class PdfA {

    /**
     * The document's text (PDFBox's extraction, in logical order and with Arabic letters in their base forms), its
     * pages, its embedded files by name, and how many Arabic presentation forms (joined letters, U+FB50–U+FEFF) the
     * embedded fonts were drawn with.
     */
    public record Checked(String text, int pages, Map<String, byte[]> attachments, int arabicPresentationForms) {}

    private PdfA() {}

    /**
     * The glyphs of DejaVu Sans that draw Arabic presentation forms. PDFBox embeds subsets that keep the font's glyph
     * ids as character codes (Identity-H), so a code among these was drawn as a joined letter.
     */
    private static Set<Integer> arabicPresentationGlyphs() throws IOException {
        Set<Integer> glyphs = new HashSet<>();
        try (InputStream in = PdfA.class.getResourceAsStream("/fonts/dejavu/DejaVuSans.ttf");
                TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in))) {
            var cmap = font.getUnicodeCmapLookup();
            for (int c = 0xFB50; c <= 0xFEFC; c++) {
                int glyph = cmap.getGlyphId(c);
                if (glyph != 0) {
                    glyphs.add(glyph);
                }
            }
        }
        return glyphs;
    }

    /** The rules of PDF/A-3b that the document breaks, as veraPDF reports them; empty for a conforming document. */
    public static List<String> violations(byte[] pdfBytes) throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        List<String> failed = new ArrayList<>();
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdfBytes));
                PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false)) {
            ValidationResult result = validator.validate(parser);
            for (TestAssertion assertion : result.getTestAssertions()) {
                if (assertion.getStatus() != TestAssertion.Status.PASSED) {
                    failed.add(assertion.getRuleId().getClause() + "-"
                            + assertion.getRuleId().getTestNumber() + ": " + assertion.getMessage());
                }
            }
            if (!result.isCompliant() && failed.isEmpty()) {
                failed.add("not compliant");
            }
        }
        return failed;
    }

    public static Checked check(byte[] pdfBytes, String title, String language) throws Exception {
        assertThat(violations(pdfBytes)).as("veraPDF, PDF/A-3b").isEmpty();
        try (PDDocument pdf = Loader.loadPDF(pdfBytes)) {
            var catalog = pdf.getDocumentCatalog();
            assertThat(pdf.getVersion()).as("PDF version").isGreaterThanOrEqualTo(1.7f);

            XMPMetadata xmp;
            try (InputStream in = catalog.getMetadata().exportXMPMetadata()) {
                xmp = new DomXmpParser().parse(in);
            }
            PDFAIdentificationSchema id = xmp.getPDFAIdentificationSchema();
            assertThat(id).as("pdfaid schema").isNotNull();
            assertThat(id.getPart()).as("pdfaid:part").isEqualTo(3);
            assertThat(id.getConformance()).as("pdfaid:conformance").isEqualTo("B");
            DublinCoreSchema dc = xmp.getDublinCoreSchema();
            assertThat(dc.getTitle()).as("dc:title").isEqualTo(title);
            assertThat(dc.getLanguages()).as("dc:language").contains(language);
            assertThat(pdf.getDocumentInformation().getTitle()).as("Info Title").isEqualTo(title);
            assertThat(catalog.getLanguage()).as("Lang").isEqualTo(language);

            List<PDOutputIntent> intents = catalog.getOutputIntents();
            assertThat(intents).as("output intents").hasSize(1);
            assertThat(intents.get(0).getCOSObject().getCOSName(COSName.S)).isEqualTo(COSName.getPDFName("GTS_PDFA1"));
            assertThat(intents.get(0).getDestOutputIntent()).as("ICC profile").isNotNull();

            List<String> fonts = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    fonts.add(font.getName());
                    assertThat(font.isEmbedded())
                            .as("font %s embedded", font.getName())
                            .isTrue();
                }
            }
            assertThat(fonts).as("fonts used").isNotEmpty().allMatch(f -> f.contains("DejaVu"));

            Map<String, byte[]> attachments = new LinkedHashMap<>();
            var names = catalog.getNames();
            PDEmbeddedFilesNameTreeNode tree = names == null ? null : names.getEmbeddedFiles();
            if (tree != null && tree.getNames() != null) {
                COSArray af = (COSArray) catalog.getCOSObject().getDictionaryObject(COSName.AF);
                assertThat(af)
                        .as("/AF of the catalog")
                        .isNotNull()
                        .hasSize(tree.getNames().size());
                for (Map.Entry<String, PDComplexFileSpecification> e :
                        tree.getNames().entrySet()) {
                    COSDictionary spec = e.getValue().getCOSObject();
                    assertThat(spec.getNameAsString(COSName.AF_RELATIONSHIP))
                            .as("AFRelationship")
                            .isNotNull();
                    var file = e.getValue().getEmbeddedFile();
                    assertThat(file.getSubtype())
                            .as("MIME type of " + e.getKey())
                            .isNotBlank();
                    assertThat(file.getModDate()).as("ModDate of " + e.getKey()).isNotNull();
                    attachments.put(e.getKey(), file.toByteArray());
                }
            }
            Set<Integer> joinedGlyphs = arabicPresentationGlyphs();
            int[] joined = {0};
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition position) {
                    for (int code : position.getCharacterCodes()) {
                        if (joinedGlyphs.contains(code)) {
                            joined[0]++;
                        }
                    }
                    super.processTextPosition(position);
                }
            };
            String text = stripper.getText(pdf);
            int presentationForms = joined[0];
            return new Checked(text, pdf.getNumberOfPages(), attachments, presentationForms);
        } catch (IOException e) {
            throw new AssertionError("not a readable PDF", e);
        }
    }
}
