package dev.alexalink.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeTextTest {

    @Test
    void escapesControlFormatAndLineSeparatorCharacters() {
        assertThat(SafeText.of("a\nb\u0000c\u2028d\u202Ee\uFEFF")).isEqualTo("a\\u000ab\\u0000c\\u2028d\\u202ee\\ufeff");
    }

    @Test
    void keepsOrdinaryText() {
        assertThat(SafeText.of("https://pitangui.amazon.com/api/skill/link/M2AAAAAAAAAAAA"))
                .isEqualTo("https://pitangui.amazon.com/api/skill/link/M2AAAAAAAAAAAA");
        assertThat(SafeText.of(null)).isEqualTo("null");
    }

    @Test
    void cutsLongValuesWithoutSplittingASurrogatePair() {
        String value = "x".repeat(SafeText.MAX_LENGTH - 1) + "\uD83D\uDE00" + "tail";
        String shown = SafeText.of(value);
        assertThat(shown).endsWith("…");
        assertThat(Character.isHighSurrogate(shown.charAt(shown.length() - 2))).isFalse();
        assertThat(shown.length()).isLessThanOrEqualTo(SafeText.MAX_LENGTH + 1);
    }
}
