// SPDX-License-Identifier: Apache-2.0
package org.baobab;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the browser tests can run here, and what to do when they cannot. The project's rule is that a test that
 * cannot run fails rather than skips itself; the one exception is a newcomer's machine: outside CI ({@code CI=true},
 * as {@code .ci/run} runs) and without Chromium, the browser tests are skipped, and {@link BrowserTestsReport} says so
 * loudly at the end of the run. Where Chromium is installed they always run; in CI without it, they fail.
 */
public final class BrowserAvailability {

    /** The start of the reason given to each skipped browser test, which the report counts. */
    public static final String NOT_RUN = "BROWSER TESTS NOT RUN";

    public enum Verdict {
        RUN,
        SKIP,
        FAIL
    }

    private BrowserAvailability() {}

    public static Verdict verdict(boolean ci, Optional<Path> chromium) {
        if (chromium.isPresent()) {
            return Verdict.RUN;
        }
        return ci ? Verdict.FAIL : Verdict.SKIP;
    }

    /** {@code CI=true} (any case), as CI sets it. */
    public static boolean ci(Map<String, String> environment) {
        return "true".equalsIgnoreCase(environment.getOrDefault("CI", "").trim());
    }

    /** {@code $CHROMIUM_PATH} if set and executable, else the first executable {@code chromium} on the PATH. */
    public static Optional<Path> chromium(Map<String, String> environment) {
        String override = environment.get("CHROMIUM_PATH");
        if (override != null && !override.isBlank()) {
            Path path = Path.of(override);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        for (String dir : environment.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "chromium");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Why the browser tests cannot run here, and how to fix it. */
    public static String reason(Map<String, String> environment) {
        String override = environment.get("CHROMIUM_PATH");
        String where = override != null && !override.isBlank()
                ? "CHROMIUM_PATH=" + override + " is not an executable"
                : "chromium not found on the PATH (nor CHROMIUM_PATH set)";
        return where + "; install Debian's with: apt-get install chromium";
    }
}
