package io.resetflow.notifier.send;

import io.resetflow.notifier.mail.OutgoingMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.NoSuchProviderException;
import jakarta.mail.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends over a fixed pool of SMTP connections to one relay. A connection is opened on first use and
 * kept for the next mails; it is dropped after a transient failure (the relay may have closed it) or
 * when it sat idle too long, and reopened by the next mail.
 */
public final class SmtpMailTransport implements MailTransport {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpMailTransport.class);

    private final SmtpSettings settings;
    private final Session session;
    /** Last in, first out: a light load keeps using one warm connection and leaves the others closed. */
    private final BlockingDeque<PooledConnection> idle;
    private final List<PooledConnection> all = new ArrayList<>();

    public SmtpMailTransport(SmtpSettings settings) {
        this.settings = settings;
        this.session = Session.getInstance(sessionProperties(settings));
        this.idle = new LinkedBlockingDeque<>(settings.connections());
        for (int i = 0; i < settings.connections(); i++) {
            PooledConnection connection = new PooledConnection(newTransport());
            all.add(connection);
            idle.addFirst(connection);
        }
    }

    public SmtpSettings settings() {
        return settings;
    }

    @Override
    public SendResult send(OutgoingMail mail) {
        PooledConnection connection;
        try {
            connection = idle.takeFirst();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.noReply("interrupted before sending");
        }
        try {
            return connection.send(mail);
        } finally {
            idle.addFirst(connection);
        }
    }

    @Override
    public void close() {
        all.forEach(PooledConnection::close);
    }

    private SMTPTransport newTransport() {
        try {
            return (SMTPTransport) session.getTransport("smtp");
        } catch (NoSuchProviderException e) {
            throw new IllegalStateException("the Angus SMTP provider is missing", e);
        }
    }

    private static Properties sessionProperties(SmtpSettings settings) {
        Properties properties = new Properties();
        String timeout = Long.toString(settings.timeout().toMillis());
        properties.put("mail.smtp.host", settings.host());
        properties.put("mail.smtp.port", Integer.toString(settings.port()));
        properties.put("mail.smtp.connectiontimeout", timeout);
        properties.put("mail.smtp.timeout", timeout);
        properties.put("mail.smtp.writetimeout", timeout);
        properties.put("mail.smtp.localhost", settings.heloName());
        properties.put("mail.smtp.auth", Boolean.toString(settings.username().isPresent()));
        properties.put("mail.smtp.starttls.enable", Boolean.toString(settings.startTls()));
        properties.put("mail.smtp.starttls.required", Boolean.toString(settings.startTls()));
        // Do not wait for the reply to QUIT when closing: the mails are already accepted or not.
        properties.put("mail.smtp.quitwait", "false");
        return properties;
    }

    private final class PooledConnection {

        private final SMTPTransport transport;
        private long lastUsedNanos;
        /** Tracked here: SMTPTransport.isConnected() costs a NOOP round trip per mail. */
        private boolean open;

        PooledConnection(SMTPTransport transport) {
            this.transport = transport;
        }

        SendResult send(OutgoingMail mail) {
            try {
                ensureOpen();
                transport.sendMessage(new WireMessage(session, mail.sender(), mail.content()),
                        new Address[] {mail.recipient()});
                lastUsedNanos = System.nanoTime();
                return new SendResult(transport.getLastReturnCode(), transport.getLastServerResponse().strip());
            } catch (MessagingException e) {
                SendResult result = SmtpFailures.toResult(e);
                if (ReplyClass.of(result) != ReplyClass.PERMANENT) {
                    close();
                }
                lastUsedNanos = System.nanoTime();
                return result;
            } catch (RuntimeException e) {
                // A broken socket sometimes surfaces unchecked from deep inside the stream code.
                close();
                return SendResult.noReply(SmtpFailures.describe(e));
            }
        }

        private void ensureOpen() throws MessagingException {
            boolean stale = System.nanoTime() - lastUsedNanos > settings.idleReconnect().toNanos();
            if (open && stale) {
                close();
            }
            if (!open) {
                transport.connect(settings.host(), settings.port(), settings.username().orElse(null),
                        settings.password().orElse(null));
                open = true;
            }
        }

        void close() {
            open = false;
            try {
                transport.close();
            } catch (MessagingException e) {
                LOG.debug("closing SMTP connection to {} failed: {}", settings.host(), e.getMessage());
            }
        }
    }
}
