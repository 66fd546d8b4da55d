// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers;

import java.util.regex.Pattern;
import org.baobab.shared.BaobabException;
import org.jspecify.annotations.Nullable;

/** The checks the registry's forms share: a text stripped and bounded, a required one, a plausible e-mail address. */
final class Inputs {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private Inputs() {}

    /** The text stripped ({@code ""} for none); {@code SUPPLIERS-0003} naming the field when longer than {@code max}. */
    static String text(String field, @Nullable String value, int max) {
        String clean = value == null ? "" : value.strip();
        if (clean.length() > max) {
            throw new BaobabException(SuppliersErrorCode.TOO_LONG, field);
        }
        return clean;
    }

    /** As {@link #text}, and {@code SUPPLIERS-0002} naming the field when empty. */
    static String required(String field, @Nullable String value, int max) {
        String clean = text(field, value, max);
        if (clean.isEmpty()) {
            throw new BaobabException(SuppliersErrorCode.REQUIRED, field);
        }
        return clean;
    }

    /** Something, an at sign, something with a dot: what a form can check of an address before a mail is sent. */
    static boolean isEmail(String address) {
        return EMAIL.matcher(address).matches();
    }
}
