package io.resetflow.tracker.topology;

import io.resetflow.avro.NotificationRequest;
import io.resetflow.core.identity.AddressNormalizer;
import io.resetflow.core.identity.MailboxIds;
import org.apache.kafka.streams.kstream.ValueMapper;

/**
 * Seals a notice's contact address to its mailboxId under the deployment secret, as it leaves the
 * tracker: the notifier mails a contact address only with a valid seal, so a record forged onto a
 * request topic cannot send an ISP's mail to an address of its choosing.
 */
final class ContactSeals implements ValueMapper<NotificationRequest, NotificationRequest> {

    private final MailboxIds ids;

    ContactSeals(MailboxIds ids) {
        this.ids = ids;
    }

    @Override
    public NotificationRequest apply(NotificationRequest request) {
        String contact = request.getContactAddress();
        if (contact == null || contact.isBlank()) {
            return request;
        }
        request.setContactSeal(ids.contactSeal(request.getMailboxId(), AddressNormalizer.normalize(contact)));
        return request;
    }
}
