package io.resetflow.notifier.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.resetflow.avro.NoticeKind;
import io.resetflow.avro.RecipientChannel;
import io.resetflow.notifier.Requests;
import org.junit.jupiter.api.Test;

/** The addresses on file, in the order they are tried. */
class RecipientTest {

    @Test
    void triesTheContactAddressFirstThenTheMailbox() {
        var request = Requests.builder("nifty", NoticeKind.INITIAL_NOTICE, "mbx-1")
                .setMailboxAddress("taro@nifty.com").setContactAddress("taro-home@example.jp").build();

        assertThat(Recipient.candidates(request)).containsExactly(
                new Recipient("taro-home@example.jp", RecipientChannel.CONTACT_ADDRESS, true),
                new Recipient("taro@nifty.com", RecipientChannel.MAILBOX, true));
        assertThat(Recipient.of(request)).isEqualTo(Recipient.candidates(request).get(0));
    }

    @Test
    void hasOnlyTheMailboxWithoutAContactAddress() {
        var request = Requests.builder("nifty", NoticeKind.INITIAL_NOTICE, "mbx-2")
                .setMailboxAddress("hanako@nifty.com").setContactAddress(" ").build();

        assertThat(Recipient.candidates(request))
                .containsExactly(new Recipient("hanako@nifty.com", RecipientChannel.MAILBOX, false));
    }

    @Test
    void triesAContactAddressThatIsTheMailboxOnlyOnce() {
        var request = Requests.builder("nifty", NoticeKind.INITIAL_NOTICE, "mbx-3")
                .setMailboxAddress("jiro@nifty.com").setContactAddress("Jiro@Nifty.com").build();

        assertThat(Recipient.candidates(request))
                .containsExactly(new Recipient("Jiro@Nifty.com", RecipientChannel.CONTACT_ADDRESS, true));
    }
}
