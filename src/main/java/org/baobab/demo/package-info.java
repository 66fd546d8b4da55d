// SPDX-License-Identifier: Apache-2.0
/**
 * Demo: the demo portal's history (demo mode only). Processes at every stage after the bids — opening done with its
 * minutes published, under evaluation, provisionally awarded within the standstill, suspended by a complaint before
 * the regulator, finally awarded — played at startup through the modules' own commands, at the instants they would
 * have happened, with real sealing and the demo committee's public key files. Nothing depends on this module.
 */
@ApplicationModule(
        displayName = "Demo history",
        allowedDependencies = {
            "shared",
            "identity",
            "rules",
            "tendering",
            "bidding",
            "bidding :: sealing",
            "opening",
            "evaluation",
            "award",
            "complaints"
        })
@NullMarked
package org.baobab.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
