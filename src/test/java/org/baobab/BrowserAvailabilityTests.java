// SPDX-License-Identifier: Apache-2.0
package org.baobab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.baobab.BrowserAvailability.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the browser tests run, fail or are skipped (only outside CI, without Chromium). */
class BrowserAvailabilityTests {

    @Test
    void browserTestsRunWhereChromiumIsFailInCiWithoutItAndAreSkippedOnlyOnANewcomersMachine() {
        Optional<Path> chromium = Optional.of(Path.of("/usr/bin/chromium"));
        assertThat(BrowserAvailability.verdict(true, chromium)).isEqualTo(Verdict.RUN);
        assertThat(BrowserAvailability.verdict(false, chromium)).isEqualTo(Verdict.RUN);
        assertThat(BrowserAvailability.verdict(true, Optional.empty())).isEqualTo(Verdict.FAIL);
        assertThat(BrowserAvailability.verdict(false, Optional.empty())).isEqualTo(Verdict.SKIP);
    }

    @Test
    void ciMeansCiTrue() {
        assertThat(BrowserAvailability.ci(Map.of("CI", "true"))).isTrue();
        assertThat(BrowserAvailability.ci(Map.of("CI", "TRUE"))).isTrue();
        assertThat(BrowserAvailability.ci(Map.of("CI", "false"))).isFalse();
        assertThat(BrowserAvailability.ci(Map.of())).isFalse();
    }

    @Test
    void chromiumIsFoundOnThePathOrAtChromiumPathIfExecutable(@TempDir Path dir) throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path chromium = Files.createFile(bin.resolve("chromium"));
        String path = empty + File.pathSeparator + bin;

        assertThat(BrowserAvailability.chromium(Map.of("PATH", path))).isEmpty();
        Files.setPosixFilePermissions(chromium, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(BrowserAvailability.chromium(Map.of("PATH", path))).contains(chromium);
        assertThat(BrowserAvailability.chromium(Map.of("PATH", empty.toString())))
                .isEmpty();
        assertThat(BrowserAvailability.chromium(Map.of(
                        "PATH", path, "CHROMIUM_PATH", dir.resolve("none").toString())))
                .as("a CHROMIUM_PATH that is not there is not replaced by the PATH's")
                .isEmpty();
        assertThat(BrowserAvailability.chromium(Map.of("CHROMIUM_PATH", chromium.toString())))
                .contains(chromium);
        assertThat(BrowserAvailability.chromium(Map.of())).isEmpty();
    }

    @Test
    void theReasonSaysWhatIsMissingAndHowToInstallIt() {
        assertThat(BrowserAvailability.reason(Map.of())).contains("chromium not found", "apt-get install chromium");
        assertThat(BrowserAvailability.reason(Map.of("CHROMIUM_PATH", "/opt/x")))
                .contains("CHROMIUM_PATH=/opt/x", "apt-get install chromium");
    }

    @Test
    void theReportIsSilentWhenNothingWasSkipped() {
        assertThat(new BrowserTestsReport().banner()).isEmpty();
    }
}
