package io.resetflow.local.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.PublicKeyRecordRetriever;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stack's SMTP server (GreenMail), which also lets one read what was sent: every
 * accepted mail lands in one IMAP mailbox ({@value #OUTBOX_LOGIN} / {@value #OUTBOX_PASSWORD}) and
 * in the outbox page's list of recent mails. Old mails are purged so that a long run with many
 * thousands of notices keeps a flat heap.
 */
public final class LocalMailServer implements AutoCloseable {

    public static final String OUTBOX_LOGIN = "outbox";
    public static final String OUTBOX_PASSWORD = "outbox";
    private static final String OUTBOX_ADDRESS = "outbox@resetflow.local";
    private static final int RECENT = 300;
    private static final int KEEP_IN_MAILBOX = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(LocalMailServer.class);

    private final GreenMail greenMail;
    private final ArrayDeque<SentMail> recent = new ArrayDeque<>(RECENT);
    private final AtomicLong accepted = new AtomicLong();
    private final ScheduledExecutorService purger = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "local-mail-purge");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong dkimFailures = new AtomicLong();
    private final PublicKeyRecordRetriever dkimRecords;
    private GreenMailUser outbox;

    /** {@code dkimRecords}: the DKIM keys the senders publish, for the outbox's verification. */
    public LocalMailServer(int smtpPort, int imapPort, PublicKeyRecordRetriever dkimRecords) {
        this.dkimRecords = dkimRecords;
        this.greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
                .withConfiguration(GreenMailConfiguration.aConfig()
                        .withUser(OUTBOX_ADDRESS, OUTBOX_LOGIN, OUTBOX_PASSWORD));
    }

    public LocalMailServer start() {
        greenMail.start();
        outbox = greenMail.getUserManager().getUser(OUTBOX_LOGIN);
        greenMail.getUserManager().setMessageDeliveryHandler((message, address) -> {
            remember(message.getMessage(), address.getEmail());
            return outbox;
        });
        purger.scheduleWithFixedDelay(this::purgeWhenFull, 10, 10, TimeUnit.SECONDS);
        return this;
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    /** Mails accepted since the server started. */
    public long accepted() {
        return accepted.get();
    }

    /** The most recent mails, newest first. */
    public List<SentMail> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    /** Mails whose DKIM signature was missing or did not verify. */
    public long dkimFailures() {
        return dkimFailures.get();
    }

    private void remember(MimeMessage message, String recipient) throws MessagingException {
        accepted.incrementAndGet();
        String dkim = verifyDkim(message);
        SentMail mail = new SentMail(Instant.now(), String.valueOf(message.getHeader("From", ", ")), recipient,
                String.valueOf(message.getSubject()), String.valueOf(message.getMessageID()), message.getSize(), dkim);
        synchronized (recent) {
            if (recent.size() == RECENT) {
                recent.removeLast();
            }
            recent.addFirst(mail);
        }
    }

    /** "pass d=<domain> s=<selector>", or why not. */
    private String verifyDkim(MimeMessage message) {
        try {
            ByteArrayOutputStream raw = new ByteArrayOutputStream(8_192);
            message.writeTo(raw);
            List<SignatureRecord> verified = new DKIMVerifier(dkimRecords).verify(new ByteArrayInputStream(raw.toByteArray()));
            if (verified == null || verified.isEmpty()) {
                dkimFailures.incrementAndGet();
                return "none";
            }
            SignatureRecord signature = verified.get(0);
            return "pass d=" + signature.getDToken() + " s=" + signature.getSelector();
        } catch (FailException e) {
            dkimFailures.incrementAndGet();
            return "fail: " + e.getMessage();
        } catch (IOException | MessagingException e) {
            dkimFailures.incrementAndGet();
            return "unreadable: " + e.getClass().getSimpleName();
        }
    }

    private void purgeWhenFull() {
        try {
            if (greenMail.getReceivedMessages().length > KEEP_IN_MAILBOX) {
                greenMail.purgeEmailFromAllMailboxes();
            }
        } catch (FolderException | RuntimeException e) {
            LOG.warn("Purging the local outbox failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        purger.shutdownNow();
        greenMail.stop();
    }
}
