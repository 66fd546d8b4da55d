// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RulesMessagesTests {

    private static final Pattern SINGLE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    @Test
    void everyKeyIsTranslatedInFrenchEnglishAndArabic() throws IOException {
        Properties fr = load("rules");
        assertThat(load("rules_en").stringPropertyNames()).isEqualTo(fr.stringPropertyNames());
        assertThat(load("rules_ar").stringPropertyNames()).isEqualTo(fr.stringPropertyNames());
        assertThat(fr.stringPropertyNames()).allSatisfy(key -> assertThat(key).matches("(rules|error\\.rules)\\..+"));
    }

    @Test
    void messagesWithArgumentsDoubleTheirApostrophes() throws IOException {
        for (String bundle : new String[] {"rules", "rules_en", "rules_ar"}) {
            Properties messages = load(bundle);
            for (String key : messages.stringPropertyNames()) {
                String text = messages.getProperty(key);
                if (text.contains("{0}")) {
                    assertThat(SINGLE_APOSTROPHE.matcher(text).find())
                            .as("%s %s", bundle, key)
                            .isFalse();
                }
            }
        }
    }

    @Test
    void everyErrorCodeHasAText() throws IOException {
        Properties fr = load("rules");
        for (RulesErrorCode code : RulesErrorCode.values()) {
            assertThat(fr.getProperty(code.messageKey())).as(code.code()).isNotBlank();
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(
                Objects.requireNonNull(RulesMessagesTests.class.getResourceAsStream("/i18n/" + name + ".properties")),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
