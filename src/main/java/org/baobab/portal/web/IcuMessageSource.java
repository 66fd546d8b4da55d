// SPDX-License-Identifier: Apache-2.0
package org.baobab.portal.web;

import java.util.Locale;
import org.baobab.shared.IcuMessages;
import org.jspecify.annotations.Nullable;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;

/**
 * The message bundles, with every message that has arguments formatted by ICU ({@link IcuMessages}) instead of Java's
 * {@code MessageFormat}: plural forms ({@code {0, plural, one {…} other {…}}}) work in templates, mails and error
 * messages alike, in the plural rules of the reader's language.
 */
class IcuMessageSource extends ReloadableResourceBundleMessageSource {

    @Override
    protected @Nullable String getMessageInternal(
            @Nullable String code, Object @Nullable [] args, @Nullable Locale locale) {
        if (code == null || args == null || args.length == 0) {
            return super.getMessageInternal(code, args, locale);
        }
        Locale reader = locale != null ? locale : getDefaultLocale();
        if (reader == null) {
            reader = Locale.getDefault();
        }
        String pattern = resolveCodeWithoutArguments(code, reader);
        if (pattern == null) {
            // not in this bundle: the parent source, if any, or Spring's own fallbacks
            return super.getMessageInternal(code, args, locale);
        }
        return IcuMessages.format(pattern, reader, resolveArguments(args, reader));
    }
}
