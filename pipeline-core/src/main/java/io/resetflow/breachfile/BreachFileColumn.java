package io.resetflow.breachfile;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The columns (CSV headers, JSONL keys) the import reads, with the header names it accepts for
 * each. Header matching ignores case, surrounding spaces, and treats '-' and ' ' as '_'. Any other
 * column is ignored; one whose name suggests a credential ({@link #looksSecret}) is dropped and
 * reported, never read.
 * <pre>
 * address            address, email, e_mail, mail, mail_address, mailbox, email_address
 * tenant             tenant, tenant_id, isp
 * brand              brand, service
 * lifecycle          lifecycle, status, account_status
 * credential_storage credential_storage, storage, storage_kind
 * contact_address    contact_address, contact, contact_email, alt_email
 * account_id         account_id, account, customer_id
 * </pre>
 */
public enum BreachFileColumn {
    ADDRESS("address", "email", "e_mail", "mail", "mail_address", "mailbox", "email_address"),
    TENANT("tenant", "tenant_id", "isp"),
    BRAND("brand", "service"),
    LIFECYCLE("lifecycle", "status", "account_status"),
    CREDENTIAL_STORAGE("credential_storage", "storage", "storage_kind"),
    CONTACT_ADDRESS("contact_address", "contact", "contact_email", "alt_email"),
    ACCOUNT_ID("account_id", "account", "customer_id");

    /** Credential-like names, English and Japanese (パスワード, 暗証番号, ハッシュ, 秘密, 認証, ソルト). */
    private static final Pattern SECRET = Pattern.compile(
            "pass|pwd|hash|secret|salt|credential|pin(_|$)|digest|token|パスワード|ﾊﾟｽﾜｰﾄﾞ|暗証|ハッシュ|秘密|認証|ソルト|合言葉");

    private final List<String> headers;

    BreachFileColumn(String... headers) {
        this.headers = List.of(headers);
    }

    /** The header the generator writes. */
    public String header() {
        return headers.get(0);
    }

    public static Optional<BreachFileColumn> forHeader(String header) {
        String name = canonical(header);
        for (BreachFileColumn column : values()) {
            if (column.headers.contains(name)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    /** Whether an unmapped column may hold a password, hash or other secret. */
    public static boolean looksSecret(String header) {
        return SECRET.matcher(canonical(header)).find();
    }

    static String canonical(String header) {
        return header.strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    }
}
