// SPDX-License-Identifier: Apache-2.0
package org.baobab.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.baobab.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;

/**
 * While the demo history is being played (in the background, on a first start in demo mode), the pages say so and
 * the readiness probe is not UP; the tests play it before the application is ready, so they start on the whole demo.
 */
@IntegrationTest
class DemoHistoryProgressTests {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final DemoHistoryProgress progress;

    DemoHistoryProgressTests(Environment environment, DemoHistoryProgress progress) {
        this.base = "http://localhost:" + environment.getRequiredProperty("local.server.port");
        this.progress = progress;
    }

    @Test
    void theTestsStartOnAPlayedHistory() throws Exception {
        assertThat(progress.preparing()).isFalse();
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(get("/").body()).doesNotContain("La démonstration se prépare");
    }

    @Test
    void whileTheHistoryIsPlayedThePagesSaySoAndTheApplicationIsNotReady() throws Exception {
        progress.started();
        try {
            HttpResponse<String> readiness = get("/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("OUT_OF_SERVICE");
            assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
            assertThat(get("/").body()).contains("La démonstration se prépare");
            assertThat(get("/?lang=en").body()).contains("The demonstration is being prepared");
        } finally {
            progress.finished();
        }
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(get("/").body()).doesNotContain("La démonstration se prépare");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
