package io.resetflow.tracker.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressMaskTest {

    @Test
    void showsTwoCharactersOfTheLocalPartAndTheWholeDomain() {
        assertThat(AddressMask.mask("abcdef@biglobe.ne.jp")).isEqualTo("ab***@biglobe.ne.jp");
    }

    @Test
    void neverShowsAShortLocalPartWhole() {
        assertThat(AddressMask.mask("ab@nifty.com")).isEqualTo("a***@nifty.com");
        assertThat(AddressMask.mask("a@nifty.com")).isEqualTo("***@nifty.com");
    }

    @Test
    void keepsSurrogatePairsWholeAndMasksWhatIsNotAnAddress() {
        assertThat(AddressMask.mask("\uD83D\uDE00\uD83D\uDE01xyz@example.jp")).isEqualTo("\uD83D\uDE00\uD83D\uDE01***@example.jp");
        assertThat(AddressMask.mask("no-at-sign")).isEqualTo("no***");
        assertThat(AddressMask.mask(null)).isNull();
    }
}
