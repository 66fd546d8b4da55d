// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering;

import java.util.UUID;
import org.baobab.identity.CurrentUser;
import org.baobab.shared.BaobabException;
import org.baobab.shared.Role;
import org.baobab.tendering.internal.ProcessStore;
import org.baobab.tendering.internal.ProcessStore.Row;

/** The checks every command of the module makes: who may act on a process, in which status, with how long a text. */
final class StaffChecks {

    private StaffChecks() {}

    static Row lockForStaff(ProcessStore store, CurrentUser actor, UUID processId, Role... roles) {
        Row row = store.lock(processId).orElseThrow(() -> unknown(processId));
        requireStaff(actor, row.authorityId(), roles);
        return row;
    }

    static void requireStaff(CurrentUser actor, UUID authorityId, Role... roles) {
        for (Role role : roles) {
            if (actor.hasRoleIn(authorityId, role)) {
                return;
            }
        }
        throw new BaobabException(TenderingErrorCode.NOT_AUTHORITY_STAFF);
    }

    static UUID requireController(CurrentUser actor, String country) {
        return actor.controlBodyFor(country).orElseThrow(() -> new BaobabException(TenderingErrorCode.NOT_CONTROLLER));
    }

    static void requireStatus(Row row, String action, ProcessStatus... allowed) {
        for (ProcessStatus status : allowed) {
            if (row.status() == status) {
                return;
            }
        }
        throw new BaobabException(TenderingErrorCode.WRONG_STATUS, row.status(), action);
    }

    static BaobabException unknown(Object id) {
        return new BaobabException(TenderingErrorCode.UNKNOWN_PROCESS, id);
    }

    static String limit(String text) {
        return limit(text, Tendering.MAX_TEXT);
    }

    static String limit(String text, int max) {
        if (text.length() > max) {
            throw new BaobabException(TenderingErrorCode.TOO_LONG, max);
        }
        return text;
    }
}
