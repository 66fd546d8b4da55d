// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.baobab.BaobabApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

class RulesModuleTests {

    @Test
    void rulesDependsOnlyOnShared() {
        ApplicationModules modules = ApplicationModules.of(BaobabApplication.class);
        ApplicationModule rules = modules.getModuleByName("rules").orElseThrow();

        rules.verifyDependencies(modules);
        assertThat(rules.getDisplayName()).isEqualTo("Rules");
    }
}
