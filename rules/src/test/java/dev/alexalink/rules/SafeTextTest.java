package dev.alexalink.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeTextTest {

    @Test
    void escapesControlFormatAndLineSeparatorCharacters() {
        assertThat(SafeText.of("a\nb\u0000c\u2028d\u202Ee\uFEFF"))
                .isEqualTo("a\\u000ab\\u0000c\\u2028d\\u202ee\\ufeff");
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

    @Test
    void forErrorPageKeepsQuotedMarkupAndEntitiesFromBecomingTags() {
        assertThat(SafeText.forErrorPage(
                        "redirect URI 'https://evil.example/</p><a href=\"https://x/\">x</a>&lt;img&gt;' is refused"))
                .isEqualTo(
                        "redirect URI 'https://evil.example/\\u003c/p\\u003e\\u003ca href=\"https://x/\"\\u003ex\\u003c/a\\u003e"
                                + "\\u0026lt;img\\u0026gt;' is refused");
        assertThat(SafeText.forErrorPage("the state parameter is 16385 characters long, over this server's limit"))
                .as("text without markup stays as it is")
                .isEqualTo("the state parameter is 16385 characters long, over this server's limit");
        assertThat(SafeText.forErrorPage(null)).isNull();
    }
}
