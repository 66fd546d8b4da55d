// SPDX-License-Identifier: Apache-2.0
package org.baobab.opening.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live streams of the opening pages end when the application stops: an open one would hold the web server's
 * graceful shutdown for its whole phase timeout, long enough for a test run's JVM to be killed before it stopped its
 * embedded PostgreSQL.
 */
class OpeningLiveTests {

    @Test
    void everyStreamEndsWhenTheApplicationStops() {
        OpeningLive live = new OpeningLive();
        SseEmitter one = live.watch("ocds-baobab-SN-2026-00001");
        SseEmitter two = live.watch("ocds-baobab-SN-2026-00002");
        assertThatCode(() -> one.send("still open")).doesNotThrowAnyException();

        live.endAll();

        assertThatThrownBy(() -> one.send("after the end")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> two.send("after the end")).isInstanceOf(IllegalStateException.class);
    }
}
