// SPDX-License-Identifier: Apache-2.0
package org.baobab.documents.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;
import org.baobab.documents.DocumentsErrorCode;
import org.baobab.shared.BaobabException;
import org.jspecify.annotations.Nullable;

/**
 * What a file really is, from its bytes (Apache Tika's magic numbers), checked against what its name and its declared
 * type claim. The bytes decide; the name may only refine them (a ZIP named {@code .docx} is a Word document, text
 * named {@code .csv} is CSV), never contradict them (a PNG named {@code .pdf} is refused).
 */
public final class ContentTypes {

    /** The types Baobab accepts. */
    public static final Set<String> ALLOWED = Set.of(
            "application/pdf",
            "image/png",
            "image/jpeg",
            "application/zip",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.oasis.opendocument.text",
            "application/vnd.oasis.opendocument.spreadsheet",
            "text/plain",
            "text/csv",
            "application/xml",
            "application/json");

    private static final String OCTET_STREAM = "application/octet-stream";

    /** Names browsers and operating systems give to accepted types, which Tika does not know as aliases. */
    private static final Map<String, Set<String>> DECLARED_ALIASES = Map.of(
            "image/jpeg", Set.of("image/jpg", "image/pjpeg"),
            "text/csv",
                    Set.of("application/vnd.ms-excel", "application/csv", "text/x-csv", "text/comma-separated-values"),
            "application/json", Set.of("text/json", "text/x-json"),
            "application/zip", Set.of("application/x-zip", "multipart/x-zip"));

    private final Tika tika = new Tika();
    private final MimeTypes mimeTypes = MimeTypes.getDefaultMimeTypes();
    private final MediaTypeRegistry registry = mimeTypes.getMediaTypeRegistry();

    /** The type of the bytes alone, ignoring any name. */
    public String sniff(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return tika.detect(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The content type to store for that file, or a {@link BaobabException}: {@code DOCUMENTS-0003} if the bytes are
     * not what the name or the declared type says, {@code DOCUMENTS-0002} if the type is not accepted.
     */
    public String check(Path file, String fileName, @Nullable String declaredType) {
        return check(sniff(file), fileName, declaredType);
    }

    /** As {@link #check(Path, String, String)}, with the type already sniffed from the bytes. */
    public String check(String sniffed, String fileName, @Nullable String declaredType) {
        MediaType real = normalize(sniffed);
        MediaType byName = normalize(tika.detect(fileName));
        MediaType type = real;
        if (!byName.toString().equals(OCTET_STREAM)) {
            if (same(byName, real) || registry.isSpecializationOf(byName, real)) {
                type = byName;
            } else if (registry.isSpecializationOf(real, byName)) {
                type = real;
            } else {
                refuseMismatch(fileName, real, byName.toString());
            }
        }
        if (!ALLOWED.contains(type.toString())) {
            throw new BaobabException(DocumentsErrorCode.TYPE_NOT_ALLOWED, fileName, describe(type));
        }
        String declared = declaredType == null ? "" : baseType(declaredType);
        if (!declared.isEmpty() && !declared.equals(OCTET_STREAM) && !agrees(type, declared)) {
            refuseMismatch(fileName, real, declared);
        }
        return type.toString();
    }

    private void refuseMismatch(String fileName, MediaType real, String claimed) {
        if (!ALLOWED.contains(real.toString())) {
            throw new BaobabException(DocumentsErrorCode.TYPE_NOT_ALLOWED, fileName, describe(real));
        }
        throw new BaobabException(DocumentsErrorCode.TYPE_MISMATCH, fileName, describe(real), claimed);
    }

    private boolean agrees(MediaType type, String declared) {
        if (DECLARED_ALIASES.getOrDefault(type.toString(), Set.of()).contains(declared)) {
            return true;
        }
        MediaType parsed = MediaType.parse(declared);
        if (parsed == null) {
            return false;
        }
        MediaType claimed = registry.normalize(parsed);
        return same(type, claimed) || registry.isSpecializationOf(type, claimed);
    }

    /** A short, language-neutral description: {@code PNG (image/png)}, or the bare type when no extension is known. */
    public String describe(MediaType type) {
        if (type.getSubtype().equals("x-msdownload") || type.getSubtype().equals("x-dosexec")) {
            return "EXE (" + type + ")"; // Tika names the Windows program type after its first extension, .dll
        }
        try {
            String extension = mimeTypes.forName(type.toString()).getExtension();
            if (!extension.isEmpty()) {
                return extension.substring(1).toUpperCase(Locale.ROOT) + " (" + type + ")";
            }
        } catch (MimeTypeException e) {
            // unknown to Tika: the bare type
        }
        return type.toString();
    }

    private MediaType normalize(String type) {
        MediaType parsed = MediaType.parse(type);
        return parsed == null ? MediaType.OCTET_STREAM : registry.normalize(parsed.getBaseType());
    }

    private static boolean same(MediaType a, MediaType b) {
        return a.getBaseType().equals(b.getBaseType());
    }

    private static String baseType(String declared) {
        int semicolon = declared.indexOf(';');
        return (semicolon < 0 ? declared : declared.substring(0, semicolon))
                .trim()
                .toLowerCase(Locale.ROOT);
    }
}
