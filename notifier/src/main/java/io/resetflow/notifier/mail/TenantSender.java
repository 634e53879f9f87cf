package io.resetflow.notifier.mail;

import io.resetflow.core.tenant.Tenant;
import jakarta.mail.internet.InternetAddress;

/**
 * A tenant's sender identity, parsed once: the tenant configuration does not change while the
 * notifier runs, so its From and Reply-To need not be parsed again for every notice.
 * jakarta.mail only reads an address when it writes the header, so sending threads share them.
 */
record TenantSender(InternetAddress from, InternetAddress replyTo, String messageIdDomain) {

    static TenantSender of(Tenant tenant) {
        InternetAddress from = MailAddresses.parse("From", tenant.mail().from());
        InternetAddress replyTo = MailAddresses.parse("Reply-To", tenant.mail().replyTo() == null
                ? tenant.mail().from() : tenant.mail().replyTo());
        return new TenantSender(from, replyTo, MailAddresses.domainOf(from));
    }
}
