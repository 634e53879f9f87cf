package io.resetflow.notifier.send;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which relay answers bounce one address, which hold the tenant, and which are tried again. */
class ReplyClassTest {

    @Test
    void acceptsA2xx() {
        assertThat(ReplyClass.of(new SendResult(250, "250 2.0.0 queued", SmtpStage.DATA))).isEqualTo(ReplyClass.ACCEPTED);
    }

    @Test
    void triesA4xxAgainAndSlowsDownOn421And450() {
        SendResult greylisted = new SendResult(451, "451 4.7.1 greylisted", SmtpStage.RCPT_TO);
        SendResult busy = new SendResult(450, "450 4.2.1 mailbox busy", SmtpStage.RCPT_TO);
        assertThat(ReplyClass.of(greylisted)).isEqualTo(ReplyClass.TRANSIENT);
        assertThat(ReplyClass.of(busy)).isEqualTo(ReplyClass.TRANSIENT);
        assertThat(ReplyClass.asksToSlowDown(greylisted)).isFalse();
        assertThat(ReplyClass.asksToSlowDown(busy)).isTrue();
    }

    @Test
    void holdsTheRelayWhenThereIsNoReplyAtAll() {
        assertThat(ReplyClass.of(SendResult.noReply("Couldn't connect to host, port: 127.0.0.1, 1; timeout -1")))
                .isEqualTo(ReplyClass.RELAY_UNREACHABLE);
    }

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource(delimiter = '|', value = {
            "550 5.1.1 <taro@example.jp>: Recipient address rejected: User unknown | RCPT_TO",
            "550 5.1.10 Recipient address rejected: null MX                         | RCPT_TO",
            "553 5.1.3 bad recipient address syntax                                | RCPT_TO",
            "552 5.2.2 mailbox full                                                | RCPT_TO",
            "550 5.2.1 mailbox disabled                                            | RCPT_TO",
            "550 5.1.1 user unknown                                                | UNKNOWN",
            "550 Requested action not taken: mailbox unavailable, user unknown     | RCPT_TO",
            "551 User not local; please try <forward@example.jp>                   | RCPT_TO",
            "553 mailbox name not allowed: account disabled                        | RCPT_TO",
            "550 mailbox full                                                      | RCPT_TO"})
    void bouncesOnlyTheAddressOnARecipientLevelFailure(String reply, SmtpStage stage) {
        assertThat(ReplyClass.of(result(reply, stage))).isEqualTo(ReplyClass.RECIPIENT_REJECTED);
    }

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource(delimiter = '|', value = {
            "554 5.7.1 <taro@example.jp>: Relay access denied                      | RCPT_TO",
            "550 5.7.1 message rejected by policy                                  | RCPT_TO",
            "550 5.7.26 unauthenticated mail is prohibited                         | DATA",
            "553 5.1.8 sender address domain does not exist                        | RCPT_TO",
            "550 5.1.7 bad sender mailbox address syntax                           | RCPT_TO",
            "550 5.1.0 sender rejected                                             | MAIL_FROM",
            "550 user unknown                                                      | MAIL_FROM",
            "552 5.3.4 message size exceeds fixed limit                            | DATA",
            "554 transaction failed                                                | DATA",
            "535 5.7.8 authentication credentials invalid                          | CONNECT",
            "554 no SMTP service here                                              | CONNECT",
            "550 rejected                                                          | RCPT_TO",
            "554 5.0.0 service unavailable                                         | RCPT_TO"})
    void holdsTheRelayOnASenderPolicyAuthenticationOrGreetingRejection(String reply, SmtpStage stage) {
        assertThat(ReplyClass.of(result(reply, stage))).isEqualTo(ReplyClass.RELAY_REJECTED);
    }

    @Test
    void namesTheSameFailureByCodeAndEnhancedStatus() {
        assertThat(ReplyClass.signature(result("550 5.1.1 <a@example.jp>: user unknown", SmtpStage.RCPT_TO)))
                .isEqualTo(ReplyClass.signature(result("550 5.1.1 <b@example.jp>: no such user", SmtpStage.RCPT_TO)))
                .isEqualTo("550 5.1.1");
        assertThat(ReplyClass.signature(result("550 mailbox full", SmtpStage.RCPT_TO))).isEqualTo("550");
    }

    private static SendResult result(String reply, SmtpStage stage) {
        return new SendResult(Integer.parseInt(reply.substring(0, 3)), reply, stage);
    }
}
