package io.resetflow.notifier.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** A MimeMessage whose Message-ID is ours: saveChanges() must not replace it with a random one. */
final class NoticeMessage extends MimeMessage {

    private final String messageId;

    NoticeMessage(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    /** A single text body, already encoded: written out as it is (see {@link EncodedText}). */
    void setEncodedText(String subtype, String text) throws MessagingException {
        setHeader("Content-Type", EncodedText.contentType(subtype));
        setHeader("Content-Transfer-Encoding", EncodedText.ENCODING);
        content = EncodedText.base64(text);
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }
}
