package io.resetflow.bench.notifier;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** GreenMail's SMTP server in this JVM, where Postfix is not installed; it shares the CPU with the notifier. */
final class GreenMailSink implements SmtpSink {

    private final GreenMail greenMail;
    private final int port;

    private GreenMailSink(GreenMail greenMail, int port) {
        this.greenMail = greenMail;
        this.port = port;
    }

    static GreenMailSink start(int port) {
        GreenMail greenMail = new GreenMail(new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return new GreenMailSink(greenMail, port);
    }

    @Override
    public String description() {
        return "GreenMail (in this JVM) on " + HOST + ":" + port;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void clear() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException("cannot empty GreenMail: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
