// SPDX-License-Identifier: Apache-2.0
package org.baobab;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * A test of one module started on its own (Spring Modulith's {@link ApplicationModuleTest}: the module's beans and
 * those of {@code shared}, on a real embedded PostgreSQL migrated to the full schema), with fixtures the test makes
 * itself: no other module runs, so no demo data is loaded. The {@code module} tier ({@code ./mvnw test -Pmodule}).
 * The readiness group names health contributors of other modules (the demo history's), absent here: the group is not
 * checked against them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApplicationModuleTest
@ActiveProfiles("test")
@TestPropertySource(properties = "management.endpoint.health.validate-group-membership=false")
@Tag(Tiers.MODULE)
public @interface ModuleTest {}
