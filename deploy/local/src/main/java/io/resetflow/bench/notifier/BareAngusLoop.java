package io.resetflow.bench.notifier;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The reference: jakarta.mail (Angus) alone, each thread sending pre-built messages over one
 * connection it keeps open; nothing but the library's own work per mail, in the notifier's JVM set-up
 * (its stream provider pinned, {@code MailStreamProvider.pinAngus}). It has one thread per connection
 * and no preparing threads, since it prepares nothing: the stricter reference, and the one the
 * target counts. The messages are the
 * notifier's own notices for the same requests (same size, same MIME structure), built before the
 * clock starts and held as jakarta.mail keeps a finished message: parsed headers and the encoded body,
 * written back as they are.
 */
final class BareAngusLoop {

    private final Session session;
    private final List<MimeMessage> messages;

    private BareAngusLoop(Session session, List<MimeMessage> messages) {
        this.session = session;
        this.messages = messages;
    }

    /** Builds the notices of the first {@code mails} measured requests up front. */
    static BareAngusLoop prepare(int port, int mails, BenchNotices notices) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", SmtpSink.HOST);
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.quitwait", "false");
        Session session = Session.getInstance(properties);
        List<MimeMessage> messages = new ArrayList<>(mails);
        for (int i = 0; i < mails; i++) {
            messages.add(new MimeMessage(session, new ByteArrayInputStream(notices.notice(i).content())));
        }
        return new BareAngusLoop(session, messages);
    }

    /** Size of one message as written to the wire. */
    int messageBytes() {
        return wireSize(messages.get(0));
    }

    /**
     * Sends {@code mails} of the messages (round and round), untimed: the same untimed mails the
     * notifier's rows get, so both sides are timed on the same compiled code.
     */
    void warmUp(int mails, int connections) throws InterruptedException, ExecutionException {
        send(mails, connections);
    }

    /** Sends every message once, timed. */
    Throughput send(int connections) throws InterruptedException, ExecutionException {
        return send(messages.size(), connections);
    }

    private Throughput send(int mails, int connections) throws InterruptedException, ExecutionException {
        ExecutorService threads = Executors.newFixedThreadPool(connections);
        try {
            CountDownLatch connected = new CountDownLatch(connections);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Void>> done = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                List<MimeMessage> share = share(c, connections, mails);
                done.add(threads.submit(() -> sendAll(share, connected, go)));
            }
            connected.await();
            long start = System.nanoTime();
            go.countDown();
            for (Future<Void> thread : done) {
                thread.get();
            }
            return Throughput.of(mails, start, System.nanoTime());
        } finally {
            threads.shutdownNow();
        }
    }

    private Void sendAll(List<MimeMessage> share, CountDownLatch connected, CountDownLatch go) throws Exception {
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            connected.countDown();
            go.await();
            for (MimeMessage message : share) {
                transport.sendMessage(message, message.getAllRecipients());
            }
        }
        return null;
    }

    private List<MimeMessage> share(int thread, int threads, int mails) {
        List<MimeMessage> share = new ArrayList<>();
        for (int i = thread; i < mails; i += threads) {
            share.add(messages.get(i % messages.size()));
        }
        return share;
    }

    static int wireSize(MimeMessage message) {
        CountingStream counter = new CountingStream();
        try {
            message.writeTo(counter);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        return counter.count;
    }

    private static final class CountingStream extends OutputStream {
        private int count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
