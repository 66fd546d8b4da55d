// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A part of the sealed plaintext, as its header describes it: the bid form ({@code bid.json}, always the first part)
 * or a file. The name is the sender's file name: text to show, never a path to write to as is.
 *
 * @param name a base name, 1 to 255 UTF-16 code units, without {@code /} or {@code \}
 * @param type a media type
 * @param size the content's length in bytes
 */
public record PartHeader(String name, String type, long size) {

    /** Header of the bid form part. */
    public static final String BID_FORM_NAME = "bid.json";

    public static final String BID_FORM_TYPE = "application/json";

    /** Longest header, in UTF-8 bytes. */
    public static final int MAX_HEADER_LENGTH = 65_536;

    public PartHeader {
        if (name.isEmpty() || name.length() > 255) {
            throw new SealingException("Part header: a name has 1 to 255 characters (\"" + name + "\")");
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            throw new SealingException("Part header: a name is a base name, without / or \\ (\"" + name + "\")");
        }
        if (type.isEmpty()) {
            throw new SealingException("Part header: the type of \"" + name + "\" is empty");
        }
        if (size < 0 || size > CanonicalJson.MAX_INTEGER) {
            throw new SealingException("Part header: the size of \"" + name + "\" is out of range");
        }
    }

    /** The header's canonical JSON in UTF-8, as the stream holds it. */
    byte[] canonicalBytes() {
        Map<String, @Nullable Object> header = new LinkedHashMap<>();
        header.put("name", name);
        header.put("size", size);
        header.put("type", type);
        byte[] bytes = CanonicalJson.utf8(header);
        if (bytes.length > MAX_HEADER_LENGTH) {
            throw new SealingException("Part header: the header of \"" + name + "\" is longer than 65,536 bytes");
        }
        return bytes;
    }

    /** Reads a header from the stream's bytes: canonical JSON with exactly name, size and type. */
    static PartHeader read(byte[] bytes) {
        String json = CanonicalJson.decodeUtf8(bytes);
        Fields fields = Fields.of(CanonicalJson.read(json), "A part header").exactly("name", "size", "type");
        PartHeader header = new PartHeader(fields.string("name"), fields.string("type"), fields.integer("size"));
        if (!json.equals(CanonicalJson.write(CanonicalJson.read(json)))) {
            throw new SealingException("Part header: the header of \"" + header.name() + "\" is not canonical JSON");
        }
        return header;
    }
}
