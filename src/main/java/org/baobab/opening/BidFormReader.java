// SPDX-License-Identifier: Apache-2.0
package org.baobab.opening;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baobab.bidding.sealing.CanonicalJson;
import org.baobab.bidding.sealing.PartHeader;
import org.baobab.bidding.sealing.PartSink;
import org.baobab.bidding.sealing.SealingException;
import org.jspecify.annotations.Nullable;

/**
 * What the opening reads in an envelope it decrypted (plain Java): the bid form (part 0), kept up to
 * {@value #MAX_BID_FORM} bytes while the files' contents go by, then its lots (lot, amount, currency, rebate), the
 * amounts read aloud, the bid security, and the list of files.
 */
final class BidFormReader implements PartSink {

    /** Largest bid form read; a larger one is reported as a failure to read, not kept. */
    static final int MAX_BID_FORM = 1 << 20;

    private final ByteArrayOutputStream form = new ByteArrayOutputStream();
    private boolean tooLarge;
    private int part = -1;

    /**
     * What the bid form says.
     *
     * @param lots each lot as read: {@code lot}, and {@code amount}, {@code currency}, {@code rebate} when given
     * @param amounts the amount of each lot that has one, by lot
     * @param failure why the form does not read, or null
     */
    record Read(
            List<Map<String, Object>> lots,
            Map<String, String> amounts,
            @Nullable String bidSecurity,
            @Nullable String failure) {}

    @Override
    public void begin(int index, PartHeader header) {
        part = index;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        if (part == 0) {
            if (form.size() + length > MAX_BID_FORM) {
                tooLarge = true;
            } else {
                form.write(bytes, offset, length);
            }
        }
    }

    @Override
    public void end(int index, PartHeader header) {
        part = -1;
    }

    /** The bid form as received; a form too large or not canonical JSON is a failure to read. */
    Read read() {
        List<Map<String, Object>> lots = new ArrayList<>();
        Map<String, String> amounts = new LinkedHashMap<>();
        String bidSecurity = null;
        try {
            if (tooLarge) {
                throw new SealingException("The bid form is larger than 1 MiB");
            }
            Map<String, @Nullable Object> json =
                    CanonicalJson.readObject(new String(form.toByteArray(), StandardCharsets.UTF_8));
            if (json.get("lots") instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof Map<?, ?> lot) {
                        Map<String, Object> read = new LinkedHashMap<>();
                        read.put("lot", String.valueOf(lot.get("lot")));
                        for (String field : List.of("amount", "currency", "rebate")) {
                            Object value = lot.get(field);
                            if (value != null) {
                                read.put(field, String.valueOf(value));
                            }
                        }
                        lots.add(read);
                        if (lot.get("amount") != null) {
                            amounts.put(String.valueOf(lot.get("lot")), String.valueOf(lot.get("amount")));
                        }
                    }
                }
            }
            Object security = json.get("bidSecurity");
            if (security != null) {
                bidSecurity = security instanceof String s ? s : CanonicalJson.write(security);
            }
        } catch (SealingException e) {
            return new Read(lots, amounts, bidSecurity, "The bid form does not read: " + e.getMessage());
        }
        return new Read(lots, amounts, bidSecurity, null);
    }

    /** The files of the envelope (every part after the bid form): name, size and type. */
    static List<Map<String, Object>> files(List<PartHeader> headers) {
        List<Map<String, Object>> files = new ArrayList<>();
        for (int i = 1; i < headers.size(); i++) {
            PartHeader h = headers.get(i);
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("name", h.name());
            file.put("size", h.size());
            file.put("type", h.type());
            files.add(file);
        }
        return files;
    }
}
