package io.resetflow.notifier.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.james.jdkim.DKIMSigner;
import org.apache.james.jdkim.api.BodyHasher;
import org.apache.james.jdkim.exceptions.FailException;
import org.apache.james.jdkim.exceptions.PermFailException;

/**
 * DKIM-signs the mails of the tenants that have a key (relaxed/relaxed, rsa-sha256) over the very
 * bytes that are sent: the signature header is computed from the encoded message and put in front of
 * it, nothing is encoded twice. The signer holds no per-mail state, so sending threads share it.
 */
public final class DkimMessageSigner implements MessageSigner {

    /** What a receiver must see unchanged: sender, recipient, subject, identity and how to read the body. */
    static final String SIGNED_HEADERS = "From:Reply-To:To:Subject:Date:Message-ID:Auto-Submitted:MIME-Version:"
            + "Content-Type:Content-Transfer-Encoding";
    private static final byte[] CRLF = {'\r', '\n'};

    /** jdkim's signer takes its template again for every mail. */
    private record TenantSigner(DKIMSigner signer, String template) {
    }

    private final Map<String, TenantSigner> signers = new HashMap<>();

    public DkimMessageSigner(Map<String, DkimKey> keys) {
        keys.forEach((tenant, key) -> signers.put(tenant, signerFor(tenant, key)));
    }

    @Override
    public byte[] sign(String tenant, byte[] message) {
        TenantSigner tenantSigner = signers.get(tenant);
        if (tenantSigner == null) {
            return message;
        }
        DKIMSigner signer = tenantSigner.signer();
        WireHeaders headers = WireHeaders.of(message);
        try {
            BodyHasher body = signer.newBodyHasher(signer.newSignatureRecordTemplate(tenantSigner.template()));
            try (OutputStream hashed = body.getOutputStream()) {
                hashed.write(message, headers.bodyStart(), message.length - headers.bodyStart());
            }
            // One tag a line, folded after signing: relaxed canonicalization reads the folded header as
            // the unfolded one.
            byte[] signature = signer.sign(headers, body).replace("; ", ";\r\n ").getBytes(StandardCharsets.US_ASCII);
            byte[] signed = new byte[signature.length + CRLF.length + message.length];
            System.arraycopy(signature, 0, signed, 0, signature.length);
            System.arraycopy(CRLF, 0, signed, signature.length, CRLF.length);
            System.arraycopy(message, 0, signed, signature.length + CRLF.length, message.length);
            return signed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hash the body of a " + tenant + " notice", e);
        } catch (FailException e) {
            throw new IllegalStateException("cannot DKIM-sign a " + tenant + " notice: " + e.getMessage(), e);
        }
    }

    public boolean signs(String tenant) {
        return signers.containsKey(tenant);
    }

    private static TenantSigner signerFor(String tenant, DkimKey key) {
        String template = "v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + key.domain() + "; s=" + key.selector()
                + "; h=" + SIGNED_HEADERS + "; bh=; b=;";
        DKIMSigner signer = new DKIMSigner(template, key.privateKey());
        try {
            signer.newBodyHasher(signer.newSignatureRecordTemplate(template));
        } catch (PermFailException e) {
            throw new IllegalArgumentException("unusable DKIM settings for tenant " + tenant + ": " + e.getMessage(), e);
        }
        return new TenantSigner(signer, template);
    }
}
