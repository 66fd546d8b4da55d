// SPDX-License-Identifier: Apache-2.0
package org.baobab;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** The mails a test's in-process SMTP server received, waited for and read as text. */
public final class ReceivedMails {

    private ReceivedMails() {}

    /**
     * The mails to {@code to} with that subject whose text contains {@code containing}, quoted-printable decoded;
     * waits (20 s at most) until at least {@code expected} have arrived, or, for 0, looks once.
     */
    public static List<String> await(
            GreenMailExtension smtp, String to, String subject, String containing, int expected)
            throws InterruptedException {
        if (expected == 0) {
            return matching(smtp, to, subject, containing);
        }
        try {
            return Awaitility.await("mails \"" + subject + "\" to " + to)
                    .atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> matching(smtp, to, subject, containing), found -> found.size() >= expected);
        } catch (ConditionTimeoutException fewer) {
            return matching(smtp, to, subject, containing); // the caller's assertion says how many came
        }
    }

    private static List<String> matching(GreenMailExtension smtp, String to, String subject, String containing) {
        List<String> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            String text = quotedPrintable(GreenMailUtil.getWholeMessage(message));
            try {
                if (message.getAllRecipients()[0].toString().equals(to)
                        && subject.equals(message.getSubject())
                        && text.contains(containing)) {
                    found.add(text);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    /** The message with its quoted-printable parts decoded (soft line breaks joined, =XX bytes read as UTF-8). */
    public static String quotedPrintable(String raw) {
        try (InputStream decoded = MimeUtility.decode(
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)), "quoted-printable")) {
            return new String(decoded.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
