// SPDX-License-Identifier: Apache-2.0
/**
 * Bidding: sealed bids. Envelopes are sealed in the bidder's browser or by the framework-free Java library
 * ({@code org.baobab.bidding.sealing}, format in docs/sealing-format.md) so that nobody can read a bid before the
 * public opening; uploads, receipts signed by the platform, withdrawal, and the append-only transparency log in which
 * every receipt is a leaf ({@code org.baobab.bidding.transparency}).
 */
@ApplicationModule(
        displayName = "Bidding",
        allowedDependencies = {"shared", "audit", "identity", "rules", "documents", "tendering", "suppliers"})
@NullMarked
package org.baobab.bidding;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
