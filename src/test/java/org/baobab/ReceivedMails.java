// SPDX-License-Identifier: Apache-2.0
package org.baobab;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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
        long deadline = System.currentTimeMillis() + 20_000;
        List<String> found = new ArrayList<>();
        while (System.currentTimeMillis() < deadline) {
            found.clear();
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
            if (expected == 0 || found.size() >= expected) {
                return found;
            }
            Thread.sleep(100);
        }
        return found;
    }

    /** The message with its quoted-printable parts decoded (soft line breaks joined, =XX bytes read as UTF-8). */
    static String quotedPrintable(String raw) {
        String joined = raw.replace("=\r\n", "");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '='
                    && i + 2 < joined.length()
                    && joined.substring(i + 1, i + 3).matches("[0-9A-F]{2}")) {
                bytes.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
