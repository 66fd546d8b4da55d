// SPDX-License-Identifier: Apache-2.0
package org.baobab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.baobab.shared.ErrorCode;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every text exists in French, English and Arabic: each module's bundle has the same keys in its three languages,
 * every message key a template names exists, and every error code's message exists.
 */
class I18nTests {

    static final List<String> LANGUAGES = List.of("", "_en", "_ar");

    @Test
    void everyBundleHasTheSameKeysInEveryLanguage() throws IOException {
        Map<String, List<String>> missing = new TreeMap<>();
        for (String base : bundleNames()) {
            Set<String> all = new TreeSet<>();
            Map<String, Set<String>> byLanguage = new TreeMap<>();
            for (String language : LANGUAGES) {
                Set<String> keys = load(base + language).stringPropertyNames();
                byLanguage.put(language.isEmpty() ? "fr" : language.substring(1), keys);
                all.addAll(keys);
            }
            byLanguage.forEach((language, keys) -> all.stream()
                    .filter(k -> !keys.contains(k))
                    .forEach(k -> missing.computeIfAbsent(base + " [" + language + "]", x -> new ArrayList<>())
                            .add(k)));
        }
        assertThat(missing).as("keys missing from a language").isEmpty();
        assertThat(bundleNames()).contains("portal", "identity", "notifications");
    }

    /**
     * Spring formats a message with {@code MessageFormat} only when it has arguments: then an apostrophe must be
     * doubled ({@code ''}), else it must not be (it would show doubled).
     */
    @Test
    void apostrophesAreDoubledExactlyInMessagesWithArguments() throws IOException {
        Pattern placeholder = Pattern.compile("\\{\\d");
        Pattern lone = Pattern.compile("(?<!')'(?!')");
        List<String> wrong = new ArrayList<>();
        for (String base : bundleNames()) {
            for (String language : LANGUAGES) {
                Properties bundle = load(base + language);
                for (String key : bundle.stringPropertyNames()) {
                    String value = bundle.getProperty(key);
                    boolean formatted = placeholder.matcher(value).find();
                    if (formatted ? lone.matcher(value).find() : value.contains("''")) {
                        wrong.add(base + language + ": " + key);
                    }
                }
            }
        }
        assertThat(wrong).as("messages whose apostrophes will show wrongly").isEmpty();
    }

    @Test
    void everyKeyUsedInATemplateExists() throws IOException {
        Set<String> known = allKeys();
        Pattern key = Pattern.compile("#\\{([a-zA-Z0-9_.\\-]+)(\\(|})");
        List<String> unknown = new ArrayList<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template :
                    templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = key.matcher(Files.readString(template));
                while (m.find()) {
                    if (!known.contains(m.group(1))) {
                        unknown.add(template.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(unknown)
                .as("message keys used in templates but missing from the bundles")
                .isEmpty();
    }

    @Test
    void everyErrorCodeHasAMessageAndAUniqueCode() throws Exception {
        Set<String> known = allKeys();
        Set<String> codes = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        var scanner = new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new org.springframework.core.type.filter.AssignableTypeFilter(ErrorCode.class));
        for (var candidate : scanner.findCandidateComponents("org.baobab")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            if (!type.isEnum()) {
                continue;
            }
            for (Object constant : type.getEnumConstants()) {
                ErrorCode code = (ErrorCode) constant;
                if (!known.contains(code.messageKey())) {
                    problems.add(code.code() + " has no message " + code.messageKey());
                }
                if (!codes.add(code.code())) {
                    problems.add(code.code() + " is used twice");
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(codes).contains("SHARED-0001", "IDENTITY-0001");
    }

    static Set<String> bundleNames() throws IOException {
        Set<String> names = new TreeSet<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
            String name = r.getFilename();
            if (name != null && !name.contains("_")) {
                names.add(name.substring(0, name.length() - ".properties".length()));
            }
        }
        return names;
    }

    static Set<String> allKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String base : bundleNames()) {
            keys.addAll(load(base).stringPropertyNames());
        }
        return keys;
    }

    static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        Resource resource =
                new PathMatchingResourcePatternResolver().getResource("classpath:i18n/" + name + ".properties");
        assertThat(resource.exists()).as("bundle i18n/" + name + ".properties").isTrue();
        try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
