// SPDX-License-Identifier: Apache-2.0
package org.baobab.rules.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.baobab.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;

/** The public rule pages and API, anonymously, on the whole application. */
@IntegrationTest
class RulesPagesTests {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    RulesPagesTests(Environment environment) {
        this.base = "http://localhost:" + environment.getRequiredProperty("local.server.port");
    }

    @Test
    void indexListsTheShippedPacks() {
        HttpResponse<String> page = get("/rules");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Sénégal", "Cameroun", "href=\"/rules/CI\"");
    }

    @Test
    void senegalsPackIsShownInFrenchWithItsLegalBasis() {
        HttpResponse<String> page = get("/rules/sn");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("lang=\"fr\"", "dir=\"ltr\"")
                .contains("Règles des marchés publics : Sénégal")
                .contains("Arrêté ministériel n°16.781 du 16 novembre 2016")
                .contains("art. 89")
                .contains("<caption>")
                .contains("class=\"badge unverified\"")
                .contains("jours francs et ouvrés")
                .contains("Commission d&#39;ouverture des plis", "de 3 à 7", "la majorité des membres")
                .doesNotContain("??");
    }

    @Test
    void theCpvIsSearchedInFrenchBrowsedAndReadAsJson() {
        HttpResponse<String> found = get("/classification?q=ordinateurs+portables");
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body())
                .contains("30213100", "Ordinateurs portables", "CC BY 4.0")
                .doesNotContain("??");

        HttpResponse<String> divisions = get("/classification");
        assertThat(divisions.body()).contains("45000000", "Travaux de construction");

        HttpResponse<String> code = get("/classification/45233120?lang=ar");
        assertThat(code.statusCode()).isEqualTo(200);
        assertThat(code.body())
                .contains(
                        "dir=\"rtl\"",
                        "lang=\"fr\"",
                        "Travaux de construction de routes",
                        "href=\"/classification/45230000\"")
                .doesNotContain("??");
        assertThat(get("/classification/12345678").statusCode()).isEqualTo(404);

        HttpResponse<String> api = get("/api/classification/cpv?q=routes&lang=en", "application/json");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("json"));
        assertThat(api.body()).contains("\"id\":\"45233120\"", "\"scheme\":\"CPV\"");
    }

    @Test
    void arabicIsWrittenRightToLeft() {
        HttpResponse<String> page = get("/rules/CM?lang=ar");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("dir=\"rtl\"", "الكاميرون").doesNotContain("??");
    }

    @Test
    void englishPageOfCoteDIvoire() {
        HttpResponse<String> page = get("/rules/CI?lang=en");

        assertThat(page.body()).contains("30 calendar days", "art. 64.1").doesNotContain("??");
    }

    @Test
    void unknownCountryIsNotFound() {
        assertThat(get("/rules/XX").statusCode()).isEqualTo(404);
        assertThat(get("/rules/not-a-country").statusCode()).isEqualTo(404);
        assertThat(get("/api/rules/XX").statusCode()).isEqualTo(404);
    }

    @Test
    void apiReturnsThePackAsJson() {
        HttpResponse<String> json = get("/api/rules/CM", "application/json");

        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(json.body())
                .contains("\"country\":\"CM\"", "\"currency\":\"XAF\"", "\"procurementMethod\":\"limited\"")
                .contains("\"confidence\":\"SECONDARY\"", "\"article\":\"art. 27\"", "\"validFrom\":\"2018-06-20\"");
    }

    private HttpResponse<String> get(String path) {
        return get(path, "text/html");
    }

    @Test
    void theJsonSchemasOfThePackFilesArePublic() {
        HttpResponse<String> pack = get("/api/rules/schema.json");
        HttpResponse<String> calendar = get("/api/rules/calendar.schema.json");

        assertThat(pack.statusCode()).isEqualTo(200);
        assertThat(pack.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(pack.body()).contains("\"title\": \"Baobab rule pack (pack.yaml)\"", "\"arabic-indic\"");
        assertThat(calendar.statusCode()).isEqualTo(200);
        assertThat(calendar.body()).contains("\"title\": \"Baobab rule pack calendar (calendar.yaml)\"");
    }

    private HttpResponse<String> get(String path, String accept) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Accept", accept)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
