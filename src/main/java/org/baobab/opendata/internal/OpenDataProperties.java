// SPDX-License-Identifier: Apache-2.0
package org.baobab.opendata.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the OCDS publication. {@code baobab.opendata.ocid-prefix} is the publisher's OCID prefix; the default
 * {@code ocds-baobab} is for demonstrations and tests only: a real deployment registers its own prefix with the Open
 * Contracting Partnership (https://standard.open-contracting.org/latest/en/guidance/build/#register-an-ocid-prefix)
 * and sets it before publishing anything, because an ocid is never changed once published.
 */
@Validated
@ConfigurationProperties("baobab.opendata")
public record OpenDataProperties(
        @DefaultValue("ocds-baobab")
        @Pattern(
                regexp = "^ocds-[a-z0-9]{6}$",
                message = "must be 'ocds-' followed by the 6 lowercase letters or digits that the Open"
                        + " Contracting Partnership registered for this publisher (e.g. ocds-baobab)")
        String ocidPrefix,

        @DefaultValue @Valid Publisher publisher,

        @DefaultValue("https://creativecommons.org/licenses/by/4.0/")
        URI license,

        @Nullable URI publicationPolicy) {

    /** Who publishes: {@code name}, and optionally an organisation identifier ({@code scheme}, {@code uid}). */
    public record Publisher(
            @DefaultValue("Baobab") @NotBlank String name,
            @Nullable String scheme,
            @Nullable String uid,
            @Nullable URI uri) {}
}
