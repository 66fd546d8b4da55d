// SPDX-License-Identifier: Apache-2.0
package org.baobab;

import com.icegreen.greenmail.util.ServerSetup;

/**
 * The in-process SMTP server the tests send mail to: 127.0.0.1 on port 3025, or on {@code -Dbaobab.test.smtp-port} so
 * that two builds can run their tests side by side on one machine. {@code application-test.yaml} points the
 * application at the same port.
 */
public final class TestSmtp {

    public static final int PORT = Integer.getInteger("baobab.test.smtp-port", 3025);

    public static final ServerSetup SETUP = new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

    private TestSmtp() {}
}
