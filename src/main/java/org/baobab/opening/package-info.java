// SPDX-License-Identifier: Apache-2.0
/**
 * Opening: the opening committee's keys and the sealing set of each process. A committee member enrols a P-256 key
 * generated in their browser (the private key stays in their passphrase-protected key file) with a proof of
 * possession ({@link org.baobab.opening.CommitteeKeys}); when a notice is published, its committee and threshold are
 * fixed ({@link org.baobab.opening.Committees}, which gives bidding the {@link org.baobab.bidding.SealingSets}). The
 * opening session ({@link org.baobab.opening.OpeningSessions}) opens the bids once k members have released their
 * shares.
 */
@ApplicationModule(
        displayName = "Opening",
        allowedDependencies = {
            "shared",
            "identity",
            "rules",
            "tendering",
            "bidding",
            "bidding :: sealing",
            "bidding :: transparency",
            "documents"
        })
@NullMarked
package org.baobab.opening;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
