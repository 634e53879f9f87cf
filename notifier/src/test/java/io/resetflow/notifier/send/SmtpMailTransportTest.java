package io.resetflow.notifier.send;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.resetflow.notifier.Mails;
import io.resetflow.notifier.Requests;
import io.resetflow.notifier.ScriptedSmtpServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmtpMailTransportTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Test
    void deliversANoticeToGreenMailWithItsJapaneseSubjectIntact() throws Exception {
        try (SmtpMailTransport transport = new SmtpMailTransport(
                SmtpSettings.plain("127.0.0.1", GREEN_MAIL.getSmtp().getPort(), 2))) {
            SendResult result = transport.send(Mails.notice(Requests.initial("ctc", "mbx-1", "hanako@commufa.jp")));

            assertThat(ReplyClass.of(result)).isEqualTo(ReplyClass.ACCEPTED);
            assertThat(result.code()).isEqualTo(250);
            MimeMessage received = GREEN_MAIL.getReceivedMessagesForDomain("commufa.jp")[0];
            assertThat(received.getSubject()).startsWith("【重要】Commufa Hikari");
            assertThat(received.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        }
    }

    @Test
    void withdrawsAMailWhoseWindowClosedWhileItWaitedForItsTurn() throws Exception {
        try (ScriptedSmtpServer relay = new ScriptedSmtpServer();
             SmtpMailTransport transport = new SmtpMailTransport(SmtpSettings.plain("127.0.0.1", relay.port(), 1))) {
            SendResult late = transport.send(Mails.notice(Requests.initial("jcom", "mbx-late", "late@zaq.ne.jp")),
                    () -> false);
            SendResult inTime = transport.send(Mails.notice(Requests.initial("jcom", "mbx-ok", "ok@zaq.ne.jp")),
                    () -> true);

            assertThat(late.withdrawn()).isTrue();
            assertThat(inTime.code()).isEqualTo(250);
            assertThat(relay.acceptedFor("late@zaq.ne.jp")).isZero();
            assertThat(relay.messages()).hasSize(1);
        }
    }

    @Test
    void reusesItsConnectionsForManyMails() throws Exception {
        try (ScriptedSmtpServer relay = new ScriptedSmtpServer();
             SmtpMailTransport transport = new SmtpMailTransport(SmtpSettings.plain("127.0.0.1", relay.port(), 2))) {
            for (int i = 0; i < 20; i++) {
                transport.send(Mails.notice(Requests.initial("jcom", "mbx-" + i, "u" + i + "@zaq.ne.jp")));
            }

            assertThat(relay.messages()).hasSize(20);
            assertThat(relay.connectionsOpened()).isBetween(1, 2);
        }
    }

    @Test
    void reportsARecipientRejectionWithItsCodeTextAndStage() throws Exception {
        try (ScriptedSmtpServer relay = new ScriptedSmtpServer().script("gone@zaq.ne.jp", "550 5.1.1 user unknown");
             SmtpMailTransport transport = new SmtpMailTransport(SmtpSettings.plain("127.0.0.1", relay.port(), 1))) {
            SendResult result = transport.send(Mails.notice(Requests.initial("jcom", "m", "gone@zaq.ne.jp")));

            assertThat(ReplyClass.of(result)).isEqualTo(ReplyClass.RECIPIENT_REJECTED);
            assertThat(result.code()).isEqualTo(550);
            assertThat(result.stage()).isEqualTo(SmtpStage.RCPT_TO);
            assertThat(result.reply()).contains("user unknown");
        }
    }

    @Test
    void reportsAPolicyRejectionOfARecipientAsTheRelays() throws Exception {
        try (ScriptedSmtpServer relay = new ScriptedSmtpServer().script("x@zaq.ne.jp", "554 5.7.1 Relay access denied");
             SmtpMailTransport transport = new SmtpMailTransport(SmtpSettings.plain("127.0.0.1", relay.port(), 1))) {
            SendResult result = transport.send(Mails.notice(Requests.initial("jcom", "m", "x@zaq.ne.jp")));

            assertThat(result.stage()).isEqualTo(SmtpStage.RCPT_TO);
            assertThat(ReplyClass.of(result)).isEqualTo(ReplyClass.RELAY_REJECTED);
        }
    }

    @Test
    void reportsASenderRejectionAtMailFromAsTheRelaysEvenWithAMailboxCode() throws Exception {
        try (ScriptedSmtpServer relay = new ScriptedSmtpServer().scriptMailFrom("550 user unknown");
             SmtpMailTransport transport = new SmtpMailTransport(SmtpSettings.plain("127.0.0.1", relay.port(), 1))) {
            SendResult result = transport.send(Mails.notice(Requests.initial("jcom", "m", "x@zaq.ne.jp")));

            assertThat(result.code()).isEqualTo(550);
            assertThat(result.stage()).isEqualTo(SmtpStage.MAIL_FROM);
            assertThat(ReplyClass.of(result)).isEqualTo(ReplyClass.RELAY_REJECTED);
        }
    }

    @Test
    void reportsATemporaryRejectionAndAcceptsTheRetryOnTheSamePool() throws Exception {
        try (ScriptedSmtpServer relay = new ScriptedSmtpServer().script("busy@zaq.ne.jp", "451 4.7.1 try again later");
             SmtpMailTransport transport = new SmtpMailTransport(SmtpSettings.plain("127.0.0.1", relay.port(), 1))) {
            SendResult first = transport.send(Mails.notice(Requests.initial("jcom", "m", "busy@zaq.ne.jp")));
            SendResult retry = transport.send(Mails.notice(Requests.initial("jcom", "m", "busy@zaq.ne.jp")));

            assertThat(ReplyClass.of(first)).isEqualTo(ReplyClass.TRANSIENT);
            assertThat(first.code()).isEqualTo(451);
            assertThat(ReplyClass.of(retry)).isEqualTo(ReplyClass.ACCEPTED);
            assertThat(relay.acceptedFor("busy@zaq.ne.jp")).isEqualTo(1);
        }
    }

    @Test
    void recognisesA421AsARequestToSlowDownAndReconnects() throws Exception {
        try (ScriptedSmtpServer relay = new ScriptedSmtpServer().script("x@zaq.ne.jp", "421 4.7.0 too many messages");
             SmtpMailTransport transport = new SmtpMailTransport(SmtpSettings.plain("127.0.0.1", relay.port(), 1))) {
            SendResult first = transport.send(Mails.notice(Requests.initial("jcom", "m", "x@zaq.ne.jp")));
            SendResult retry = transport.send(Mails.notice(Requests.initial("jcom", "m", "x@zaq.ne.jp")));

            assertThat(ReplyClass.asksToSlowDown(first)).isTrue();
            assertThat(ReplyClass.of(first)).isEqualTo(ReplyClass.TRANSIENT);
            assertThat(ReplyClass.of(retry)).isEqualTo(ReplyClass.ACCEPTED);
            assertThat(relay.connectionsOpened()).isEqualTo(2);
        }
    }

    @Test
    void reportsAnUnreachableRelayWithoutCode() throws Exception {
        int closedPort;
        try (ScriptedSmtpServer gone = new ScriptedSmtpServer()) {
            closedPort = gone.port();
        }
        try (SmtpMailTransport transport = new SmtpMailTransport(SmtpSettings.plain("127.0.0.1", closedPort, 1))) {
            SendResult result = transport.send(Mails.notice(Requests.initial("jcom", "m", "a@zaq.ne.jp")));

            assertThat(ReplyClass.of(result)).isEqualTo(ReplyClass.RELAY_UNREACHABLE);
            assertThat(result.code()).isNull();
            assertThat(result.reply()).isNotBlank();
        }
    }
}
