package io.resetflow.notifier.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** Parses one plain address strictly (no groups, no lists, no display-name tricks). */
public final class MailAddresses {

    private MailAddresses() {
    }

    public static InternetAddress parse(String field, String value) {
        HeaderText.require(field, value);
        try {
            InternetAddress[] parsed = InternetAddress.parse(value.strip(), true);
            if (parsed.length != 1 || parsed[0].isGroup() || parsed[0].getPersonal() != null) {
                throw new IllegalArgumentException(field + " must be exactly one plain address");
            }
            parsed[0].validate();
            return parsed[0];
        } catch (AddressException e) {
            throw new IllegalArgumentException(field + " is not a valid address: " + e.getMessage(), e);
        }
    }

    public static String domainOf(InternetAddress address) {
        String text = address.getAddress();
        return text.substring(text.lastIndexOf('@') + 1);
    }
}
