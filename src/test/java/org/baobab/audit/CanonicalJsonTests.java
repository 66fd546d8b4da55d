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
}
