package org.roundtable.conference.infrastructure.mail;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
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

    public void send(String to, String subject, String body) {
        if (Boolean.getBoolean("roundtable.mail.log-only")) {
            LOG.info(() -> "\n----- mail to " + to + ": " + subject + " -----\n" + body + "\n-----");
            return;
        }
        try {
            var message = new MimeMessage(session);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            message.setSubject(subject, "UTF-8");
            message.setText(body, "UTF-8");
            Transport.send(message);
        } catch (MessagingException e) {
            throw new MailNotSent(to, e);
        }
    }
}
