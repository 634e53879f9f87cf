package io.resetflow.notifier.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Message-ID of a notice is a function of its notification id: a re-sent request carries the same
 * Message-ID, so receiving systems and our own logs can tell a duplicate for what it is.
 */
public final class MessageIds {

    private MessageIds() {
    }

    public static String of(String notificationId, String domain) {
        HeaderText.require("notification id", notificationId);
        HeaderText.require("Message-ID domain", domain);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(notificationId.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(digest, 0, 20) + ".notice@" + domain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
