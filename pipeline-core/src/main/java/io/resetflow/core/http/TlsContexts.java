package io.resetflow.core.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for the operations API from the usual key material: a PKCS#12 keystore, or a PEM certificate
 * chain with its PKCS#8 private key; and, for an instance asking its peers, the certificates it trusts
 * (PKCS#12 or PEM), else the JVM's.
 */
public final class TlsContexts {

    private static final Pattern PEM_KEY =
            Pattern.compile("-----BEGIN PRIVATE KEY-----(.*?)-----END PRIVATE KEY-----", Pattern.DOTALL);
    private static final char[] NO_PASSWORD = new char[0];

    private TlsContexts() {
    }

    public static SSLContext fromPkcs12(Path keystore, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                store.load(in, password);
            }
            return server(store, password);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the TLS keystore " + keystore, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the TLS keystore " + keystore + " is not usable: " + e.getMessage(), e);
        }
    }

    public static SSLContext fromPem(Path certificateChain, Path privateKey) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            Certificate[] chain = certificates(certificateChain).toArray(Certificate[]::new);
            store.setKeyEntry("api", privateKey(privateKey, chain[0].getPublicKey().getAlgorithm()), NO_PASSWORD, chain);
            return server(store, NO_PASSWORD);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the TLS certificate or key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the PEM certificate or key is not usable: " + e.getMessage(), e);
        }
    }

    /** A client context trusting the given certificates: a PKCS#12 truststore or PEM certificates. */
    public static SSLContext trusting(Path trusted, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            if (Files.readString(trusted, StandardCharsets.ISO_8859_1).contains("-----BEGIN CERTIFICATE-----")) {
                store.load(null, null);
                int i = 0;
                for (Certificate certificate : certificates(trusted)) {
                    store.setCertificateEntry("trusted-" + i++, certificate);
                }
            } else {
                try (InputStream in = Files.newInputStream(trusted)) {
                    store.load(in, password);
                }
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the trusted certificates " + trusted, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the trusted certificates " + trusted + " are not usable: "
                    + e.getMessage(), e);
        }
    }

    private static SSLContext server(KeyStore store, char[] password) throws GeneralSecurityException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static Collection<? extends Certificate> certificates(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new GeneralSecurityException("no certificate in " + file);
            }
            return certificates;
        }
    }

    private static PrivateKey privateKey(Path file, String algorithm) throws IOException, GeneralSecurityException {
        Matcher pem = PEM_KEY.matcher(Files.readString(file, StandardCharsets.US_ASCII));
        if (!pem.find()) {
            throw new GeneralSecurityException(file + " holds no PKCS#8 PEM private key (BEGIN PRIVATE KEY)");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.group(1));
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    }
}
