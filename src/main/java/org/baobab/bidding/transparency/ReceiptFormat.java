// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.transparency;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baobab.bidding.sealing.CanonicalJson;

/**
 * The signed statements of the log (docs/sealing-format.md, "Receipts and transparency log"): a receipt ({@value
 * #RECEIPT}), which is also the log's leaf, a signed tree head ({@value #TREE_HEAD}), and the receipt document a bidder
 * keeps (the receipt with its signature and the signing key's id).
 */
public final class ReceiptFormat {

    public static final String RECEIPT = "BR1";
    public static final String TREE_HEAD = "BTH1";

    /** UTC, exactly six fractional digits: one instant, one text. */
    static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private ReceiptFormat() {}

    /** The instant as a receipt writes it, truncated to the microsecond (what PostgreSQL keeps). */
    public static String instant(Instant instant) {
        return INSTANT.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    /** The receipt's members; {@link CanonicalJson#write} of it is the signed statement and the leaf. */
    public static Map<String, Object> receipt(
            String ocid,
            List<String> lots,
            String supplierId,
            String supplierName,
            String envelopeId,
            String envelopeHash,
            String kind,
            Instant receivedAt,
            long logIndex) {
        Map<String, Object> supplier = new LinkedHashMap<>();
        supplier.put("id", supplierId);
        supplier.put("name", supplierName);
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("format", RECEIPT);
        receipt.put("ocid", ocid);
        receipt.put("lots", List.copyOf(lots));
        receipt.put("supplier", supplier);
        receipt.put("envelope", envelopeId);
        receipt.put("envelopeHash", envelopeHash);
        receipt.put("kind", kind);
        receipt.put("receivedAt", instant(receivedAt));
        receipt.put("logIndex", logIndex);
        return receipt;
    }

    /** The canonical JSON of a tree head, the bytes its signature covers. {@code timestamp}: epoch milliseconds. */
    public static String treeHead(long treeSize, String rootHash, long timestamp) {
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("format", TREE_HEAD);
        head.put("treeSize", treeSize);
        head.put("rootHash", rootHash);
        head.put("timestamp", timestamp);
        return CanonicalJson.write(head);
    }

    /** The document a bidder keeps and may paste on the transparency page: {@code {keyId, receipt, signature}}. */
    public static String document(String receiptJson, String signature, String keyId) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("keyId", keyId);
        document.put("receipt", CanonicalJson.read(receiptJson));
        document.put("signature", signature);
        return CanonicalJson.write(document);
    }
}
