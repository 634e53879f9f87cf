package io.resetflow.core.config;

import java.util.regex.Pattern;

/**
 * What a logged setting may show. Keys that name secret material (passwords, JAAS lines, tokens,
 * SSL keys and keystores given inline, registry credentials) show {@code [hidden]}; any value with
 * credentials inside a URL ({@code https://user:pass@host}) shows the URL without them.
 */
public final class Redaction {

    public static final String HIDDEN = "[hidden]";
    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i).*(password|passwd|secret|jaas|token|credential|user\\.info|private|"
                    + "ssl\\.keystore\\.key|ssl\\.keystore\\.certificate\\.chain|ssl\\.truststore\\.certificates|"
                    + "\\.key$|apikey|api\\.key).*");
    private static final Pattern URL_CREDENTIALS = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://)[^/@\\s:]+(:[^/@\\s]*)?@");

    private Redaction() {
    }

    public static boolean isSecretKey(String key) {
        return SECRET_KEY.matcher(key).matches();
    }

    /** The value as it may be logged under the key. */
    public static String shown(String key, Object value) {
        if (isSecretKey(key)) {
            return HIDDEN;
        }
        return URL_CREDENTIALS.matcher(String.valueOf(value)).replaceAll("$1" + HIDDEN + "@");
    }
}
