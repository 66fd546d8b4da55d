// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The identifiers that tests give their companies never repeat, by construction: more of them than the 90,000 RCCM
 * numbers the fixture once drew at random are all distinct, and keep the shapes of Senegal's rule pack.
 */
class NewCompaniesTests {

    private static final Pattern NINEA = Pattern.compile("[0-9]{7,9}([0-9][A-Z][0-9])?");
    private static final Pattern RCCM = Pattern.compile("SN[A-Z]{3}[0-9]{4}[A-Z][0-9]{1,6}");

    @Test
    void identifiersNeverRepeat() {
        Set<String> nineas = new HashSet<>();
        Set<String> rccms = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String ninea = NewCompanies.ninea();
            String rccm = NewCompanies.rccm();
            assertThat(nineas.add(ninea)).as("NINEA %s drawn twice", ninea).isTrue();
            assertThat(rccms.add(rccm)).as("RCCM %s drawn twice", rccm).isTrue();
            if (i % 10_000 == 0) {
                assertThat(NINEA.matcher(ninea.replaceAll("[^0-9A-Z]", "")).matches())
                        .as(ninea)
                        .isTrue();
                assertThat(RCCM.matcher(rccm.replaceAll("[^0-9A-Z]", "")).matches())
                        .as(rccm)
                        .isTrue();
            }
        }
    }
}
