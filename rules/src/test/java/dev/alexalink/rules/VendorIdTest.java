package dev.alexalink.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class VendorIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"M2AAAAAAAAAAAA", "m2aaaaaaaaaaaa", "A", "1234567890", "abcDEF123"})
    void lettersAndDigitsAreVendorIds(String vendorId) {
        assertThat(VendorId.problem(vendorId)).isEmpty();
    }

    @Test
    void sixtyFourCharactersAreTheMaximum() {
        assertThat(VendorId.problem("A".repeat(64))).isEmpty();
        assertThat(VendorId.problem("A".repeat(65))).isPresent();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "M2-AAA",
                "M2_AAA",
                "M2 AAA",
                " M2AAAAAAAAAAAA",
                "M2AAAAAAAAAAAA/",
                "M2AAA.evil",
                "M2\u0410AA",
                "M2\u00c4AA",
                "M2AAA?x=1",
                "../M2AAA",
                "*"
            })
    void otherValuesAreNotVendorIds(String vendorId) {
        assertThat(VendorId.problem(vendorId))
                .hasValueSatisfying(problem -> assertThat(problem)
                        .contains("vendor ID '" + vendorId + "'")
                        .contains("1 to 64 letters and digits")
                        .contains("M2AAAAAAAAAAAA"));
    }

    @Test
    void placeholderNamesTheVariable() {
        assertThat(VendorId.problem("${ALEXA_VENDOR_ID}"))
                .hasValueSatisfying(problem -> assertThat(problem)
                        .contains("vendor ID '${ALEXA_VENDOR_ID}'")
                        .contains("environment variable ALEXA_VENDOR_ID"));
    }
}
