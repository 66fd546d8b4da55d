// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTests {

    @Test
    void sortsMembersByCodePointAndWritesNoWhiteSpace() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("\uD83D\uDE00", 2); // 😀, U+1F600: after U+FB01 by code point, before it by UTF-16 unit
        object.put("\uFB01", 1); // ﬁ, U+FB01
        object.put("b", List.of(3, true, false));
        object.put("a", Arrays.asList(null, "x"));
        object.put("B", Map.of());

        assertThat(CanonicalJson.write(object))
                .isEqualTo("{\"B\":{},\"a\":[null,\"x\"],\"b\":[3,true,false],\"\uFB01\":1,\"\uD83D\uDE00\":2}");
    }

    @Test
    void escapesOnlyQuotesBackslashesAndControlCharacters() {
        String text = "q\" b\\ \b\f\n\r\t \u0000\u001f \u007f \u2028 é / 😀";

        assertThat(CanonicalJson.write(text))
                .isEqualTo("\"q\\\" b\\\\ \\u0008\\u000c\\u000a\\u000d\\u0009 \\u0000\\u001f \u007f \u2028 é / 😀\"");
        assertThat(CanonicalJson.read(CanonicalJson.write(text))).isEqualTo(text);
    }

    @Test
    void refusesLoneSurrogates() {
        assertThatThrownBy(() -> CanonicalJson.write("\uD83D"))
                .isInstanceOf(SealingException.class)
                .hasMessageContaining("lone surrogate");
        assertThatThrownBy(() -> CanonicalJson.read("\"\\udc00\""))
                .isInstanceOf(SealingException.class)
                .hasMessageContaining("lone surrogate");
    }

    @Test
    void writesIntegersOnlyWithinTheSafeRange() {
        assertThat(CanonicalJson.write(List.of(0, -1, 9_007_199_254_740_991L))).isEqualTo("[0,-1,9007199254740991]");
        assertThatThrownBy(() -> CanonicalJson.write(9_007_199_254_740_992L))
                .isInstanceOf(SealingException.class)
                .hasMessageContaining("outside");
        assertThatThrownBy(() -> CanonicalJson.write(1.5)).isInstanceOf(SealingException.class);
    }

    @Test
    void readsStrictJson() {
        assertThat(CanonicalJson.read(" { \"a\" : [ 1 , \"\\u00e9\\/\" ] } "))
                .isEqualTo(Map.of("a", List.of(1L, "é/")));
        for (String bad : List.of(
                "{\"a\":1,\"a\":2}",
                "1.5",
                "1e3",
                "01",
                "-",
                "[1,]",
                "{\"a\":1",
                "\"\u0001\"",
                "tru",
                "[1] x",
                "'a'")) {
            assertThatThrownBy(() -> CanonicalJson.read(bad))
                    .as(bad)
                    .isInstanceOf(SealingException.class)
                    .hasMessageStartingWith("JSON: ");
        }
        assertThatThrownBy(() -> CanonicalJson.read(new byte[] {'"', (byte) 0xC3, '"'}))
                .isInstanceOf(SealingException.class)
                .hasMessageContaining("not valid UTF-8");
    }

    @Test
    void tellsCanonicalTextFromOtherSpellings() {
        assertThat(CanonicalJson.isCanonical("{\"a\":1,\"b\":\"\\u000a\"}")).isTrue();
        assertThat(CanonicalJson.isCanonical("\"\\n\"")).isFalse();
        assertThat(CanonicalJson.isCanonical("{\"b\":1,\"a\":1}")).isFalse();
        assertThat(CanonicalJson.isCanonical("{\"a\": 1}")).isFalse();
        assertThat(CanonicalJson.isCanonical("\"\\u00E9\"")).isFalse();
        assertThat(CanonicalJson.isCanonical("{")).isFalse();
    }

    @Test
    void hashesTheUtf8Bytes() {
        assertThat(CanonicalJson.utf8(Map.of("é", "ü"))).isEqualTo("{\"é\":\"ü\"}".getBytes(StandardCharsets.UTF_8));
    }

    /** The cases the transparency log's own canonical JSON was tested with, before it became this class. */
    @Test
    void writesTheTransparencyLogsStatementsAsItAlwaysDid() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("b", List.of(1L, -2L, "x"));
        value.put("a", "quote \" backslash \\ newline \n tab \t é ع 😀 /");
        value.put("\uE000", true);
        value.put("😀", null);
        value.put("A", false);
        assertThat(CanonicalJson.write(value))
                .isEqualTo("{\"A\":false,\"a\":\"quote \\\" backslash \\\\ newline \\u000a tab \\u0009 é ع 😀 /\","
                        + "\"b\":[1,-2,\"x\"],\"\uE000\":true,\"😀\":null}");
        assertThatThrownBy(() -> CanonicalJson.write(1L << 53)).isInstanceOf(SealingException.class);
        assertThatThrownBy(() -> CanonicalJson.write(-(1L << 53))).isInstanceOf(SealingException.class);

        String loose = " { \"z\" : [ 1 , { \"y\":\"\\u00e9\\n\\/\" } ], \"a\" : null , \"m\":true } ";
        assertThat(CanonicalJson.write(CanonicalJson.read(loose)))
                .isEqualTo("{\"a\":null,\"m\":true,\"z\":[1,{\"y\":\"é\\u000a/\"}]}");
        for (String bad : List.of(
                "",
                "{",
                "[1.5]",
                "[1e3]",
                "[01]",
                "[9007199254740992]",
                "[9007199254740993]",
                "[-9007199254740993]",
                "{\"a\":1} x",
                "\"\\ud800\"",
                "{a:1}",
                "[tru]")) {
            assertThatThrownBy(() -> CanonicalJson.read(bad)).as(bad).isInstanceOf(SealingException.class);
        }
    }

    /**
     * RFC 8785 §3.2.3's sorting example, in this dialect (ADR 0007): code-point order puts the emoji (U+1F600) after
     * U+FB33, where RFC 8785's UTF-16 order puts it before; a carriage return is {@code \u000d}, not {@code \r}.
     */
    @Test
    void isNotRfc8785() {
        Map<String, Object> value = new java.util.LinkedHashMap<>();
        value.put("\u20ac", 1);
        value.put("\r", 2);
        value.put("\ufb33", 3);
        value.put("1", 4);
        value.put("\ud83d\ude00", 5);
        value.put("\u0080", 6);
        value.put("\u00f6", 7);
        assertThat(CanonicalJson.write(value))
                .isEqualTo(
                        "{\"\\u000d\":2,\"1\":4,\"\u0080\":6,\"\u00f6\":7,\"\u20ac\":1,\"\ufb33\":3,\"\ud83d\ude00\":5}");
    }
}
