// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baobab.documents.PdfAttachment;
import org.baobab.documents.PdfRenderer;
import org.baobab.rules.RulePacks;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A bid receipt as a one-page PDF/A-3b in the reader's language (French, English or Arabic, right to left): what the
 * receipt attests, the instant of receipt in the country's time zone and in UTC, the log index, the platform key and
 * signature, the exact receipt document a verifier needs, and how to check it. The same document is attached to the
 * PDF as {@code receipt.json}, byte for byte {@link Receipt#document()}, so the PDF alone is enough to verify.
 */
@Component
public class ReceiptPdf {

    /** The name of the attached receipt document. */
    public static final String ATTACHMENT = "receipt.json";

    /** The country in an ocid minted here: {@code <prefix>-SN-2026-00042}. */
    private static final Pattern COUNTRY = Pattern.compile("-([A-Z]{2})-\\d{4}-[A-Z]?\\d+$");

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);

    private final PdfRenderer pdfs;
    private final RulePacks packs;
    private final MessageSource messages;

    ReceiptPdf(PdfRenderer pdfs, RulePacks packs, MessageSource messages) {
        this.pdfs = pdfs;
        this.packs = packs;
        this.messages = messages;
    }

    /** The receipt of a bid on the process whose notice is titled {@code noticeTitle}, for a reader in {@code locale}. */
    public byte[] render(Receipt receipt, String noticeTitle, Locale locale) {
        ReceiptDraft content = receipt.content();
        ZoneId zone = zone(content.ocid());
        ZonedDateTime local = content.receivedAt().atZone(zone);
        DateTimeFormatter date =
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS", Locale.ROOT);

        Map<String, Object> model = new LinkedHashMap<>();
        model.put("ocid", content.ocid());
        model.put("noticeTitle", noticeTitle);
        model.put("lots", String.join(", ", content.lots()));
        model.put("supplierName", content.supplierName());
        model.put("supplierId", content.supplierId().toString());
        model.put("envelopeId", content.envelopeId().toString());
        model.put("kind", messages.getMessage("receipt.pdf.kind." + content.kind(), null, content.kind(), locale));
        model.put("envelopeHash", content.envelopeHash());
        model.put("receivedLocalDate", date.format(local));
        model.put("receivedLocalTime", time.format(local));
        model.put("zone", zone.getId());
        model.put("offset", local.getOffset().getId().replace("Z", "+00:00"));
        model.put("receivedUtc", UTC.format(content.receivedAt().atOffset(ZoneOffset.UTC)) + " UTC");
        model.put("logIndex", receipt.logIndex());
        model.put("keyId", receipt.keyId());
        model.put("signature", receipt.signature());
        model.put("document", receipt.document());
        model.put("attachment", ATTACHMENT);

        String title = messages.getMessage("receipt.pdf.title", null, locale) + " — " + content.ocid();
        PdfAttachment json = new PdfAttachment(
                ATTACHMENT,
                "application/json",
                messages.getMessage("receipt.pdf.attachment", null, locale),
                "Source",
                receipt.document().getBytes(StandardCharsets.UTF_8));
        return pdfs.render("pdf/bidding/receipt", model, locale, title, List.of(json));
    }

    /** The time zone of the process's country, read from its ocid; UTC when the ocid names no country we know. */
    ZoneId zone(String ocid) {
        Matcher m = COUNTRY.matcher(ocid);
        return m.find() ? packs.zone(m.group(1)) : ZoneOffset.UTC;
    }
}
