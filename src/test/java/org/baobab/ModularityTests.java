// SPDX-License-Identifier: Apache-2.0
package org.baobab;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries hold: no module reaches into another's internals, no cycles, only declared dependencies. The
 * module map is written to {@code target/spring-modulith-docs} (PlantUML and AsciiDoc) on every build.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(BaobabApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(MODULES)
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
