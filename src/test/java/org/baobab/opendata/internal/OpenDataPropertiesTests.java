// SPDX-License-Identifier: Apache-2.0
package org.baobab.opendata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** The OCID prefix is checked at start-up: a wrong one stops the application with a message that says why. */
class OpenDataPropertiesTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(OpenDataProperties.class)
    static class Properties {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Properties.class);

    @Test
    void defaultsAreTheDemonstrationPrefixAndCcBy() {
        runner.run(context -> {
            OpenDataProperties properties = context.getBean(OpenDataProperties.class);
            assertThat(properties.ocidPrefix()).isEqualTo("ocds-baobab");
            assertThat(properties.publisher().name()).isEqualTo("Baobab");
            assertThat(properties.license()).hasToString("https://creativecommons.org/licenses/by/4.0/");
        });
    }

    @Test
    void aRegisteredPrefixIsAccepted() {
        runner.withPropertyValues("baobab.opendata.ocid-prefix=ocds-7xk2q9")
                .run(context -> assertThat(
                                context.getBean(OpenDataProperties.class).ocidPrefix())
                        .isEqualTo("ocds-7xk2q9"));
    }

    @Test
    void aMalformedPrefixStopsTheStartWithAClearMessage() {
        for (String prefix : new String[] {"OCDS-BAOBAB", "ocds-bao", "baobab", "ocds-baobab-sn"}) {
            runner.withPropertyValues("baobab.opendata.ocid-prefix=" + prefix).run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessageContaining("baobab.opendata.ocid-prefix")
                        .hasMessageContaining("Open Contracting Partnership");
            });
        }
    }
}
