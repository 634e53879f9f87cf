package io.resetflow.notifier.mail;

import io.resetflow.avro.NotificationRequest;
import io.resetflow.core.tenant.Tenant;
import io.resetflow.notifier.render.RenderedNotice;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the MIME message of a notice: From/Reply-To of the tenant, the chosen recipient, an RFC 2047
 * UTF-8 subject ({@link EncodedSubjects}), a UTF-8 text/plain part always and an HTML alternative when
 * the template has one. Every header value passes {@link HeaderText}, so none can carry a line break.
 * The message is encoded to its wire bytes once, here, and signed over those bytes.
 */
public final class NoticeMessageFactory {

    /** A notice with its HTML part encodes to about 6 KB. */
    private static final int ENCODED_SIZE_HINT = 8 * 1024;

    private final Session session;
    private final Clock clock;
    private final MessageSigner signer;
    private final Map<String, TenantSender> senders = new ConcurrentHashMap<>();
    private final EncodedSubjects subjects = new EncodedSubjects();

    public NoticeMessageFactory(Session session, Clock clock, MessageSigner signer) {
        this.session = session;
        this.clock = clock;
        this.signer = signer;
    }

    public OutgoingMail build(NotificationRequest request, Tenant tenant, RenderedNotice notice, Recipient recipient) {
        TenantSender sender = senders.computeIfAbsent(tenant.id(), id -> TenantSender.of(tenant));
        InternetAddress to = MailAddresses.parse("recipient", recipient.address());
        String subject = HeaderText.require("Subject", notice.subject());
        String messageId = MessageIds.of(request.getNotificationId(), sender.messageIdDomain());
        try {
            NoticeMessage message = new NoticeMessage(session, messageId);
            message.setFrom(sender.from());
            message.setReplyTo(new InternetAddress[] {sender.replyTo()});
            message.setRecipient(Message.RecipientType.TO, to);
            message.setHeader("Subject", subjects.of(subject));
            message.setSentDate(Date.from(clock.instant()));
            message.setHeader("Auto-Submitted", "auto-generated");
            if (notice.html().isPresent()) {
                MimeMultipart alternative = new MimeMultipart("alternative");
                alternative.addBodyPart(EncodedText.part("plain", notice.text()));
                alternative.addBodyPart(EncodedText.part("html", notice.html().get()));
                message.setContent(alternative);
            } else {
                message.setEncodedText("plain", notice.text());
            }
            message.saveChanges();
            return new OutgoingMail(tenant.id(), messageId, sender.from(), to, signer.sign(tenant.id(), encode(message)));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot build notice " + request.getNotificationId() + ": " + e.getMessage(), e);
        }
    }

    /** The one time the message is encoded: what is signed is what is sent. */
    private static byte[] encode(MimeMessage message) throws IOException, MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(ENCODED_SIZE_HINT);
        message.writeTo(out);
        return out.toByteArray();
    }

}
