// SPDX-License-Identifier: Apache-2.0
package org.baobab.notifications.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.baobab.identity.IdentityEvents;
import org.baobab.shared.database.DemoMode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Sends the mails other modules ask for. It listens after the asking transaction has committed, from the outbox: if
 * sending fails (SMTP down, timeout), the listener fails, the publication stays incomplete, and {@link MailRetry}
 * hands it back later; nothing is lost and the user's action was not slowed down.
 */
@Component
class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final TemplateEngine templates;
    private final MessageSource messages;
    private final MailLog mailLog;
    private final DemoMode demoMode;
    private final Clock clock;
    private final String from;
    private final boolean smtpConfigured;

    Mailer(
            ObjectProvider<JavaMailSender> sender,
            TemplateEngine templates,
            MessageSource messages,
            MailLog mailLog,
            DemoMode demoMode,
            Clock clock,
            @Value("${baobab.mail.from}") String from,
            @Value("${spring.mail.host:}") String smtpHost) {
        this.sender = sender;
        this.templates = templates;
        this.messages = messages;
        this.mailLog = mailLog;
        this.demoMode = demoMode;
        this.clock = clock;
        this.from = from;
        // application.yaml always sets spring.mail.host (to BAOBAB_SMTP_HOST, empty by default), and Spring Boot then
        // creates a mail sender aimed at localhost:25: an empty host is what "no mail server" means here
        this.smtpConfigured = !smtpHost.isBlank();
    }

    @ApplicationModuleListener
    void on(IdentityEvents.EmailVerificationRequested event) {
        send(event, event.userId() + ":verify:" + event.link().hashCode(), Map.of());
    }

    @ApplicationModuleListener
    void on(IdentityEvents.PasswordResetRequested event) {
        send(event, event.userId() + ":reset:" + event.link().hashCode(), Map.of());
    }

    @ApplicationModuleListener
    void on(IdentityEvents.MemberInvited event) {
        send(
                event,
                event.organisationId() + ":invite:" + event.recipient() + ":"
                        + event.link().hashCode(),
                Map.of(
                        "organisationName",
                        event.organisationName(),
                        "role",
                        event.role().name()));
    }

    @ApplicationModuleListener
    void on(NoticeMails.NoticeMailRequested request) {
        send(
                request,
                request.key(),
                Map.of("title", request.title(), "change", request.change(), "detail", request.detail()));
    }

    @ApplicationModuleListener
    void on(DocumentMails.DocumentExpiringMail request) {
        send(request, request.key(), Map.of("document", request.document(), "expiresOn", request.expiresOn()));
    }

    @ApplicationModuleListener
    void on(PersonalMails.TemplatedMail request) {
        send(request, request.key(), request.variables());
    }

    @ApplicationModuleListener
    void on(AlertMails.AlertMail request) {
        String base = request.link()
                .substring(0, request.link().indexOf("/", request.link().indexOf("//") + 2));
        send(
                request,
                request.key(),
                Map.of(
                        "unsubscribe", request.unsubscribe(),
                        "title", request.title(),
                        "notices", request.notices(),
                        "base", base,
                        "change", request.change(),
                        "detail", request.detail()));
    }

    private void send(IdentityEvents.MailRequest request, String key, Map<String, Object> extra) {
        Locale locale = Locale.forLanguageTag(request.language());
        Context context = new Context(locale);
        context.setVariable("name", request.recipientName());
        context.setVariable("link", request.link());
        context.setVariable("textDirection", "ar".equals(locale.getLanguage()) ? "rtl" : "ltr");
        extra.forEach(context::setVariable);
        String html = templates.process("mail/" + request.template(), context);
        String subject = messages.getMessage("mail." + request.template() + ".subject", null, locale);
        String keptBody = demoMode.enabled() ? html : null;
        JavaMailSender mailSender = smtpConfigured ? sender.getIfAvailable() : null;
        if (mailSender == null) {
            // no SMTP server configured (the embedded default): logged, and shown in the demo mailbox in demo mode
            mailLog.record(
                    key, request.recipient(), request.template(), subject, "NO_SMTP", null, keptBody, clock.instant());
            log.info(
                    "No SMTP server configured: mail '{}' to {} kept in the mail log only",
                    subject,
                    request.recipient());
            return;
        }
        try {
            MimeMessage message = mailSender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(request.recipient());
            helper.setSubject(subject);
            helper.setText(plainText(html), html);
            mailSender.send(message);
            mailLog.record(
                    key, request.recipient(), request.template(), subject, "SENT", null, keptBody, clock.instant());
        } catch (MailException | MessagingException e) {
            mailLog.record(
                    key,
                    request.recipient(),
                    request.template(),
                    subject,
                    "RETRYING",
                    e.getClass().getSimpleName(),
                    keptBody,
                    clock.instant());
            throw new IllegalStateException("Mail to " + request.recipient() + " not sent yet; will retry", e);
        }
    }

    /**
     * A readable plain-text alternative for mail clients that do not show HTML: the body's text as jsoup reads it
     * (every entity decoded), a link as "its text: its address", a line break after {@code br}, {@code p},
     * {@code h1} and {@code li}; runs of spaces and of blank lines folded.
     */
    static String plainText(String html) {
        Document document = Jsoup.parse(html);
        document.select("style, title").remove();
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof TextNode words) {
                            text.append(words.getWholeText());
                        } else if (node instanceof Element e && e.normalName().equals("br")) {
                            text.append('\n');
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {
                        if (!(node instanceof Element e)) {
                            return;
                        }
                        if (e.normalName().equals("a") && e.hasAttr("href")) {
                            text.append(": ").append(e.attr("href"));
                        } else if (List.of("p", "h1", "li").contains(e.normalName())) {
                            text.append('\n');
                        }
                    }
                },
                document.body());
        return text.toString()
                .replaceAll("[ \\t]+", " ")
                .replaceAll("\\n\\s*\\n+", "\n\n")
                .trim();
    }
}
