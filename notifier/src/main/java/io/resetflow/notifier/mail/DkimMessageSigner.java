package io.resetflow.notifier.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimException;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;
import org.simplejavamail.utils.mail.dkim.SigningAlgorithm;

/**
 * DKIM-signs the mails of the tenants that have a key (relaxed/relaxed, rsa-sha256). The signature is
 * computed when the message is written to the relay; DkimSigner holds a Signature and a digest, so
 * each sending thread gets its own signer.
 */
public final class DkimMessageSigner implements MessageSigner {

    private final Map<String, DkimKey> keys;
    private final ThreadLocal<Map<String, DkimSigner>> signers;

    public DkimMessageSigner(Map<String, DkimKey> keys) {
        this.keys = Map.copyOf(keys);
        this.signers = ThreadLocal.withInitial(java.util.HashMap::new);
        keys.keySet().forEach(this::signerFor);
    }

    @Override
    public MimeMessage sign(String tenant, MimeMessage message) throws MessagingException {
        if (!keys.containsKey(tenant)) {
            return message;
        }
        return new DkimMessage(message, signerFor(tenant));
    }

    public boolean signs(String tenant) {
        return keys.containsKey(tenant);
    }

    private DkimSigner signerFor(String tenant) {
        return signers.get().computeIfAbsent(tenant, id -> {
            DkimKey key = keys.get(id);
            try {
                DkimSigner signer = new DkimSigner(key.domain(), key.selector(), key.privateKey());
                signer.setHeaderCanonicalization(Canonicalization.RELAXED);
                signer.setBodyCanonicalization(Canonicalization.RELAXED);
                signer.setSigningAlgorithm(SigningAlgorithm.SHA256_WITH_RSA);
                signer.setLengthParam(false);
                signer.setCheckDomainKey(false);
                signer.addHeaderToSign("Auto-Submitted");
                return signer;
            } catch (DkimException e) {
                throw new IllegalArgumentException("unusable DKIM key for tenant " + id + ": " + e.getMessage(), e);
            }
        });
    }
}
