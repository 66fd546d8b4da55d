// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.baobab.bidding.sealing.PartHeader;
import org.baobab.bidding.sealing.PartSink;
import org.jspecify.annotations.Nullable;

/** Writes each part to a staging file; names are made safe and unique for the output directory. */
final class FileSink implements PartSink {

    final Map<Path, String> files = new LinkedHashMap<>();
    private final Path staging;
    private final Path outDir;
    private final Set<String> names = new HashSet<>();
    private @Nullable OutputStream current;

    FileSink(Path staging, Path outDir) {
        this.staging = staging;
        this.outDir = outDir;
    }

    @Override
    public void begin(int index, PartHeader header) throws IOException {
        Path file = staging.resolve("part-" + index);
        current = new BufferedOutputStream(Files.newOutputStream(file));
        files.put(file, uniqueName(safeName(header.name())));
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (current != null) {
            current.write(bytes, offset, length);
        }
    }

    @Override
    public void end(int index, PartHeader header) throws IOException {
        close();
    }

    void close() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    private String uniqueName(String name) {
        String candidate = name;
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int n = 2;
                Files.exists(outDir.resolve(candidate)) || !names.add(candidate.toLowerCase(Locale.ROOT));
                n++) {
            candidate = stem + " (" + n + ")" + extension;
        }
        return candidate;
    }

    /** The sender's name as a harmless file name: no control or reserved characters, no leading dot. */
    static String safeName(String name) {
        StringBuilder safe = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            safe.append(c < 0x20 || c == 0x7F || "/\\:*?\"<>|".indexOf(c) >= 0 ? '_' : c);
        }
        while (safe.length() > 0 && (safe.charAt(0) == '.' || safe.charAt(0) == ' ')) {
            safe.setCharAt(0, '_');
        }
        return safe.isEmpty() ? "_" : safe.toString();
    }
}
