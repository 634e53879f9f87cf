package io.resetflow.bench.notifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** A fresh RSA 2048 key written as PKCS#8 PEM, the form the notifier's dkim.<tenant>.key.file takes. */
final class BenchDkimKey {

    static final String SELECTOR = "bench";

    private BenchDkimKey() {
    }

    static Path write(Path dir) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs8)
                    + "\n-----END PRIVATE KEY-----\n";
            Path file = dir.resolve("dkim-bench.pem");
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
            return file;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no RSA key generator", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the DKIM key", e);
        }
    }
}
