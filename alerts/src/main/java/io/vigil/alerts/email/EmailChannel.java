package io.vigil.alerts.email;

import io.micronaut.serde.ObjectMapper;
import io.vigil.alerts.Alert;
import io.vigil.alerts.AlertMessage;
import io.vigil.alerts.AlertTarget;
import io.vigil.alerts.Channel;
import io.vigil.alerts.delivery.Delivery;
import jakarta.activation.DataHandler;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * The e-mail target's channel: one SMTP session per attempt (Jakarta Mail): TLS as configured (STARTTLS required,
 * or implicit TLS; the server's certificate trusted and naming its host), a login when a user is set, one message to
 * every recipient. Connect and each answer bounded by the alerts' timeouts. What it reports is {@link SmtpFailure}'s.
 */
public final class EmailChannel implements Channel {

    private final AlertTarget.Email target;
    private final EmailConfig server;
    private final InternetAddress from;
    private final InternetAddress[] to;
    private final Properties properties;
    private final Duration connectTimeout;
    private final Duration answerTimeout;
    private final ObjectMapper json;
    private final Clock clock;

    /** Refuses, at start-up, a CA file that holds no certificate. */
    public EmailChannel(
            AlertTarget.Email target, Duration connectTimeout, Duration answerTimeout, ObjectMapper json, Clock clock) {
        this.target = target;
        this.server = target.server();
        this.from = server.fromAddress();
        this.to = server.toAddresses().toArray(InternetAddress[]::new);
        this.connectTimeout = connectTimeout;
        this.answerTimeout = answerTimeout;
        this.json = json;
        this.clock = clock;
        this.properties = properties(server, connectTimeout, answerTimeout);
    }

    private static Properties properties(EmailConfig server, Duration connectTimeout, Duration answerTimeout) {
        Properties p = new Properties();
        p.put("mail.smtp.host", server.host());
        p.put("mail.smtp.port", Integer.toString(server.effectivePort()));
        p.put("mail.smtp.from", server.fromAddress().getAddress());
        p.put("mail.smtp.localhost", "vigil");
        p.put("mail.smtp.connectiontimeout", Long.toString(connectTimeout.toMillis()));
        p.put("mail.smtp.timeout", Long.toString(answerTimeout.toMillis()));
        p.put("mail.smtp.writetimeout", Long.toString(answerTimeout.toMillis()));
        p.put("mail.smtp.auth", Boolean.toString(server.username() != null));
        if (server.security() != EmailConfig.Security.NONE) {
            p.put("mail.smtp.ssl.socketFactory", SmtpTrust.socketFactory(server.trusted()));
            p.put("mail.smtp.ssl.checkserveridentity", "true");
            p.put("mail.smtp.ssl.protocols", "TLSv1.3 TLSv1.2");
        }
        if (server.security() == EmailConfig.Security.STARTTLS) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        } else if (server.security() == EmailConfig.Security.TLS) {
            p.put("mail.smtp.ssl.enable", "true");
        }
        return p;
    }

    @Override
    public AlertTarget target() {
        return target;
    }

    /**
     * Connecting, then each answer of the session waited for in full: the greeting, EHLO, STARTTLS and its handshake,
     * EHLO again, a login of up to three steps, MAIL, each RCPT, DATA, the message's end, QUIT.
     */
    @Override
    public Duration longestAttempt() {
        return connectTimeout.plus(answerTimeout.multipliedBy(11L + to.length));
    }

    @Override
    public Outcome send(Alert alert, Delivery delivery) {
        Session session = Session.getInstance(properties);
        SMTPTransport transport = null;
        try {
            MimeMessage message = message(session, alert, delivery);
            transport = (SMTPTransport) session.getTransport("smtp");
            transport.connect(server.host(), server.effectivePort(), server.username(), server.password());
            transport.sendMessage(message, to);
            return Outcome.delivered(transport.getLastReturnCode());
        } catch (MessagingException e) {
            return Outcome.failed(
                    status(e, transport), SmtpFailure.describe(e, target.origin(), connectTimeout, answerTimeout));
        } catch (IOException e) {
            return Outcome.failed(null, "failed: " + e.getClass().getSimpleName());
        } finally {
            close(transport);
        }
    }

    /** The alert as one message: its text for people, its JSON body attached, headers to recognise it by. */
    MimeMessage message(Session session, Alert alert, Delivery delivery) throws MessagingException, IOException {
        String messageId = AlertMail.messageId(delivery.id(), from.getAddress());
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId); // not a fresh one per attempt: receivers drop repeats by it
            }
        };
        message.setFrom(from);
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSubject(AlertMail.subject(alert), "UTF-8");
        message.setSentDate(Date.from(clock.instant()));
        message.setHeader("Vigil-Alert-Id", alert.id());
        message.setHeader("Vigil-Delivery-Id", delivery.id());
        message.setHeader("Auto-Submitted", "auto-generated"); // RFC 3834: no auto-replies
        MimeBodyPart text = new MimeBodyPart();
        text.setText(AlertMail.text(alert), "UTF-8");
        MimeBodyPart body = new MimeBodyPart();
        body.setDataHandler(new DataHandler(
                new ByteArrayDataSource(json.writeValueAsBytes(AlertMessage.body(alert)), "application/json")));
        body.setFileName(AlertMail.attachmentName(alert));
        body.setDisposition(MimeBodyPart.ATTACHMENT);
        message.setContent(new MimeMultipart(text, body));
        message.saveChanges();
        return message;
    }

    /** The SMTP reply code the failure came with, when it is one: the login's or the message's refusal. */
    private static Integer status(MessagingException e, SMTPTransport transport) {
        if (e instanceof SMTPSendFailedException s) {
            return s.getReturnCode();
        }
        if (e instanceof AuthenticationFailedException && transport != null) {
            int code = transport.getLastReturnCode();
            return code > 0 ? code : null;
        }
        return e instanceof SendFailedException && transport != null && transport.getLastReturnCode() > 0
                ? transport.getLastReturnCode()
                : null;
    }

    private static void close(SMTPTransport transport) {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // the attempt's outcome is known; a failing QUIT changes nothing
            }
        }
    }
}
