// SPDX-License-Identifier: Apache-2.0
package org.baobab.tendering.internal;

import org.baobab.rules.RulePack;
import org.baobab.tendering.ProcessView;
import org.springframework.stereotype.Component;

/** Publishes the OCDS releases of a process's public facts, in the transaction of the fact. */
@Component
public class OcdsPublication {

    public void published(ProcessView process, RulePack pack) {}

    public void amended(ProcessView process, int addendum, RulePack pack) {}

    public void cancelled(ProcessView process, RulePack pack) {}

    public void clarified(ProcessView process, RulePack pack) {}
}
