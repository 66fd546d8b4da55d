// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.baobab.rules.Confidence;
import org.baobab.rules.LocalizedText;
import org.jspecify.annotations.Nullable;

/**
 * Formats a pack's values for a reader: texts in their language (French when the pack has no translation), amounts in
 * the country's currency, rates and dates in the reader's conventions. Public only so that Thymeleaf can call it.
 */
public final class PackView {

    private final Locale locale;
    private final Currency currency;

    PackView(Locale locale, Currency currency) {
        this.locale = locale;
        this.currency = currency;
    }

    public String text(@Nullable LocalizedText text) {
        return text == null ? "" : text.in(locale);
    }

    /** The language of {@link #text}, for a {@code lang} attribute when it fell back to French. */
    public String lang(@Nullable LocalizedText text) {
        return text == null ? locale.getLanguage() : text.languageIn(locale);
    }

    public String money(@Nullable BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        format.setMaximumFractionDigits(Math.max(currency.getDefaultFractionDigits(), 0));
        format.setMinimumFractionDigits(Math.max(currency.getDefaultFractionDigits(), 0));
        return format.format(amount);
    }

    public String percent(BigDecimal ratePercent) {
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMaximumFractionDigits(3);
        return format.format(ratePercent.divide(BigDecimal.valueOf(100), 6, RoundingMode.HALF_UP));
    }

    public String date(LocalDate date) {
        return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    }

    public String dates(List<LocalDate> dates) {
        return dates.stream().map(this::date).collect(Collectors.joining(" ; "));
    }

    public String dayOfYear(MonthDay day) {
        return DateTimeFormatter.ofPattern("d MMMM", locale).format(day);
    }

    /** The CSS class of the confidence badge: only primary values look verified. */
    public String badgeClass(Confidence confidence) {
        return switch (confidence) {
            case PRIMARY -> "badge verified";
            case SECONDARY -> "badge secondary";
            case UNVERIFIED -> "badge unverified";
        };
    }
}
