// SPDX-License-Identifier: Apache-2.0
package org.baobab;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test of the whole application on a real PostgreSQL (the embedded one, started once per test JVM in a temporary
 * folder and removed at the end), with the demo data loaded, MockMvc available, and mail sent to 127.0.0.1:3025 (or -Dbaobab.test.smtp-port, see TestSmtp)
 * (where a test that checks mail runs GreenMail). Every integration test
 * uses exactly this annotation so that all of them share one Spring context and one database: keep it that way (no
 * {@code @MockitoBean}, no extra properties) or the suite slows down.
 *
 * <p>Its tests form the {@code application} tier ({@code ./mvnw test -Papplication}, see docs/testing.md); those that
 * drive Chromium carry {@link BrowserTest} as well and form the {@code browser} tier.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureMockMvc
@Tag(Tiers.APPLICATION)
public @interface IntegrationTest {}
