// SPDX-License-Identifier: Apache-2.0
package org.baobab.shared;

/**
 * An auditable event about one procurement process, whichever module publishes it (tendering, opening, evaluation,
 * award): its journal subject is the process's ocid, so that the journal of a process reads whole.
 */
public interface ProcessEvent extends AuditableEvent {

    /** The subject type of every event about a process. */
    String SUBJECT_TYPE = "procurement-process";

    String ocid();

    @Override
    default String subjectType() {
        return SUBJECT_TYPE;
    }

    @Override
    default String subjectId() {
        return ocid();
    }
}
