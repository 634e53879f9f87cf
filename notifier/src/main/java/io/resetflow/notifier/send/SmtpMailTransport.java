package io.resetflow.notifier.send;

import io.resetflow.notifier.mail.OutgoingMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.NoSuchProviderException;
import jakarta.mail.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends over a fixed pool of SMTP connections to one relay, each driven by its own thread that takes
 * the next prepared mail from a queue: a connection goes from one mail to the next without waiting
 * for the preparing thread to be scheduled again, which on a busy machine would leave it idle (so
 * even a light load soon has every connection of the pool open, as many as configured). A
 * connection is opened on first use and kept for the next mails; it is dropped after a transient
 * failure (the relay may have closed it) or when it sat idle too long, and reopened by the next mail.
 */
public final class SmtpMailTransport implements MailTransport {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpMailTransport.class);

    private final SmtpSettings settings;
    private final Session session;
    private final ScheduledThreadPoolExecutor writeTimeouts;
    private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final List<PooledConnection> all = new ArrayList<>();
    private final List<Thread> senders = new ArrayList<>();
    private volatile boolean closed;

    public SmtpMailTransport(SmtpSettings settings) {
        this.settings = settings;
        this.writeTimeouts = writeTimeoutTimer(settings);
        this.session = Session.getInstance(sessionProperties(settings, writeTimeouts));
        for (int i = 0; i < settings.connections(); i++) {
            PooledConnection connection = new PooledConnection(newTransport());
            all.add(connection);
            Thread sender = new Thread(() -> drive(connection), "smtp-" + settings.host() + "-" + i);
            sender.setDaemon(true);
            senders.add(sender);
            sender.start();
        }
    }

    public SmtpSettings settings() {
        return settings;
    }

    /**
     * Waits for the mail's turn on a connection. An interrupted caller withdraws its mail if no
     * connection has taken it yet; once taken, the mail is on the wire and its reply is awaited,
     * so a mail reported as not sent never went out.
     */
    @Override
    public SendResult send(OutgoingMail mail) {
        return send(mail, () -> true);
    }

    /** The window is checked again when a connection takes the mail: a wait in the queue never sends late. */
    @Override
    public SendResult send(OutgoingMail mail, java.util.function.BooleanSupplier stillAllowed) {
        Job job = new Job(mail, stillAllowed, new CompletableFuture<>());
        if (closed) {
            return SendResult.noReply("transport closed before sending");
        }
        queue.add(job);
        if (closed && queue.remove(job)) {
            return SendResult.noReply("transport closed before sending");
        }
        try {
            return job.result().get();
        } catch (InterruptedException e) {
            if (queue.remove(job)) {
                Thread.currentThread().interrupt();
                return SendResult.noReply("interrupted before sending");
            }
            SendResult result = job.result().join();
            Thread.currentThread().interrupt();
            return result;
        } catch (ExecutionException e) {
            return SendResult.noReply(SmtpFailures.describe(e.getCause()));
        }
    }

    @Override
    public void close() {
        closed = true;
        senders.forEach(Thread::interrupt);
        for (Thread sender : senders) {
            try {
                sender.join(settings.timeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (Job left = queue.poll(); left != null; left = queue.poll()) {
            left.result().complete(SendResult.noReply("transport closed before sending"));
        }
        all.forEach(PooledConnection::close);
        writeTimeouts.shutdownNow();
    }

    private void drive(PooledConnection connection) {
        while (!closed) {
            Job job;
            try {
                job = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                job.result().complete(job.stillAllowed().getAsBoolean() ? connection.send(job.mail())
                        : SendResult.WITHDRAWN);
            } catch (RuntimeException e) {
                job.result().completeExceptionally(e);
            }
        }
    }

    private record Job(OutgoingMail mail, java.util.function.BooleanSupplier stillAllowed,
                       CompletableFuture<SendResult> result) {
    }

    private SMTPTransport newTransport() {
        try {
            return (SMTPTransport) session.getTransport("smtp");
        } catch (NoSuchProviderException e) {
            throw new IllegalStateException("the Angus SMTP provider is missing", e);
        }
    }

    /**
     * One timer for the write timeouts of all connections. Angus arms a timer task for every socket
     * write and cancels it when the write returns; on its default, a timer thread per connection, each
     * write woke that connection's timer thread (an eighth of the notifier's CPU at 8 connections). One
     * shared queue holding the writes in progress wakes its thread only when a write comes to an empty
     * queue, and a write stuck on a relay that stopped reading is still cut off.
     */
    private static ScheduledThreadPoolExecutor writeTimeoutTimer(SmtpSettings settings) {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "smtp-write-timeouts-" + settings.host());
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    private static Properties sessionProperties(SmtpSettings settings, ScheduledExecutorService writeTimeouts) {
        Properties properties = new Properties();
        String timeout = Long.toString(settings.timeout().toMillis());
        properties.put("mail.smtp.host", settings.host());
        properties.put("mail.smtp.port", Integer.toString(settings.port()));
        properties.put("mail.smtp.connectiontimeout", timeout);
        properties.put("mail.smtp.timeout", timeout);
        properties.put("mail.smtp.writetimeout", timeout);
        properties.put("mail.smtp.executor.writetimeout", writeTimeouts);
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
                if (ReplyClass.of(result) != ReplyClass.RECIPIENT_REJECTED) {
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
