// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The platform's public address ({@code baobab.base-url}, {@code BAOBAB_BASE_URL}), for the links it publishes: in
 * mails, feeds and OCDS releases. Read once, without its trailing slashes, so that {@code of("/notices")} never gives
 * {@code //notices} whichever way the address was written.
 */
@Component
public class PublicUrl {

    private final String base;

    PublicUrl(@Value("${baobab.base-url}") String base) {
        this.base = base.replaceAll("/+$", "");
    }

    /** The address itself, without a trailing slash. */
    public String base() {
        return base;
    }

    /** The absolute address of a path that starts with a slash. */
    public String of(String path) {
        return base + path;
    }
}
