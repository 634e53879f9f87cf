package io.resetflow.notifier.mail;

import io.resetflow.avro.NotificationRequest;
import io.resetflow.avro.RecipientChannel;
import java.util.List;
import java.util.Locale;

/**
 * Where a notice goes: the contact address on file when there is one (the breached mailbox may be
 * read by the attacker), else the mailbox itself. When the contact address bounces, the mailbox is
 * the other address on file.
 */
public record Recipient(String address, RecipientChannel channel, boolean hadContactAddress) {

    public static Recipient of(NotificationRequest request) {
        return candidates(request).get(0);
    }

    /** Every address to try, in order: the contact address, then the mailbox when it is another one. */
    public static List<Recipient> candidates(NotificationRequest request) {
        String contact = request.getContactAddress();
        String mailbox = request.getMailboxAddress();
        Recipient toMailbox = new Recipient(mailbox, RecipientChannel.MAILBOX, hasText(contact));
        if (!hasText(contact)) {
            return List.of(toMailbox);
        }
        Recipient toContact = new Recipient(contact, RecipientChannel.CONTACT_ADDRESS, true);
        if (!hasText(mailbox) || sameAddress(contact, mailbox)) {
            return List.of(toContact);
        }
        return List.of(toContact, toMailbox);
    }

    /** For outcomes of requests that could not even be parsed into a recipient. */
    public static Recipient channelOf(NotificationRequest request) {
        boolean contact = hasText(request.getContactAddress());
        return new Recipient("", contact ? RecipientChannel.CONTACT_ADDRESS : RecipientChannel.MAILBOX, contact);
    }

    private static boolean hasText(String address) {
        return address != null && !address.isBlank();
    }

    private static boolean sameAddress(String a, String b) {
        return a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }
}
