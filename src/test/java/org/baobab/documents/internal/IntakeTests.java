// SPDX-License-Identifier: Apache-2.0
package org.baobab.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.baobab.documents.DocumentsErrorCode;
import org.baobab.documents.Samples;
import org.baobab.shared.BaobabException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** The checks of an upload: size limit and content-type sniffing. */
class IntakeTests {

    @TempDir
    Path folder;

    private Intake intake;

    @BeforeEach
    void setUp() {
        intake = new Intake(
                new FileSystemBlobStore(folder),
                new ContentTypes(),
                new DocumentsProperties(DataSize.ofKilobytes(64), folder));
    }

    private String accept(byte[] bytes, String name, @Nullable String declared) {
        Intake.Accepted accepted = intake.accept(new ByteArrayInputStream(bytes), name, declared);
        assertThat(accepted.blob().file()).exists();
        return accepted.contentType();
    }

    private BaobabException refusal(byte[] bytes, String name, @Nullable String declared) {
        try {
            intake.accept(new ByteArrayInputStream(bytes), name, declared);
        } catch (BaobabException e) {
            return e;
        }
        throw new AssertionError(name + " should have been refused");
    }

    private long files() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void acceptsRealFilesOfTheAllowedTypes() {
        assertThat(accept(Samples.pdf(), "offre.pdf", "application/pdf")).isEqualTo("application/pdf");
        assertThat(accept(Samples.png(), "logo.png", "image/png")).isEqualTo("image/png");
        assertThat(accept(Samples.jpeg(), "photo.JPG", "image/jpg")).isEqualTo("image/jpeg");
        assertThat(accept(Samples.zip(), "pieces.zip", "application/x-zip-compressed"))
                .isEqualTo("application/zip");
        assertThat(accept(Samples.docx(), "memoire.docx", null))
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(accept(Samples.text("lot;montant\n1;1000\n"), "prix.csv", "application/vnd.ms-excel"))
                .isEqualTo("text/csv");
        assertThat(accept(Samples.text("{\"lot\": 1}"), "lot.json", "application/json"))
                .isEqualTo("application/json");
        assertThat(accept(Samples.text("<?xml version=\"1.0\"?><offre/>"), "offre.xml", "text/xml"))
                .isEqualTo("application/xml");
        assertThat(accept(Samples.text("Bonjour"), "note.txt", "text/plain; charset=UTF-8"))
                .isEqualTo("text/plain");
    }

    @Test
    void withoutAnExtensionOrADeclaredTypeTheBytesDecide() {
        assertThat(accept(Samples.pdf(), "offre", null)).isEqualTo("application/pdf");
        assertThat(accept(Samples.png(), "scan", "application/octet-stream")).isEqualTo("image/png");
    }

    @Test
    void aPngNamedPdfIsRefusedSayingWhatItIs() throws IOException {
        BaobabException e = refusal(Samples.png(), "offre.pdf", "application/pdf");
        assertThat(e.errorCode()).isEqualTo(DocumentsErrorCode.TYPE_MISMATCH);
        assertThat(e.arguments()).containsExactly("offre.pdf", "PNG (image/png)", "application/pdf");
        assertThat(files()).isZero();
    }

    @Test
    void plainTextNamedPdfIsRefused() throws IOException {
        BaobabException e = refusal(Samples.text("Ceci n'est pas un PDF"), "offre.pdf", null);
        assertThat(e.errorCode()).isEqualTo(DocumentsErrorCode.TYPE_MISMATCH);
        assertThat(e.arguments()[1]).asString().contains("text/plain");
        assertThat(files()).isZero();
    }

    @Test
    void aDeclaredTypeThatDisagreesIsRefused() {
        BaobabException e = refusal(Samples.pdf(), "offre", "image/png");
        assertThat(e.errorCode()).isEqualTo(DocumentsErrorCode.TYPE_MISMATCH);
        assertThat(e.arguments()).containsExactly("offre", "PDF (application/pdf)", "image/png");
    }

    @Test
    void executablesAreRefusedWhateverTheirName() throws IOException {
        for (String name : new String[] {"setup.exe", "offre.pdf", "offre"}) {
            BaobabException e = refusal(Samples.exe(), name, null);
            assertThat(e.errorCode()).as(name).isEqualTo(DocumentsErrorCode.TYPE_NOT_ALLOWED);
            assertThat(e.arguments()[1]).asString().startsWith("EXE (application/x-");
        }
        assertThat(files()).isZero();
    }

    @Test
    void aFileOverTheLimitIsRefusedAndLeavesNoFile() throws IOException {
        byte[] big = new byte[4 * 1024 * 1024];
        System.arraycopy(Samples.pdf(), 0, big, 0, Samples.pdf().length);
        int[] read = {0};
        InputStream counting = new ByteArrayInputStream(big) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                int n = super.read(b, off, len);
                read[0] += Math.max(n, 0);
                return n;
            }
        };
        assertThatThrownBy(() -> intake.accept(counting, "gros.pdf", null))
                .isInstanceOf(BaobabException.class)
                .extracting(e -> ((BaobabException) e).errorCode())
                .isEqualTo(DocumentsErrorCode.TOO_LARGE);
        assertThat(read[0]).as("stops reading soon after the limit").isLessThan(256 * 1024);
        assertThat(files()).isZero();

        byte[] exact = new byte[64 * 1024];
        System.arraycopy(Samples.pdf(), 0, exact, 0, Samples.pdf().length);
        assertThat(accept(exact, "juste.pdf", null)).isEqualTo("application/pdf");
    }

    @Test
    void namesAreCleaned() {
        assertThat(Intake.cleanName("C:\\Users\\awa\\offre.pdf")).isEqualTo("offre.pdf");
        assertThat(Intake.cleanName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Intake.cleanName("a\r\nb.pdf")).isEqualTo("ab.pdf");
        assertThat(Intake.cleanName("  ")).isEqualTo("document");
        assertThat(Intake.cleanName(null)).isEqualTo("document");
        assertThat(Intake.cleanName("x".repeat(300) + ".pdf")).hasSize(200).endsWith(".pdf");
    }
}
