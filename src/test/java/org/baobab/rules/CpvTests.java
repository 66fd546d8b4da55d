// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The CPV code list as unpacked by the build, its hierarchy and its search in French. */
class CpvTests {

    private final Cpv cpv = new Cpv();

    @Test
    void theWholeListIsThereWithFrenchAndEnglishLabels() {
        assertThat(cpv.divisions()).hasSize(45);
        Cpv.Code it = cpv.find("72000000").orElseThrow();
        assertThat(it.french()).startsWith("Services de technologies de l'information");
        assertThat(it.english()).startsWith("IT services");
        assertThat(it.label("ar")).isEqualTo(it.french());
        assertThat(it.label("en")).isEqualTo(it.english());
        assertThat(it.level()).isEqualTo(1);
    }

    @Test
    void codesAreFoundWithOrWithoutTheirCheckDigitAndSpaces() {
        assertThat(cpv.find("72000000-5")).isPresent();
        assertThat(cpv.find(" 7221 2000 ")).isPresent();
        assertThat(cpv.find("7221200")).isEmpty();
        assertThat(cpv.find("99999999")).isEmpty();
        assertThat(cpv.find("abc")).isEmpty();
        assertThat(cpv.find(null)).isEmpty();
    }

    @Test
    void aBroaderCodeCoversTheCodesUnderIt() {
        Cpv.Code division = cpv.find("45000000").orElseThrow();
        assertThat(division.stem()).isEqualTo("45");
        assertThat(division.covers("45233120")).isTrue();
        assertThat(division.covers("72000000")).isFalse();
        assertThat(Cpv.anyCovers(List.of("33000000", "45230000"), "45233120")).isTrue();
        assertThat(Cpv.anyCovers(List.of("45100000"), "45233120")).isFalse();
        assertThat(cpv.path("45233120").stream().map(Cpv.Code::code))
                .containsExactly("45000000", "45200000", "45230000", "45233000", "45233100", "45233120");
        assertThat(cpv.children("72000000"))
                .allSatisfy(c -> assertThat(c.parent()).isEqualTo("72000000"));
    }

    @Test
    void searchIgnoresAccentsCaseAndPluralsAndPutsBroaderCodesFirst() {
        List<Cpv.Code> found = cpv.search("Medicaments", 20);
        assertThat(found).isNotEmpty();
        assertThat(found).allSatisfy(c -> assertThat(c.french().toLowerCase()).contains("médicament"));
        assertThat(found.get(0).level())
                .isLessThanOrEqualTo(found.get(found.size() - 1).level());

        assertThat(cpv.search("travaux de construction de routes", 50).stream().map(Cpv.Code::code))
                .contains("45233120");
        assertThat(cpv.search("ordinateurs portables", 10).stream().map(Cpv.Code::code))
                .contains("30213100");
        assertThat(cpv.search("road construction works", 50).stream().map(Cpv.Code::code))
                .contains("45233120");
        assertThat(cpv.search("7221", 50)).allSatisfy(c -> assertThat(c.code()).startsWith("7221"));
        assertThat(cpv.search("de la", 10)).isEmpty();
        assertThat(cpv.search("", 10)).isEmpty();
        assertThat(cpv.search("xylophonique", 10)).isEmpty();
    }
}
