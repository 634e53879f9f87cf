package io.resetflow.breachfile;

import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Set;

/**
 * The charset a breach file is read in. Files called Shift_JIS come from Japanese Windows systems
 * and are in fact Windows-31J (MS932): strict Shift_JIS lacks its extended characters (①, ㈱, NEC
 * and IBM kanji) and maps ～ and － differently, so they are read as MS932.
 */
final class BreachFileCharsets {

    private static final Set<String> SHIFT_JIS_NAMES = Set.of("shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji",
            "csshiftjis");

    private BreachFileCharsets() {
    }

    static Charset forName(String name) {
        return isShiftJis(name) ? Charset.forName("windows-31j") : Charset.forName(name);
    }

    static boolean isShiftJis(String name) {
        return SHIFT_JIS_NAMES.contains(name.toLowerCase(Locale.ROOT));
    }
}
