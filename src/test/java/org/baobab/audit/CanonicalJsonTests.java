// SPDX-License-Identifier: Apache-2.0
package org.baobab.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTests {

    @Test
    void sortsMembersByUtf16CodeUnitsWithoutWhiteSpace() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("b", 1);
        value.put("a", List.of(true, false));
        value.put("é", "x");
        value.put("\uD83D\uDE00", "emoji"); // U+1F600 as a surrogate pair: 0xD83D sorts before é? no: after
        value.put("A", null);
        value.put("aa", Map.of("z", 1, "y", 2));
        assertThat(CanonicalJson.write(value))
                .isEqualTo(
                        "{\"A\":null,\"a\":[true,false],\"aa\":{\"y\":2,\"z\":1},\"b\":1,\"é\":\"x\",\"\uD83D\uDE00\":\"emoji\"}");
    }

    @Test
    void escapesStringsAsJcsDoes() {
        assertThat(CanonicalJson.write("a\"b\\c\n\t\r\b\f\u0001\u001f/\u2028é€"))
                .isEqualTo("\"a\\\"b\\\\c\\n\\t\\r\\b\\f\\u0001\\u001f/\u2028é€\"");
    }

    @Test
    void writesNumbersInTheirShortestExactForm() {
        assertThat(CanonicalJson.write(List.of(
                        0,
                        -7,
                        9_007_199_254_740_992L,
                        new BigDecimal("1500000.00"),
                        new BigDecimal("0.10"),
                        new BigDecimal("-2.5"),
                        BigDecimal.ZERO.setScale(3))))
                .isEqualTo("[0,-7,9007199254740992,1500000,0.1,-2.5,0]");
    }

    @Test
    void refusesValuesWhoseTextWouldDependOnTheWriter() {
        assertThatThrownBy(() -> CanonicalJson.write(1.5d)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.write(9_007_199_254_740_993L))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.write(new BigDecimal("1e22")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.write(new Object())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.write(Map.of(1, "x"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSameFactsGiveTheSameBytesWhateverTheInsertionOrder() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("x", 1);
        one.put("y", Arrays.asList("a", null));
        Map<String, Object> two = new LinkedHashMap<>();
        two.put("y", Arrays.asList("a", null));
        two.put("x", 1);
        assertThat(CanonicalJson.write(one))
                .isEqualTo(CanonicalJson.write(two))
                .isEqualTo("{\"x\":1,\"y\":[\"a\",null]}");
    }

    // ---- RFC 8785's own examples (https://www.rfc-editor.org/rfc/rfc8785)

    /** §3.2.3: members sorted by the UTF-16 code units of their names (the emoji's high surrogate before U+FB33). */
    @Test
    void sortsTheRfcsSortingExample() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("\u20ac", "Euro Sign");
        value.put("\r", "Carriage Return");
        value.put("\ufb33", "Hebrew Letter Dalet With Dagesh");
        value.put("1", "One");
        value.put("\ud83d\ude00", "Emoji: Grinning Face");
        value.put("\u0080", "Control");
        value.put("\u00f6", "Latin Small Letter O With Diaeresis");
        assertThat(CanonicalJson.write(value))
                .isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                        + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                        + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    /**
     * §3.2.2.2's example, with the numbers this writer takes (4.50 and 2e-3); the other three are refused rather than
     * written: 1E30 and 1e-27 lie outside [1e-6, 1e21), 333333333.33333329 has more than 15 significant digits.
     */
    @Test
    void writesTheRfcsSerializationExample() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("numbers", List.of(new BigDecimal("4.50"), new BigDecimal("2e-3")));
        value.put("string", "\u20ac$" + (char) 0x0F + "\nA'B\"\\\\\"/"); // the RFC's input, its escapes decoded
        value.put("literals", Arrays.asList(null, true, false));
        assertThat(CanonicalJson.write(value))
                .isEqualTo("{\"literals\":[null,true,false],\"numbers\":[4.5,0.002],"
                        + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
        for (String number : List.of("1E30", "1e-27", "333333333.33333329")) {
            assertThatThrownBy(() -> CanonicalJson.write(new BigDecimal(number)))
                    .as(number)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** Appendix B's values inside this writer's domain (exact integers to 2^53, decimals in [1e-6, 1e21)). */
    @Test
    void writesTheAppendixBNumbersItTakes() {
        assertThat(CanonicalJson.write(
                        List.of(0, 9_007_199_254_740_992L, -9_007_199_254_740_992L, new BigDecimal("0.000001"))))
                .isEqualTo("[0,9007199254740992,-9007199254740992,0.000001]");
        assertThatThrownBy(() -> CanonicalJson.write(new BigDecimal("1e21")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.write(new java.math.BigInteger("295147905179352830000")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
