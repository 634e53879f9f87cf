package io.resetflow.local.mail;

import io.resetflow.core.tenant.Tenant;
import io.resetflow.core.tenant.Tenants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.james.jdkim.api.PublicKeyRecordRetriever;

/**
 * One DKIM key per tenant for the local stack, as production would sign: generated into the data
 * directory on the first start ({@code dkim/<tenant>.pem}, PKCS#8, and its public half), reused
 * afterwards. The signing domain is the tenant's sender domain, the selector {@value #SELECTOR}; the
 * TXT record each ISP would publish is what {@link #dnsRecords()} prints, and the outbox verifies
 * every mail against these records instead of DNS.
 */
public final class LocalDkimKeys {

    public static final String SELECTOR = "rflocal";

    /** A tenant's signing identity: its d= domain, the private key file and the public key. */
    public record TenantKey(String tenant, String domain, Path privateKeyFile, PublicKey publicKey) {

        /** The value of the TXT record at {@code <selector>._domainkey.<domain>}. */
        public String txtValue() {
            return "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(publicKey.getEncoded());
        }
    }

    private final Map<String, TenantKey> keys;

    private LocalDkimKeys(Map<String, TenantKey> keys) {
        this.keys = Map.copyOf(keys);
    }

    public static LocalDkimKeys loadOrCreate(Path dir, Tenants tenants) {
        Map<String, TenantKey> keys = new LinkedHashMap<>();
        try {
            Files.createDirectories(dir);
            for (Tenant tenant : tenants.all()) {
                keys.put(tenant.id(), loadOrCreate(dir, tenant));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep DKIM keys in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create a DKIM key", e);
        }
        return new LocalDkimKeys(keys);
    }

    private static TenantKey loadOrCreate(Path dir, Tenant tenant) throws IOException, GeneralSecurityException {
        String from = tenant.mail().from();
        String domain = from.substring(from.indexOf('@') + 1);
        Path privateFile = dir.resolve(tenant.id() + ".pem");
        Path publicFile = dir.resolve(tenant.id() + ".pub");
        if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
            Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
        }
        String base64 = Files.readString(publicFile, StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PublicKey publicKey = KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        return new TenantKey(tenant.id(), domain, privateFile, publicKey);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    /** The notifier's {@code dkim.<tenant>.*} settings. */
    public Map<String, Object> notifierSettings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        keys.values().forEach(key -> {
            settings.put("dkim." + key.tenant() + ".domain", key.domain());
            settings.put("dkim." + key.tenant() + ".selector", SELECTOR);
            settings.put("dkim." + key.tenant() + ".key.file", key.privateKeyFile().toString());
        });
        return settings;
    }

    /** The record each ISP would publish, as a zone-file line, by tenant. */
    public Map<String, String> dnsRecords() {
        Map<String, String> records = new LinkedHashMap<>();
        keys.values().forEach(key -> records.put(key.tenant(),
                SELECTOR + "._domainkey." + key.domain() + ". IN TXT \"" + key.txtValue() + "\""));
        return records;
    }

    /** Answers a verifier's TXT lookups from these keys, without DNS. */
    public PublicKeyRecordRetriever records() {
        return (method, selector, domain) -> keys.values().stream()
                .filter(key -> SELECTOR.equals(selector.toString()) && key.domain().equals(domain.toString()))
                .map(TenantKey::txtValue).findFirst().map(List::of).orElse(List.of());
    }
}
