// SPDX-License-Identifier: Apache-2.0
package org.baobab;

/**
 * The tiers of the test suite, as JUnit tags (docs/testing.md). A test class with none of these tags is a unit test:
 * plain Java, no Spring, no database, run in milliseconds ({@code ./mvnw test -Punit}).
 */
public final class Tiers {

    /** One module started on its own ({@link ModuleTest}), with its own fixtures: {@code ./mvnw test -Pmodule}. */
    public static final String MODULE = "module";

    /** The whole application with its demo data ({@link IntegrationTest}): {@code ./mvnw test -Papplication}. */
    public static final String APPLICATION = "application";

    /** The whole application driven through Chromium ({@link BrowserTest}): {@code ./mvnw test -Pbrowser}. */
    public static final String BROWSER = "browser";

    private Tiers() {}
}
