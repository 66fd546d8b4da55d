// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared;

/**
 * Whether the public opening of a process has started: until then, who bid on it is secret, even from the regulator's
 * auditors reading the journal. Implemented by the opening module; read by the audit module's views.
 */
public interface BidOpenings {

    /** Whether an opening session of the process (its ocid) has started. */
    boolean openingStarted(String ocid);
}
