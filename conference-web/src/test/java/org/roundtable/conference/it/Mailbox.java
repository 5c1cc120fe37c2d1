package org.roundtable.conference.it;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what the server emailed, from GreenMail. Mail leaves the server from its outbox after the
 * request has answered, so each read first waits until every queued email has been tried once.
 */
public final class Mailbox {

    private static final Pattern CODE = Pattern.compile("code: (\\d{6})");
    private static final Pattern INVITE = Pattern.compile("/invite\\?token=([A-Za-z0-9_%-]+)");
    private static final Pattern PASSWORD_LINK = Pattern.compile("(https?://[^\\s]+)?/set-password\\?token=([A-Za-z0-9_%-]+)");

    private Mailbox() {
    }

    public static int count(String to) {
        awaitDelivery();
        return (int) Arrays.stream(TestEnvironment.receivedMessages()).filter(m -> isTo(m, to)).count();
    }

    public static int count(String to, String subjectContains) {
        awaitDelivery();
        return (int) Arrays.stream(TestEnvironment.receivedMessages()).filter(m -> isTo(m, to)).filter(m -> {
            try {
                return m.getSubject().contains(subjectContains);
            } catch (MessagingException e) {
                return false;
            }
        }).count();
    }

    /** The newest message to this address whose subject contains the given words. */
    public static MimeMessage latest(String to, String subjectContains) {
        awaitDelivery();
        var messages = TestEnvironment.receivedMessages();
        for (int i = messages.length - 1; i >= 0; i--) {
            try {
                if (isTo(messages[i], to) && messages[i].getSubject().contains(subjectContains)) {
                    return messages[i];
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("No email to " + to + " about '" + subjectContains + "'");
    }

    public static String latestCode(String to) {
        try {
            Matcher m = CODE.matcher(latest(to, "sign-in code").getSubject());
            if (!m.find()) {
                throw new AssertionError("The code email has no code in its subject");
            }
            return m.group(1);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The code in the newest sign-in code email written in Welsh ("Eich cod mewngofnodi Roundtable: 123456"). */
    public static String latestWelshCode(String to) {
        try {
            Matcher m = Pattern.compile("Roundtable: (\\d{6})").matcher(latest(to, "cod mewngofnodi").getSubject());
            if (!m.find()) {
                throw new AssertionError("The Welsh code email has no code in its subject");
            }
            return m.group(1);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String latestInvitationToken(String to) {
        String body = body(latest(to, "invited"));
        Matcher m = INVITE.matcher(body);
        if (!m.find()) {
            throw new AssertionError("The invitation has no link: " + body);
        }
        return java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The path and query of the newest link to this page ("/confirm-email") in an email about these words. */
    public static String latestLinkTo(String to, String subjectContains, String page) {
        String body = body(latest(to, subjectContains));
        Matcher m = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(page) + "[^\\s]*)").matcher(body);
        if (!m.find()) {
            throw new AssertionError("The email has no link to " + page + ": " + body);
        }
        return m.group(1);
    }

    /** The token of the newest set-password link emailed to this member of staff. */
    public static String latestPasswordToken(String to) {
        return passwordLinkMatch(to).group(2);
    }

    /** The newest set-password link emailed to this member of staff, as it is in the email. */
    public static String latestPasswordLink(String to) {
        return passwordLinkMatch(to).group();
    }

    private static Matcher passwordLinkMatch(String to) {
        String body = body(latest(to, "Roundtable password"));
        Matcher m = PASSWORD_LINK.matcher(body);
        if (!m.find()) {
            throw new AssertionError("The email has no set-password link: " + body);
        }
        return m;
    }

    /** The message's words: the whole body, or the text part of a message with attachments. */
    public static String body(MimeMessage message) {
        try {
            Object content = message.getContent();
            if (content instanceof jakarta.mail.Multipart parts) {
                for (int i = 0; i < parts.getCount(); i++) {
                    if (parts.getBodyPart(i).isMimeType("text/plain") && parts.getBodyPart(i).getFileName() == null) {
                        return parts.getBodyPart(i).getContent().toString();
                    }
                }
                throw new AssertionError("The email has no text part");
            }
            return content.toString();
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The attachment with this file name, as text (a calendar file, say). */
    public static String attachment(MimeMessage message, String fileName) {
        try {
            if (message.getContent() instanceof jakarta.mail.Multipart parts) {
                for (int i = 0; i < parts.getCount(); i++) {
                    if (fileName.equals(parts.getBodyPart(i).getFileName())) {
                        return new String(parts.getBodyPart(i).getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    }
                }
            }
            throw new AssertionError("The email has no attachment " + fileName);
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits (up to 90 s) until this many emails to this address about these words have arrived. */
    public static void awaitCount(String to, String subjectContains, int expected) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(90);
        while (count(to, subjectContains) < expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No email " + expected + " to " + to + " about '" + subjectContains + "' within 90 s");
            }
            pause();
        }
    }

    /**
     * Every email the server has queued has been tried once: it was sent (and its row deleted) or
     * it failed (and waits to be retried, with its error noted); every code asked for has been
     * answered (its email queued, or none).
     */
    public static void awaitDelivery() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(90);
        while (Database.count("select (select count(*) from outbox_mail where last_error is null) + (select count(*) from code_request)") > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Queued emails were not tried within 90 s: " + Database.text(
                        "select string_agg(recipient || ' ' || subject || ' attempts ' || attempts || ' due ' || next_attempt_at, '; ')"
                                + " from outbox_mail where last_error is null") + "; code requests waiting: "
                        + Database.count("select count(*) from code_request"));
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isTo(MimeMessage message, String to) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equalsIgnoreCase(to));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

}
