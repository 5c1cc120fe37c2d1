package org.roundtable.conference.application;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.roundtable.conference.infrastructure.mail.MailSender;
import org.roundtable.shared.domain.PlainText;

/**
 * A file sent with views before a meeting goes straight to the chair's inbox, from our own
 * address, from anyone who holds the invitation's link: it must be something a person reads,
 * never something that runs. A PDF without active content, a text file, or a JPEG or PNG
 * photo, whose bytes are what its name says; it is sent with the matching type.
 */
final class ViewsFile {

    static final String KINDS = "Send your views as a PDF, a text file (.txt) or a photo (.jpg or .png)";

    private ViewsFile() {
    }

    /** The file as the chair's email carries it, or 400 on the file field. */
    static MailSender.Attachment accept(String fileName, byte[] bytes) {
        String name = plainName(fileName);
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        String type = switch (extension) {
            case "pdf" -> {
                ReportPdf.require(bytes);
                yield "application/pdf";
            }
            case "txt" -> {
                requireText(bytes);
                yield "text/plain; charset=UTF-8";
            }
            case "jpg", "jpeg" -> {
                requireStart(bytes, 0xFF, 0xD8, 0xFF);
                yield "image/jpeg";
            }
            case "png" -> {
                requireStart(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
                yield "image/png";
            }
            default -> throw new InvalidInput("file", KINDS + ".");
        };
        return new MailSender.Attachment(name, type, bytes);
    }

    /** No folders, no control characters or quotes: the name goes into a mail header. */
    private static String plainName(String name) {
        String plain = name.replaceAll(".*[/\\\\]", "").replaceAll("[\\p{Cntrl}\"]", "").strip();
        return plain.isEmpty() ? "views" : plain;
    }

    private static void requireText(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            if (PlainText.firstForbidden(text) >= 0) {
                throw new InvalidInput("file", "This file is not plain text. " + KINDS + ".");
            }
        } catch (CharacterCodingException e) {
            throw new InvalidInput("file", "This file is not plain text. " + KINDS + ".");
        }
    }

    private static void requireStart(byte[] bytes, int... magic) {
        boolean matches = bytes.length > magic.length;
        for (int i = 0; matches && i < magic.length; i++) {
            matches = (bytes[i] & 0xff) == magic[i];
        }
        if (!matches) {
            throw new InvalidInput("file", "This file is not the photo its name says. " + KINDS + ".");
        }
    }
}
