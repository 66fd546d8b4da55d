// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing;

import java.io.InputStream;

/**
 * A file to seal: its header and the stream its bytes come from. The {@link Sealer} reads exactly {@code size} bytes
 * and checks that the stream then ends; it does not close the stream.
 *
 * @param name the file's base name (no {@code /} or {@code \})
 * @param type its media type ({@code application/octet-stream} when unknown)
 * @param size its length in bytes
 * @param content its bytes
 */
public record Attachment(String name, String type, long size, InputStream content) {

    public Attachment {
        new PartHeader(name, type, size); // validates
    }

    PartHeader header() {
        return new PartHeader(name, type, size);
    }
}
