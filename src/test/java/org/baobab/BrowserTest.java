// SPDX-License-Identifier: Apache-2.0
package org.baobab;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test that drives Chromium ({@link Browser}): the {@code browser} tier. It goes beside {@link IntegrationTest} (the
 * application it browses); ArchitectureTests checks that every class using {@link Browser} carries it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(Tiers.BROWSER)
public @interface BrowserTest {}
