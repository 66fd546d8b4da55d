// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared;

import org.jspecify.annotations.Nullable;

/**
 * What text Baobab accepts from outside (query parameters, form fields, path segments, JSON strings): any Unicode text
 * but control characters (tab, line feed and carriage return excepted), lone UTF-16 surrogates (malformed UTF-16, from
 * bad percent-encoded UTF-8 or a {@code \ud800} JSON escape) and the non-characters U+FFFE and U+FFFF. PostgreSQL
 * refuses U+0000 in text, and neither it nor a page can carry the others faithfully: such input is refused at the edge
 * ({@link SharedErrorCode#UNACCEPTABLE_CHARACTERS}), before any module sees it.
 */
public final class TextInput {

    private TextInput() {}

    /** True when every character of the text may be stored and shown (an absent value is acceptable). */
    public static boolean acceptable(@Nullable String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
            if (c == '\uFFFE' || c == '\uFFFF') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return false;
                }
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
