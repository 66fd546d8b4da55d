// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering;

import java.util.Map;
import java.util.Optional;

/**
 * A section another module adds to the public notice page, without tendering depending on it (the opening module shows
 * the committee the bids are sealed to). The page renders the fragment {@code section(data)} of the given template,
 * {@code data} being the model map.
 */
public interface NoticeSection {

    /** What to render: a template of the providing module holding a {@code section(data)} fragment, and its data. */
    record Content(String template, Map<String, Object> data) {

        public Content {
            data = Map.copyOf(data);
        }
    }

    /** The section for this published notice (its public view), or empty to show nothing. */
    Optional<Content> forNotice(ProcessView notice);
}
