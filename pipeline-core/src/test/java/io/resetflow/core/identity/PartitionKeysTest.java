package io.resetflow.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PartitionKeysTest {

    @Test
    void givesEveryFormOfAnAddressTheSameKey() {
        String plain = PartitionKeys.of(AddressNormalizer.normalize("taro@nifty.com"));

        assertThat(PartitionKeys.of(AddressNormalizer.normalize("TARO@Nifty.com"))).isEqualTo(plain);
        assertThat(PartitionKeys.of(AddressNormalizer.normalize("ｔａｒｏ＠ｎｉｆｔｙ．ｃｏｍ"))).isEqualTo(plain);
    }

    @Test
    void isAFourHexDigitBucketThatDoesNotContainTheAddress() {
        assertThat(PartitionKeys.of("hanako@biglobe.ne.jp")).matches("[0-9a-f]{4}");
    }

    @Test
    void spreadsAddressesOverManyBuckets() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            keys.add(PartitionKeys.of("user" + i + "@nifty.com"));
        }
        assertThat(keys).hasSizeGreaterThan(9_000);
    }
}
