package io.resetflow.notifier.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** A tenant's DKIM identity: the d= domain, the s= selector and the RSA private key (PKCS#8 PEM). */
public record DkimKey(String domain, String selector, RSAPrivateKey privateKey) {

    public DkimKey {
        HeaderText.require("DKIM domain", domain);
        HeaderText.require("DKIM selector", selector);
    }

    public static DkimKey fromPemFile(String domain, String selector, Path pemFile) {
        try {
            return new DkimKey(domain, selector, parsePem(Files.readString(pemFile, StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read DKIM key " + pemFile, e);
        }
    }

    public static RSAPrivateKey parsePem(String pem) {
        if (pem.contains("BEGIN RSA PRIVATE KEY")) {
            throw new IllegalArgumentException("DKIM key must be PKCS#8 (BEGIN PRIVATE KEY): convert it with "
                    + "openssl pkcs8 -topk8 -nocrypt");
        }
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a PKCS#8 RSA private key: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "DkimKey[domain=" + domain + ", selector=" + selector + "]";
    }
}
