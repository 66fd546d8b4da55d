// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.baobab.rules.InvalidRulePackException;
import org.baobab.rules.RulePack;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Finds the packs on the class path, one folder per country ({@code <root>/SN/pack.yaml} and
 * {@code <root>/SN/calendar.yaml}), and reads each with {@link RulePackReader}.
 */
public final class RulePackLoader {

    /** Where the shipped packs live on the class path. */
    public static final String DEFAULT_ROOT = "rulepacks";

    static final String PACK_FILE = "pack.yaml";
    static final String CALENDAR_FILE = "calendar.yaml";

    private RulePackLoader() {}

    /** Every pack under the class-path folder {@code root}, sorted by country code. */
    public static List<RulePack> load(String root) {
        Resource[] packs;
        try {
            packs = new PathMatchingResourcePatternResolver().getResources("classpath*:" + root + "/*/" + PACK_FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the rule packs under " + root, e);
        }
        List<RulePack> result = new ArrayList<>();
        Set<String> countries = new HashSet<>();
        for (Resource pack : packs) {
            String folder = folderOf(pack);
            String prefix = root + "/" + folder + "/";
            if (!countries.add(folder)) {
                throw new InvalidRulePackException(prefix + PACK_FILE, "", "two packs on the class path for " + folder);
            }
            Resource calendar;
            try {
                calendar = pack.createRelative(CALENDAR_FILE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!calendar.exists()) {
                throw new InvalidRulePackException(
                        prefix + CALENDAR_FILE, "", "the file is missing (weekend and public holidays)");
            }
            try {
                result.add(RulePackReader.read(
                        folder,
                        new RulePackReader.Source(prefix + PACK_FILE, pack.getInputStream()),
                        new RulePackReader.Source(prefix + CALENDAR_FILE, calendar.getInputStream())));
            } catch (IOException e) {
                throw new InvalidRulePackException(prefix, "", "cannot be read: " + e.getMessage());
            }
        }
        result.sort(Comparator.comparing(p -> p.country().value()));
        return List.copyOf(result);
    }

    private static String folderOf(Resource pack) {
        try {
            String url = pack.getURL().toString();
            String withoutFile = url.substring(0, url.length() - PACK_FILE.length() - 1);
            return withoutFile.substring(withoutFile.lastIndexOf('/') + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
