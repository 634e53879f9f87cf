package io.resetflow.notifier.mail;

/**
 * jakarta.mail-api 2.1 looks up its stream provider through a new ServiceLoader scan of the whole
 * classpath on every MIME encode and decode unless the provider is named (jakartaee/mail-api#699,
 * #861); that scan was half of the notifier's CPU per mail. Naming Angus's provider makes it a
 * class lookup. An operator's own setting wins.
 */
public final class MailStreamProvider {

    static final String PROPERTY = "jakarta.mail.util.StreamProvider";
    static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

    private MailStreamProvider() {
    }

    public static void pinAngus() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, ANGUS);
        }
    }
}
