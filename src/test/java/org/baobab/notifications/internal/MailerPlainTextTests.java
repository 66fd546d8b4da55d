// SPDX-License-Identifier: Apache-2.0
package org.baobab.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The plain-text alternative of a mail, as mail clients without HTML show it. */
class MailerPlainTextTests {

    @Test
    void keepsTheTextLinksAndLineBreaksOfTheBodyOnly() {
        String html = """
                <!DOCTYPE html>
                <html dir="ltr"><head><title>Avis</title><style>p { color: red; }</style></head>
                <body>
                <h1>Bonjour   Awa,</h1>
                <p>Votre offre l&#39;&quot;AOO&quot; &amp; ses pièces<br>sont reçues.</p>


                <ul><li>Lot 1</li><li>Lot 2</li></ul>
                <p><a href="https://baobab.example/bids?x=1&amp;y=2">Voir l'offre</a></p>
                </body></html>
                """;
        assertThat(Mailer.plainText(html))
                .isEqualTo("Bonjour Awa,\n\nVotre offre l'\"AOO\" & ses pièces\nsont reçues.\n\nLot 1\nLot 2\n\n"
                        + "Voir l'offre: https://baobab.example/bids?x=1&y=2");
    }
}
