// SPDX-License-Identifier: Apache-2.0
package org.baobab;

import org.baobab.shared.database.EarlyEmbeddedDatabase;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Baobab: one deployable modular monolith; each top-level package is a module (see docs/modules.md). {@code shared} is
 * the kernel every module uses, so a test of one module ({@code @ApplicationModuleTest}) starts it too.
 */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
@ConfigurationPropertiesScan
@EnableAsync
public class BaobabApplication {
    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(BaobabApplication.class);
        // the embedded PostgreSQL (if any) starts beside the context rather than after most of it
        application.addInitializers(new EarlyEmbeddedDatabase());
        application.run(args);
    }
}
