// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering;

import java.util.List;

/**
 * What another module must check before a notice is published, without tendering depending on it: the opening module,
 * for instance, refuses publication while the process has no opening committee to seal the bids to. {@link Tendering}
 * adds the findings of every bean implementing this to its own checks (shown on the buyer's process page), and refuses
 * to publish while one of them blocks. Whatever the gate needs to do at publication itself (fix the committee), it
 * does by listening synchronously to {@link TenderingEvents.NoticePublished}, in the publication's transaction.
 */
public interface PublicationGate {

    /**
     * The findings about publishing this process now: an error blocks publication, a warning is only shown. The
     * message keys are the implementing module's, in its bundle.
     */
    List<Finding> check(ProcessView process);
}
