package io.resetflow.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressNormalizerTest {

    /** The address pattern the single-scan check must agree with. */
    private static final Pattern REFERENCE = Pattern.compile(
            "^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$");

    @Test
    void foldsFullWidthAndCaseToTheAsciiForm() {
        assertThat(AddressNormalizer.normalizeValid(" ＴＡＲＯ＠Ｎｉｆｔｙ．ｃｏｍ ")).contains("taro@nifty.com");
        assertThat(AddressNormalizer.normalizeValid("\tTaro.Yamada@Nifty.COM ")).contains("taro.yamada@nifty.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@b.jp", "o'brien+tag@mail.biglobe.ne.jp", "x_1@a-b.c0", "{~}@9.9"})
    void acceptsPlausibleAddresses(String address) {
        assertThat(AddressNormalizer.normalizeValid(address)).contains(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "@b.jp", "a@", "a@b", "a..b@c.jp", ".a@c.jp", "a.@c.jp", "a@b..jp", "a@-b.jp",
        "a@b-.jp", "a@b.jp.", "a@b@c.jp", "a b@c.jp", "a@b_c.jp", "ü@b.jp"})
    void rejectsImplausibleAddresses(String address) {
        assertThat(AddressNormalizer.normalizeValid(address)).isEmpty();
    }

    @Test
    void rejectsDomainLabelsLongerThanSixtyThreeCharacters() {
        assertThat(AddressNormalizer.normalizeValid("a@" + "b".repeat(63) + ".jp")).isPresent();
        assertThat(AddressNormalizer.normalizeValid("a@" + "b".repeat(64) + ".jp")).isEmpty();
    }

    @Test
    void agreesWithTheReferencePatternOnRandomAddressLikeText() {
        // Given strings drawn from the characters that matter to the syntax, in address-like lengths
        String alphabet = "ab09.@-_+!~ A";
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(12);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String candidate = text.toString().toLowerCase(java.util.Locale.ROOT);

            // Then the scan and the pattern give the same verdict
            assertThat(AddressSyntax.isPlausible(candidate)).as(candidate)
                    .isEqualTo(REFERENCE.matcher(candidate).matches());
        }
    }
}
