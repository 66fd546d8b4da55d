// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackToolTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PackTool tool = new PackTool(
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void everyShippedPackIsValid() {
        int code = tool.run(new String[] {
            "validate",
            "src/main/resources/rulepacks/CI",
            "src/main/resources/rulepacks/CM",
            "src/main/resources/rulepacks/SN"
        });

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(PackTool.OK);
        assertThat(out.toString(StandardCharsets.UTF_8).lines())
                .hasSize(3)
                .allSatisfy(line -> assertThat(line).startsWith("ok src/main/resources/rulepacks/"));
    }

    @Test
    void aBrokenPackFailsWithTheFileLineAndPath(@TempDir Path temp) throws IOException {
        Path sn = Files.createDirectories(temp.resolve("SN"));
        Path broken = Path.of("src/test/resources/broken-rulepacks/bad-method/SN");
        Files.copy(broken.resolve("pack.yaml"), sn.resolve("pack.yaml"));
        Files.copy(broken.resolve("calendar.yaml"), sn.resolve("calendar.yaml"));

        int code = tool.run(new String[] {"validate", sn.resolve("pack.yaml").toString()});

        assertThat(code).isEqualTo(PackTool.INVALID);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("FAIL " + sn.resolve("pack.yaml") + ":21:11 at procedures[1].ocds: 'opne' is not one of"
                        + " open, selective, limited, direct\n");
    }

    @Test
    void aFolderNamedForAnotherCountryIsRefused(@TempDir Path temp) throws IOException {
        Path ml = Files.createDirectories(temp.resolve("ML"));
        Files.copy(Path.of("src/main/resources/rulepacks/SN/pack.yaml"), ml.resolve("pack.yaml"));
        Files.copy(Path.of("src/main/resources/rulepacks/SN/calendar.yaml"), ml.resolve("calendar.yaml"));

        assertThat(tool.run(new String[] {"validate", ml.toString()})).isEqualTo(PackTool.INVALID);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains(" at country: is 'SN' but the pack is in folder 'ML'");
    }

    @Test
    void aWrongUsageSaysHow() {
        assertThat(tool.run(new String[] {"check"})).isEqualTo(PackTool.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("PackTool validate FOLDER");
        assertThat(tool.run(new String[] {"validate", "no/such/folder"})).isEqualTo(PackTool.USAGE);
    }
}
