// SPDX-License-Identifier: Apache-2.0
package org.baobab.documents;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.TextDirection;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.transform.TransformerException;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.apache.xmpbox.xml.XmpParsingException;
import org.apache.xmpbox.xml.XmpSerializer;
import org.baobab.documents.internal.IcuText;
import org.baobab.documents.internal.OpenHtmlToPdfLogging;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a Thymeleaf template written as XHTML (under {@code templates/pdf/}) to a PDF/A-3b document in the reader's
 * language: texts come from the i18n bundles through {@code #{…}} as on the pages, Arabic is laid out right to left
 * with joined letters, and every glyph comes from the embedded DejaVu fonts (docs/documents.md). Templates name the
 * families {@value #SANS} and {@value #MONO}; any other family, generic ones included, falls back to {@value #SANS}, so
 * no text is ever drawn with a font that is not embedded.
 *
 * <p>PDF/A-3b rather than 2b: PDF/A-3 may carry any file as an associated file ({@link PdfAttachment}), so a receipt or
 * minutes can hold their machine-readable original; level b (visual appearance) is what openhtmltopdf can promise
 * without a tagged structure tree.
 */
@Service
public class PdfRenderer {

    public static final String SANS = "DejaVu Sans";
    public static final String MONO = "DejaVu Sans Mono";
    private static final String FONTS = "/fonts/dejavu/";
    private static final Pattern NOT_XML = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");
    private static final DateTimeFormatter PDF_DATE = DateTimeFormatter.ofPattern("'D:'uuuuMMddHHmmss'Z'", Locale.ROOT);

    private final ITemplateEngine templates;
    private final Clock clock;
    private final byte[] sans;
    private final byte[] sansBold;
    private final byte[] mono;
    private final byte[] colourProfile;

    PdfRenderer(ITemplateEngine templates, Clock clock) {
        this.templates = templates;
        this.clock = clock;
        this.sans = resource(FONTS + "DejaVuSans.ttf");
        this.sansBold = resource(FONTS + "DejaVuSans-Bold.ttf");
        this.mono = resource(FONTS + "DejaVuSansMono.ttf");
        this.colourProfile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        OpenHtmlToPdfLogging.install();
    }

    /**
     * The PDF/A-3b of the template ({@code pdf/…}, without {@code .html}) filled with the model in the locale; {@code
     * title} goes into the document's metadata, the locale's language into its {@code Lang} and XMP, and the
     * attachments are embedded as associated files of the document.
     */
    public byte[] render(
            String template, Map<String, ?> model, Locale locale, String title, List<PdfAttachment> attachments) {
        Map<String, Object> variables = new LinkedHashMap<>(model);
        boolean rightToLeft = isRightToLeft(locale);
        variables.put("pdfDirection", rightToLeft ? "rtl" : "ltr");
        variables.put("pdfLanguage", locale.toLanguageTag());
        variables.put("pdfTitle", title);
        // Thymeleaf escapes markup but not the control characters XML 1.0 forbids, which a name could hold
        String xhtml = NOT_XML.matcher(templates.process(template, new Context(locale, variables)))
                .replaceAll("\uFFFD");

        // fast mode is openhtmltopdf's default renderer now (useFastMode() is deprecated)
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .usePdfAConformance(PdfAConformance.PDFA_3_B)
                .useColorProfile(colourProfile)
                .useUnicodeBidiSplitter(IcuText.splitters())
                .useUnicodeBidiReorderer(IcuText.reorderer())
                .defaultTextDirection(rightToLeft ? TextDirection.RTL : TextDirection.LTR)
                .withProducer("Baobab")
                // a PDF is made of its template, the model's text and the embedded fonts: nothing is fetched, from
                // the network or the disk, even if a value ever ended up in a URL
                .useExternalResourceAccessControl(
                        (uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                .useExternalResourceAccessControl(
                        (uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
                .withHtmlContent(xhtml, null);
        // italic and oblique are drawn upright: no text may fall back to a standard font, which is not embedded
        for (FontStyle style : FontStyle.values()) {
            for (String family : List.of(SANS, "sans-serif", "serif", "cursive", "fantasy")) {
                builder.useFont(() -> new ByteArrayInputStream(sans), family, 400, style, true);
                builder.useFont(() -> new ByteArrayInputStream(sansBold), family, 700, style, true);
            }
            for (String family : List.of(MONO, "monospace")) {
                builder.useFont(() -> new ByteArrayInputStream(mono), family, 400, style, true);
            }
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.createPDFWithoutClosing();
            try (PDDocument pdf = renderer.getPdfDocument()) {
                PDDocumentCatalog catalog = pdf.getDocumentCatalog();
                catalog.setLanguage(locale.toLanguageTag());
                pdf.getDocumentInformation().setTitle(title);
                declareLanguageAndTitle(catalog, locale, title);
                attach(pdf, attachments);
                pdf.save(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("rendering " + template, e);
        }
        return out.toByteArray();
    }

    /** Whether the locale's script is written right to left (Arabic here; Hebrew, Persian, Urdu too). */
    public static boolean isRightToLeft(Locale locale) {
        return List.of("ar", "fa", "he", "iw", "ur").contains(locale.getLanguage());
    }

    /** dc:title and dc:language in the XMP that openhtmltopdf wrote, so that they agree with the Info dictionary. */
    private static void declareLanguageAndTitle(PDDocumentCatalog catalog, Locale locale, String title)
            throws IOException {
        PDMetadata stream = catalog.getMetadata();
        if (stream == null) {
            throw new IOException("no XMP metadata: not a PDF/A");
        }
        XMPMetadata xmp;
        try (InputStream in = stream.exportXMPMetadata()) {
            xmp = new DomXmpParser().parse(in);
        } catch (XmpParsingException e) {
            throw new IOException(e);
        }
        DublinCoreSchema dc = xmp.getDublinCoreSchema();
        if (dc == null) {
            dc = xmp.createAndAddDublinCoreSchema();
        }
        dc.setTitle(title);
        if (dc.getLanguages() == null || !dc.getLanguages().contains(locale.toLanguageTag())) {
            dc.addLanguage(locale.toLanguageTag());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            new XmpSerializer().serialize(xmp, bytes, true);
        } catch (TransformerException e) {
            throw new IOException(e);
        }
        stream.importXMPMetadata(bytes.toByteArray());
    }

    /** Each attachment as an embedded file in the name tree and as an associated file of the document (/AF). */
    private void attach(PDDocument pdf, List<PdfAttachment> attachments) throws IOException {
        if (attachments.isEmpty()) {
            return;
        }
        // a PDF date (ISO 32000 7.9.4), written directly: PDFBox's setters take the java.util.Calendar we keep out
        COSString now = new COSString(PDF_DATE.format(clock.instant().atOffset(ZoneOffset.UTC)));
        Map<String, PDComplexFileSpecification> byName = new LinkedHashMap<>();
        COSArray associated = new COSArray();
        for (PdfAttachment attachment : attachments) {
            byte[] content = attachment.content();
            PDEmbeddedFile file = new PDEmbeddedFile(pdf, new ByteArrayInputStream(content));
            file.setSubtype(attachment.mediaType());
            COSDictionary params = new COSDictionary();
            params.setItem(COSName.CREATION_DATE, now);
            params.setItem(COSName.MOD_DATE, now);
            params.setInt(COSName.SIZE, content.length);
            file.getCOSObject().setItem(COSName.PARAMS, params);
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile(attachment.fileName());
            spec.setFileUnicode(attachment.fileName());
            spec.setFileDescription(attachment.description());
            spec.setEmbeddedFile(file);
            spec.setEmbeddedFileUnicode(file);
            spec.getCOSObject().setName(COSName.AF_RELATIONSHIP, attachment.relationship());
            byName.put(attachment.fileName(), spec);
            associated.add(spec);
        }
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(byName);
        PDDocumentCatalog catalog = pdf.getDocumentCatalog();
        PDDocumentNameDictionary names = catalog.getNames();
        if (names == null) {
            names = new PDDocumentNameDictionary(catalog);
        }
        names.setEmbeddedFiles(tree);
        catalog.setNames(names);
        catalog.getCOSObject().setItem(COSName.AF, associated);
    }

    private static byte[] resource(String path) {
        try (InputStream in = PdfRenderer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing: the build unpacks it (pom.xml, pdf-fonts)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
