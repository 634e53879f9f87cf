package io.resetflow.notifier.mail;

import io.resetflow.avro.NotificationRequest;
import io.resetflow.avro.RecipientChannel;

/**
 * Where a notice goes: the contact address on file when there is one (the breached mailbox may be
 * read by the attacker), else the mailbox itself.
 */
public record Recipient(String address, RecipientChannel channel, boolean hadContactAddress) {

    public static Recipient of(NotificationRequest request) {
        String contact = request.getContactAddress();
        if (contact != null && !contact.isBlank()) {
            return new Recipient(contact, RecipientChannel.CONTACT_ADDRESS, true);
        }
        return new Recipient(request.getMailboxAddress(), RecipientChannel.MAILBOX, false);
    }

    /** For outcomes of requests that could not even be parsed into a recipient. */
    public static Recipient channelOf(NotificationRequest request) {
        boolean contact = request.getContactAddress() != null && !request.getContactAddress().isBlank();
        return new Recipient("", contact ? RecipientChannel.CONTACT_ADDRESS : RecipientChannel.MAILBOX, contact);
    }
}
