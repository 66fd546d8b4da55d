// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;

/**
 * The one formatting helper's choices, without Spring: digits by the country's pack (no shipped pack has Arabic-Indic
 * digits, so a test pack under {@code arabic-indic-rulepacks/} has), plural forms by ICU in the three languages, and
 * times in the pack's zone.
 */
class PackFormatTests {

    private static final Locale AR = Locale.forLanguageTag("ar");
    private static final Instant MOMENT = Instant.parse("2027-01-08T10:05:00Z");
    private static final String ARABIC_INDIC = ".*[\u0660-\u0669].*";
    private static final String LATIN_DIGIT = ".*[0-9].*";

    private static ReloadableResourceBundleMessageSource messages() {
        ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
        source.setBasenames("classpath:i18n/tendering", "classpath:i18n/complaints");
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(Locale.FRENCH);
        return source;
    }

    private static final Clock CLOCK = Clock.fixed(MOMENT, ZoneOffset.UTC);
    private final PackFormat shipped = new PackFormat(new RulePacks(CLOCK), messages());
    private final PackFormat arabicIndic = new PackFormat(new RulePacks(CLOCK, "arabic-indic-rulepacks"), messages());

    @Test
    void aCountrySetToArabicIndicGetsThemInArabicForDatesAmountsNumbersAndCounts() {
        assertThat(arabicIndic.digits("EG")).isEqualTo(Digits.ARABIC_INDIC);
        assertThat(arabicIndic.dateTime(MOMENT, "EG", AR))
                .matches(ARABIC_INDIC)
                .doesNotMatch(LATIN_DIGIT)
                .endsWith("(Africa/Cairo)");
        assertThat(arabicIndic.date(LocalDate.of(2027, 1, 8), "EG", AR))
                .matches(ARABIC_INDIC)
                .doesNotMatch(LATIN_DIGIT);
        assertThat(arabicIndic.money(new BigDecimal("1250000"), "EGP", "EG", AR))
                .matches(ARABIC_INDIC)
                .doesNotMatch(LATIN_DIGIT);
        assertThat(arabicIndic.number(37, "EG", AR)).isEqualTo("٣٧");
        assertThat(arabicIndic.count("complaints.desk.days", "EG", AR, 37)).isEqualTo("٣٧ يومًا");
        // French and English pages keep Latin digits whatever the country
        assertThat(arabicIndic.money(new BigDecimal("1250000"), "EGP", "EG", Locale.FRENCH))
                .doesNotMatch(ARABIC_INDIC);
        assertThat(arabicIndic.count("complaints.desk.days", "EG", Locale.ENGLISH, 37))
                .isEqualTo("37 days");
    }

    @Test
    void aLatinCountryGetsLatinDigitsInArabicOnTheSameLineAsItsDates() {
        assertThat(shipped.digits("SN")).isEqualTo(Digits.LATIN);
        assertThat(shipped.dateTime(MOMENT, "SN", AR)).matches(LATIN_DIGIT).doesNotMatch(ARABIC_INDIC);
        assertThat(shipped.money(new BigDecimal("1250000"), "XOF", "SN", AR))
                .matches(LATIN_DIGIT)
                .doesNotMatch(ARABIC_INDIC);
        assertThat(shipped.count("complaints.desk.days", "SN", AR, 37)).isEqualTo("37 يومًا");
        // no country: the platform's default, Latin
        assertThat(shipped.money(new BigDecimal("10"), "XOF", null, AR)).doesNotMatch(ARABIC_INDIC);
    }

    @Test
    void countsAgreeInNumberInTheThreeLanguages() {
        assertThat(shipped.count("complaints.desk.overdue", "SN", Locale.FRENCH, 3))
                .isEqualTo("Dépassée de 3 jours");
        assertThat(shipped.count("complaints.desk.overdue", "SN", Locale.FRENCH, 1))
                .isEqualTo("Dépassée de 1 jour");
        assertThat(shipped.count("complaints.desk.overdue", "SN", Locale.ENGLISH, 1))
                .isEqualTo("Overdue by 1 day");
        assertThat(shipped.count("complaints.desk.overdue", "SN", Locale.ENGLISH, 2))
                .isEqualTo("Overdue by 2 days");
        assertThat(shipped.count("complaints.desk.days", "SN", AR, 1)).isEqualTo("يوم واحد");
        assertThat(shipped.count("complaints.desk.days", "SN", AR, 2)).isEqualTo("يومان");
        assertThat(shipped.count("complaints.desk.days", "SN", AR, 3)).isEqualTo("3 أيام");
        assertThat(shipped.count("complaints.desk.days", "SN", AR, 11)).isEqualTo("11 يومًا");
        assertThat(shipped.count("complaints.desk.days", "SN", AR, 100)).isEqualTo("100 يوم");
        assertThat(shipped.count("notice.remaining.days", "SN", Locale.FRENCH, 1, 3))
                .isEqualTo("Reste 1 jour et 3 heures.");
        assertThat(shipped.count("notice.remaining.days", "SN", Locale.ENGLISH, 2, 1))
                .isEqualTo("2 days and 1 hour left.");
    }

    @Test
    void timesAreInThePackTimeZoneAndTheReaderLanguage() {
        // Douala is UTC+1: 10:05 UTC is 11:05 there
        assertThat(shipped.dateTime(MOMENT, "CM", Locale.FRENCH)).isEqualTo("8 janv. 2027 11:05 (Africa/Douala)");
        assertThat(shipped.dateTime(MOMENT, "CM", Locale.ENGLISH))
                .startsWith("Jan 8, 2027, 11:05")
                .endsWith("AM (Africa/Douala)");
        assertThat(shipped.dateTime(MOMENT, "SN", Locale.FRENCH)).isEqualTo("8 janv. 2027 10:05 (Africa/Dakar)");
        assertThat(shipped.dateTime(MOMENT, null, Locale.FRENCH)).endsWith("(UTC)");
    }

    @Test
    void countriesAreNamedInTheReaderLanguageAndTextDirectionFollowsTheLanguage() {
        assertThat(shipped.countryName("SN", Locale.ENGLISH)).isEqualTo("Senegal");
        assertThat(shipped.countryName("FR", Locale.FRENCH)).isEqualTo("France");
        assertThat(shipped.countryName("FR", AR)).isEqualTo("فرنسا");
        assertThat(shipped.direction("fr")).isEqualTo("ltr");
        assertThat(shipped.direction("ar")).isEqualTo("rtl");
        assertThat(shipped.direction(null)).isEqualTo("auto");
    }
}
