package io.resetflow.bench.notifier;

import io.resetflow.notifier.mail.MessageSigner;
import io.resetflow.notifier.mail.OutgoingMail;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;

/**
 * The ceiling of the signed rate: every core doing nothing but DKIM signatures of the same notices
 * (cores ÷ CPU time per signature, measured on one thread). The RSA-2048 signature is most of a
 * signed mail's CPU, so the notifier's signed rate is reported as a share of this.
 */
final class SigningCeiling {

    /** CPU per signature in milliseconds, the cores, the signatures per second they could make, the provider. */
    record Result(double cpuMillisPerSignature, int cores, double signaturesPerSecond, String provider) {
    }

    private SigningCeiling() {
    }

    static Result measure(BenchNotices unsigned, MessageSigner signer, int signatures) {
        List<OutgoingMail> mails = new ArrayList<>(signatures);
        for (int i = 0; i < signatures; i++) {
            mails.add(unsigned.notice(i));
        }
        for (OutgoingMail mail : mails) {
            signer.sign(mail.tenant(), mail.content());
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        for (OutgoingMail mail : mails) {
            signer.sign(mail.tenant(), mail.content());
        }
        double cpuMillis = (threads.getCurrentThreadCpuTime() - start) / 1e6 / signatures;
        int cores = Runtime.getRuntime().availableProcessors();
        return new Result(cpuMillis, cores, cores * 1000 / cpuMillis, provider());
    }

    private static String provider() {
        try {
            return Signature.getInstance("SHA256withRSA").getProvider().getName();
        } catch (NoSuchAlgorithmException e) {
            return "none";
        }
    }
}
