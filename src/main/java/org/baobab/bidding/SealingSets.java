// SPDX-License-Identifier: Apache-2.0
package org.baobab.bidding;

import java.util.Optional;

/**
 * Where bidding learns to whom a process's envelopes are sealed. The opening module, which owns committee keys,
 * implements it (bidding does not depend on opening; opening depends on bidding for the envelopes it opens).
 */
public interface SealingSets {

    /** The sealing set fixed at the publication of the process's notice, empty if the process has none. */
    Optional<SealingSet> forProcess(String ocid);
}
