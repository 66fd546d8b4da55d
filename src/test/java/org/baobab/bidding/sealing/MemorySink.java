// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Collects opened parts in memory (small envelopes only). */
public final class MemorySink implements PartSink {

    public final List<PartHeader> headers = new ArrayList<>();
    public final List<byte[]> contents = new ArrayList<>();
    private ByteArrayOutputStream current = new ByteArrayOutputStream();
    private int ended;

    @Override
    public void begin(int index, PartHeader header) {
        if (index != headers.size() || ended != index) {
            throw new AssertionError("part " + index + " begins out of order");
        }
        headers.add(header);
        current = new ByteArrayOutputStream();
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        current.write(bytes, offset, length);
    }

    @Override
    public void end(int index, PartHeader header) {
        if (index != headers.size() - 1 || !header.equals(headers.get(index))) {
            throw new AssertionError("part " + index + " ends out of order");
        }
        contents.add(current.toByteArray());
        ended++;
    }
}
