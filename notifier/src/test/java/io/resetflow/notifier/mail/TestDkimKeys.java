package io.resetflow.notifier.mail;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.util.Base64;
import java.util.List;
import org.apache.james.jdkim.api.PublicKeyRecordRetriever;

/** A throw-away DKIM key pair and the DNS TXT record a receiver would look up. */
public final class TestDkimKeys {

    private final KeyPair pair;

    public TestDkimKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.pair = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public RSAPrivateKey privateKey() {
        return (RSAPrivateKey) pair.getPrivate();
    }

    public String pkcs8Pem() {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    /** Answers the TXT lookup of {@code <selector>._domainkey.<domain>} without DNS. */
    public PublicKeyRecordRetriever dns(String domain, String selector) {
        String record = "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        return (method, askedSelector, askedDomain) ->
                askedSelector.toString().equals(selector) && askedDomain.toString().equals(domain) ? List.of(record) : List.of();
    }
}
