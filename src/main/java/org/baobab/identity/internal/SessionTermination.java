// SPDX-License-Identifier: Apache-2.0
package org.baobab.identity.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends a user's sessions on every node (they live in PostgreSQL, indexed by the principal's name, the e-mail), so that
 * a new password also shuts out whoever held the old one.
 */
@Component
public class SessionTermination {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    SessionTermination(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** Ends every session of the user but the one given (the one that made the change), if any. */
    public int endAllExcept(String email, @Nullable String keepSessionId) {
        int ended = 0;
        for (String id : sessions.findByPrincipalName(email).keySet()) {
            if (!id.equals(keepSessionId)) {
                sessions.deleteById(id);
                ended++;
            }
        }
        return ended;
    }
}
