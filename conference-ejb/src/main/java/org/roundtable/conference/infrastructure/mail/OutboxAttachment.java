package org.roundtable.conference.infrastructure.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A file kept with a queued email until it is sent. */
@Embeddable
public class OutboxAttachment {

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Column(name = "content_type", nullable = false)
    private String contentType;

    @Column(nullable = false)
    private byte[] content;

    protected OutboxAttachment() {
    }

    OutboxAttachment(MailSender.Attachment attachment) {
        this.fileName = attachment.fileName();
        this.contentType = attachment.contentType();
        this.content = attachment.content().clone();
    }

    MailSender.Attachment toAttachment() {
        return new MailSender.Attachment(fileName, contentType, content.clone());
    }
}
