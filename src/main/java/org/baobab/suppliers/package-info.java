// SPDX-License-Identifier: Apache-2.0
/**
 * Suppliers: the registry of companies that bid. Company profiles with national identifiers checked against the rule
 * packs, what each company sells (CPV codes), the public directory, administrative documents with expiry and
 * verification, alerts on notices, the supplier dashboard, and exclusions (debarment) decided by a country's regulator,
 * public at {@code /suppliers/excluded}, with {@link org.baobab.suppliers.Exclusions#inForce} through which bidding
 * refuses an excluded company (docs/suppliers.md).
 */
@ApplicationModule(
        displayName = "Suppliers",
        allowedDependencies = {"shared", "identity", "rules", "documents", "tendering"})
@NullMarked
package org.baobab.suppliers;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
