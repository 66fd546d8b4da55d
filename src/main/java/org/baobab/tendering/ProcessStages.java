// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering;

import java.util.Collection;
import java.util.Map;

/**
 * A module after tendering tells how far processes have gone in it, without tendering depending on it (as
 * {@link NoticeSection} does for the public notice page). The staff's list of processes shows the latest stage.
 */
public interface ProcessStages {

    /** The stage each of these processes (by ocid) has reached in this module; a process it has no stage for is absent. */
    Map<String, ProcessStage> stages(Collection<String> ocids);
}
