// SPDX-License-Identifier: Apache-2.0
/**
 * Suppliers: the registry of companies that bid. Built so far: exclusions (debarment) decided by a country's
 * regulator, public at {@code /suppliers/excluded}, and {@link org.baobab.suppliers.Exclusions#inForce} through which
 * bidding refuses an excluded company. Company profiles with national identifiers, administrative documents with
 * expiry, categories and subscriptions come next (docs/suppliers.md).
 */
@ApplicationModule(
        displayName = "Suppliers",
        allowedDependencies = {"shared", "identity", "rules", "documents", "tendering"})
@NullMarked
package org.baobab.suppliers;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
