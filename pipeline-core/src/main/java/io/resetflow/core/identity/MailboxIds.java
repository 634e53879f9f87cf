package io.resetflow.core.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pseudonymous mailbox key: HMAC-SHA-256 of the normalized address under the deployment
 * secret, base64url without padding (43 characters). Without the secret, ids cannot be linked back
 * to addresses by hashing guesses.
 */
public final class MailboxIds {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_SECRET_BYTES = 16;

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    public MailboxIds(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the mailbox-id secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** The id of an address already normalized by {@link AddressNormalizer}. */
    public String of(String normalizedAddress) {
        byte[] digest = macs.get().doFinal(normalizedAddress.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    /**
     * The seal binding a contact address (normalized) to a mailboxId: only the holders of the secret,
     * intake's and the tracker's side, can make one, so the notifier mails a contact address only when
     * the request carries its seal and a forged request cannot send an ISP's mail to an address of its
     * choosing. Domain-separated from the ids, so no seal is ever a mailboxId.
     */
    public String contactSeal(String mailboxId, String normalizedContact) {
        return of("contact\u0000" + mailboxId + "\u0000" + normalizedContact);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
