package io.resetflow.synthetic;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Plausible Japanese ISP mailbox local parts. Each carries a suffix derived one-to-one from its
 * index, so addresses are unique without remembering any of them.
 */
final class SyntheticMailboxes {

    private static final List<String> SURNAMES = List.of("sato", "suzuki", "takahashi", "tanaka", "watanabe", "ito",
            "yamamoto", "nakamura", "kobayashi", "kato", "yoshida", "yamada", "sasaki", "yamaguchi", "matsumoto",
            "inoue", "kimura", "hayashi", "shimizu", "yamazaki", "mori", "abe", "ikeda", "hashimoto", "ishikawa");
    private static final List<String> GIVEN_NAMES = List.of("hiroshi", "takashi", "akira", "yuki", "kenji", "taro",
            "hanako", "yoko", "keiko", "naoko", "daisuke", "shota", "haruka", "misaki", "ryota", "sakura", "kazuo",
            "emi", "tomoko", "makoto", "jun", "aya", "kaito", "yui", "sora");
    private static final List<String> CONTACT_DOMAINS = List.of("gmail.com", "yahoo.co.jp", "docomo.ne.jp",
            "ezweb.ne.jp", "softbank.ne.jp", "icloud.com", "outlook.jp");
    static final List<String> FOREIGN_DOMAINS = List.of("example.net", "gmail.com", "yahoo.co.jp", "outlook.jp",
            "so-net.ne.jp", "ocn.ne.jp");

    /** Odd, so multiplying by it permutes the 40-bit index space. */
    private static final long SCRAMBLE = 0x9E3779B97L;
    private static final long MASK = (1L << 40) - 1;

    private SyntheticMailboxes() {
    }

    static String localPart(long index, SplittableRandom random) {
        String surname = pick(SURNAMES, random);
        String given = pick(GIVEN_NAMES, random);
        String name = switch (random.nextInt(4)) {
            case 0 -> given + "." + surname;
            case 1 -> given.charAt(0) + "-" + surname;
            case 2 -> surname + "_" + given;
            default -> surname + given.charAt(0);
        };
        // The suffix follows the last '.', and contains none, so distinct indexes never collide.
        return name + "." + Long.toString((index * SCRAMBLE) & MASK, 36);
    }

    static String contactAddress(SplittableRandom random) {
        return pick(GIVEN_NAMES, random) + "." + pick(SURNAMES, random) + random.nextInt(10_000) + "@"
                + pick(CONTACT_DOMAINS, random);
    }

    static <T> T pick(List<T> items, SplittableRandom random) {
        return items.get(random.nextInt(items.size()));
    }

    /** The address in full-width form (ａ, ＠, ．): NFKC turns it back. */
    static String fullWidth(String address) {
        StringBuilder wide = new StringBuilder(address.length());
        address.chars().forEach(c -> wide.append(c > 0x20 && c < 0x7f ? (char) (c + 0xFEE0) : (char) c));
        return wide.toString();
    }
}
