// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing;

import java.io.IOException;

/**
 * Where {@link Opener} streams the parts it decrypts: for each part, {@link #begin}, its content in pieces through
 * {@link #write}, then {@link #end}. Part 0 is the bid form.
 *
 * <p>Every piece has been authenticated before it is written, but whether the stream is complete (nothing cut off,
 * nothing added) is only known when {@link Opener#open} returns: until then, treat what was written as provisional,
 * and discard it if {@code open} throws.
 */
public interface PartSink {

    void begin(int index, PartHeader header) throws IOException;

    void write(byte[] bytes, int offset, int length) throws IOException;

    void end(int index, PartHeader header) throws IOException;
}
