package org.roundtable.conference.infrastructure.mail;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.activation.DataHandler;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.util.logging.Logger;

/**
 * Sends plain-text mail (called only by {@link MailDelivery}, from the outbox) through the server's mail session (java:jboss/mail/Roundtable). With
 * roundtable.mail.log-only=true (the demo run, which has no mail server) the message is written
 * to the server log instead, so a newcomer can follow an invitation.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class.getName());

    @Resource(lookup = "java:jboss/mail/Roundtable")
    private Session session;

    /** A file sent with a message (a calendar entry, views sent before a meeting). */
    public record Attachment(String fileName, String contentType, byte[] content) {
    }

    public void send(String to, String subject, String body, Attachment... attachments) {
        if (Boolean.getBoolean("roundtable.mail.log-only")) {
            LOG.info(() -> "\n----- mail to " + to + ": " + subject + " -----\n" + body + "\n-----");
            return;
        }
        try {
            var message = new MimeMessage(session);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            message.setSubject(subject, "UTF-8");
            if (attachments.length == 0) {
                message.setText(body, "UTF-8");
            } else {
                var parts = new MimeMultipart();
                var text = new MimeBodyPart();
                text.setText(body, "UTF-8");
                parts.addBodyPart(text);
                for (Attachment a : attachments) {
                    var file = new MimeBodyPart();
                    file.setDataHandler(new DataHandler(new ByteArrayDataSource(a.content(), a.contentType())));
                    file.setFileName(a.fileName());
                    parts.addBodyPart(file);
                }
                message.setContent(parts);
            }
            Transport.send(message);
        } catch (MessagingException e) {
            throw new MailNotSent(to, e);
        }
    }
}
