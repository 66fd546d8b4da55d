// SPDX-License-Identifier: Apache-2.0
package org.baobab.suppliers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.baobab.shared.BaobabException;
import org.baobab.suppliers.SuppliersErrorCode;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/** A form's error names the field by its label, and leaves the exception as it was thrown. */
class FieldErrorsTests {

    private final StaticMessageSource messages = new StaticMessageSource();

    FieldErrorsTests() {
        messages.addMessage("error.suppliers.invalid-value", Locale.FRENCH, "Valeur non valable : {0}.");
        messages.addMessage("profile.website", Locale.FRENCH, "Site web");
        messages.addMessage("error.suppliers.bad-identifier", Locale.FRENCH, "« {1} » n''est pas un {0} valable.");
    }

    @Test
    void theFieldIsNamedByItsLabelAndTheExceptionKeepsItsArguments() {
        BaobabException e = new BaobabException(SuppliersErrorCode.INVALID_VALUE, "website");
        assertThat(FieldErrors.message(messages, e, "profile", Locale.FRENCH))
                .isEqualTo("Valeur non valable : Site web.");
        assertThat(FieldErrors.message(messages, e, "profile", Locale.FRENCH))
                .as("twice the same")
                .isEqualTo("Valeur non valable : Site web.");
        assertThat(e.arguments()).containsExactly("website");

        BaobabException identifier = new BaobabException(SuppliersErrorCode.BAD_IDENTIFIER, "NINEA", "<x>");
        assertThat(FieldErrors.message(messages, identifier, "profile", code -> "identifiant " + code, Locale.FRENCH))
                .isEqualTo("« <x> » n'est pas un identifiant NINEA valable.");
        assertThat(identifier.arguments()).containsExactly("NINEA", "<x>");
    }
}
