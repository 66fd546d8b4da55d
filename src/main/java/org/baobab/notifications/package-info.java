// SPDX-License-Identifier: Apache-2.0
/**
 * Mail and the in-app notification centre. Every mail is rendered from a localised template in the recipient's
 * language and sent from the transactional outbox (Spring Modulith's event publication registry): a mail server that
 * is down delays mail, it never loses it nor blocks the user's action. The same events write each user's in-app
 * notifications, kept as a message key and arguments and rendered in the reader's language when read.
 */
@ApplicationModule(
        displayName = "Notifications",
        allowedDependencies = {
            "shared",
            "identity",
            "rules",
            "tendering",
            "suppliers",
            "bidding",
            "award",
            "complaints",
            "opening"
        })
@NullMarked
package org.baobab.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
