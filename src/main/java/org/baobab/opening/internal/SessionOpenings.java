// SPDX-License-Identifier: Apache-2.0
package org.baobab.opening.internal;

import org.baobab.shared.BidOpenings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A process's opening has started once its first session (technical or single) has: who bid is then public. */
@Component
class SessionOpenings implements BidOpenings {

    private final JdbcClient jdbc;

    SessionOpenings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean openingStarted(String ocid) {
        return jdbc.sql("select exists (select 1 from opening_session where ocid = :ocid)")
                .param("ocid", ocid)
                .query(Boolean.class)
                .single();
    }
}
