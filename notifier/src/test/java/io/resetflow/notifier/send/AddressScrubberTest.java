package io.resetflow.notifier.send;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressScrubberTest {

    @Test
    void replacesBracketedAddresses() {
        assertThat(AddressScrubber.scrub("550 5.1.1 <taro.yamada@example-mailbox.jp>: Recipient address rejected"))
                .isEqualTo("550 5.1.1 <address>: Recipient address rejected");
    }

    @Test
    void replacesBareAddressesWhereverTheyStand() {
        assertThat(AddressScrubber.scrub("550 5.1.1 taro+news@example.jp... User unknown (was: hanako@mail.example.jp)"))
                .isEqualTo("550 5.1.1 <address>... User unknown (was: <address>)");
    }

    @Test
    void replacesEveryAddressOfAMultiLineReply() {
        assertThat(AddressScrubber.scrub("551-5.1.6 <old@example.jp> has moved\n551 5.1.6 try new@example.jp"))
                .isEqualTo("551-5.1.6 <address> has moved\n551 5.1.6 try <address>");
    }

    @Test
    void leavesTextWithoutAnAddressAsItIs() {
        assertThat(AddressScrubber.scrub("451 4.7.1 greylisted, try again in 300 s")).isEqualTo("451 4.7.1 greylisted, try again in 300 s");
        assertThat(AddressScrubber.scrub(null)).isNull();
    }
}
