package io.resetflow.notifier.consume;

import io.resetflow.avro.NotificationRequest;
import io.resetflow.core.identity.AddressNormalizer;
import io.resetflow.core.identity.MailboxIds;
import io.resetflow.core.tenant.Tenants;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Whether a request's recipients are the ones intake accepted for its mailbox: the mailbox address
 * must be the one its mailboxId was made from, in a domain of the request's tenant, and a contact
 * address must carry the tracker's seal. Topic ACLs already let only the tracker write requests; this
 * holds besides, so a forged request never mails in an ISP's name.
 */
public final class RecipientCheck {

    private final MailboxIds ids;
    private final Tenants tenants;

    public RecipientCheck(MailboxIds ids, Tenants tenants) {
        this.ids = ids;
        this.tenants = tenants;
    }

    /** Why the request must not be sent, or empty when its recipients are its mailbox's own. */
    Optional<String> refusal(NotificationRequest request) {
        Optional<String> mailbox = AddressNormalizer.normalizeValid(request.getMailboxAddress());
        if (mailbox.isEmpty() || !ids.of(mailbox.get()).equals(request.getMailboxId())) {
            return Optional.of("the mailbox address is not the one of its mailboxId");
        }
        // As intake: a domain of another tenant is never this tenant's mailbox.
        if (tenants.byDomain(AddressNormalizer.domainOf(mailbox.get()))
                .filter(owner -> !owner.id().equals(request.getTenant())).isPresent()) {
            return Optional.of("the mailbox is in a domain of another tenant");
        }
        String contact = request.getContactAddress();
        if (contact != null && !contact.isBlank()) {
            String seal = request.getContactSeal();
            String expected = ids.contactSeal(request.getMailboxId(), AddressNormalizer.normalize(contact));
            if (seal == null || !MessageDigest.isEqual(seal.getBytes(StandardCharsets.US_ASCII),
                    expected.getBytes(StandardCharsets.US_ASCII))) {
                return Optional.of("the contact address is not sealed to its mailbox");
            }
        }
        return Optional.empty();
    }
}
