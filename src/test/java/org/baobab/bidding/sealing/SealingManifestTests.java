// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A manifest is read only if it is a BSE1 manifest in canonical form, so that its hash is unambiguous. */
class SealingManifestTests {

    private final Manifest manifest = Envelopes.seal(List.of()).manifest();

    @Test
    void readsItsOwnCanonicalJson() {
        String json = manifest.toJson();

        assertThat(Manifest.fromJson(json)).isEqualTo(manifest);
        assertThat(Manifest.fromJson(json).envelopeHash()).isEqualTo(manifest.envelopeHash());
        assertThat(json)
                .startsWith("{\"chunkSize\":65536,\"ciphertextSha256\":\"" + manifest.ciphertextSha256()
                        + "\",\"ciphertextSize\":" + manifest.ciphertextSize() + ",\"context\":{\"envelope\":");
    }

    @Test
    void refusesAnyOtherSpelling() {
        String pretty = manifest.toJson().replace(",\"", ", \"");

        assertThatThrownBy(() -> Manifest.fromJson(pretty))
                .isInstanceOf(SealingException.class)
                .hasMessageContaining("not in canonical JSON");
    }

    @Test
    void refusesWhatIsNotABse1Manifest() {
        assertRefused(m -> m.put("format", "BSE2"), "the format is \"BSE2\", not BSE1");
        assertRefused(m -> m.put("chunkSize", 1024L), "the chunk size is 1024, BSE1 has 65536");
        assertRefused(m -> m.put("extra", true), "unknown [extra]");
        assertRefused(m -> m.remove("threshold"), "missing [threshold]");
        assertRefused(m -> m.put("threshold", 4L), "the threshold must be between 2 and 3, not 4");
        assertRefused(m -> m.put("ciphertextSize", 65_552L + 10), "impossible ciphertext size 65562");
        assertRefused(m -> m.put("ciphertextSha256", "AB".repeat(32)), "64 lower-case hexadecimal digits");
        assertRefused(m -> m.put("noncePrefix", "AAAAAAAAAAA="), "must be 7 bytes, not 8");
        assertRefused(m -> m.put("noncePrefix", "AAAAAAAAAB=="), "not in canonical base64");
        assertRefused(
                m -> {
                    List<Object> shares = new ArrayList<>((List<?>) m.get("shares"));
                    shares.add(0, shares.remove(1));
                    m.put("shares", shares);
                },
                "the shares must be ordered by member, 1 to 3 (found member 2 at position 1)");
        assertRefused(
                m -> {
                    Map<String, Object> context = new LinkedHashMap<>(cast(m.get("context")));
                    context.put("kind", "both");
                    m.put("context", context);
                },
                "unknown kind \"both\"");
    }

    private void assertRefused(Consumer<Map<String, Object>> change, String message) {
        Map<String, Object> json = new LinkedHashMap<>(CanonicalJson.readObject(manifest.toJson()));
        change.accept(json);

        assertThatThrownBy(() -> Manifest.fromJson(CanonicalJson.write(json)))
                .isInstanceOf(SealingException.class)
                .hasMessageContaining(message);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
