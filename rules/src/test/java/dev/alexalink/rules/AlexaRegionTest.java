package dev.alexalink.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlexaRegionTest {

    @Test
    void regionsIdsAndHosts() {
        assertThat(AlexaRegion.values())
                .containsExactly(AlexaRegion.NORTH_AMERICA, AlexaRegion.EUROPE, AlexaRegion.FAR_EAST);

        assertThat(AlexaRegion.NORTH_AMERICA.id()).isEqualTo("north-america");
        assertThat(AlexaRegion.NORTH_AMERICA.host()).isEqualTo("pitangui.amazon.com");
        assertThat(AlexaRegion.EUROPE.id()).isEqualTo("europe");
        assertThat(AlexaRegion.EUROPE.host()).isEqualTo("layla.amazon.com");
        assertThat(AlexaRegion.FAR_EAST.id()).isEqualTo("far-east");
        assertThat(AlexaRegion.FAR_EAST.host()).isEqualTo("alexa.amazon.co.jp");
    }

    @Test
    void redirectUri() {
        assertThat(AlexaRegion.LINK_PATH).isEqualTo("/api/skill/link/");
        assertThat(AlexaRegion.NORTH_AMERICA.redirectUri("M2AAAAAAAAAAAA"))
                .isEqualTo("https://pitangui.amazon.com/api/skill/link/M2AAAAAAAAAAAA");
        assertThat(AlexaRegion.EUROPE.redirectUri("M2AAAAAAAAAAAA"))
                .isEqualTo("https://layla.amazon.com/api/skill/link/M2AAAAAAAAAAAA");
        assertThat(AlexaRegion.FAR_EAST.redirectUri("M2AAAAAAAAAAAA"))
                .isEqualTo("https://alexa.amazon.co.jp/api/skill/link/M2AAAAAAAAAAAA");
    }

    @Test
    void fromIdIsTrimmedAndCaseInsensitive() {
        assertThat(AlexaRegion.fromId("north-america")).isEqualTo(AlexaRegion.NORTH_AMERICA);
        assertThat(AlexaRegion.fromId(" Europe ")).isEqualTo(AlexaRegion.EUROPE);
        assertThat(AlexaRegion.fromId("FAR-EAST")).isEqualTo(AlexaRegion.FAR_EAST);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"mars", "NORTH_AMERICA", "north america", "eu", "pitangui.amazon.com"})
    void unknownIdIsRejectedListingTheKnownOnes(String id) {
        assertThatThrownBy(() -> AlexaRegion.fromId(id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown Alexa region '" + id + "' (known: north-america, europe, far-east)");
    }

    @Test
    void fromHostIsExact() {
        assertThat(AlexaRegion.fromHost("pitangui.amazon.com")).isEqualTo(AlexaRegion.NORTH_AMERICA);
        assertThat(AlexaRegion.fromHost("layla.amazon.com")).isEqualTo(AlexaRegion.EUROPE);
        assertThat(AlexaRegion.fromHost("alexa.amazon.co.jp")).isEqualTo(AlexaRegion.FAR_EAST);

        assertThat(AlexaRegion.fromHost("PITANGUI.amazon.com")).isNull();
        assertThat(AlexaRegion.fromHost("pitangui.amazon.com.")).isNull();
        assertThat(AlexaRegion.fromHost("evil.pitangui.amazon.com")).isNull();
        assertThat(AlexaRegion.fromHost("")).isNull();
        assertThat(AlexaRegion.fromHost(null)).isNull();
    }

    @Test
    void idsAndHostsAreListedInOrder() {
        assertThat(AlexaRegion.ids()).isEqualTo("north-america, europe, far-east");
        assertThat(AlexaRegion.hosts()).isEqualTo("pitangui.amazon.com, layla.amazon.com, alexa.amazon.co.jp");
    }

    @Test
    void ofRedirectUriIsTheRegionOfAnAlexaRedirectUrl() {
        for (AlexaRegion region : AlexaRegion.values()) {
            assertThat(AlexaRegion.ofRedirectUri(region.redirectUri("M2AAAAAAAAAAAA")))
                    .contains(region);
        }
        assertThat(AlexaRegion.ofRedirectUri(
                        "https://layla.amazon.com/spa/skill/account-linking-status.html?vendorId=M2A"))
                .contains(AlexaRegion.EUROPE);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "https://pitangui.amazon.com",
                "http://pitangui.amazon.com/api/skill/link/M2A",
                "https://pitangui.amazon.com.evil.example/api/skill/link/M2A",
                "https://evil@pitangui.amazon.com/api/skill/link/M2A",
                "https://pitangui.amazon.com:443/api/skill/link/M2A",
                "https://PITANGUI.amazon.com/api/skill/link/M2A",
                "https://example.com/alexa/link",
                "pitangui.amazon.com/api/skill/link/M2A"
            })
    void ofRedirectUriHasNoRegionForAnyOtherUrl(String uri) {
        assertThat(AlexaRegion.ofRedirectUri(uri)).isEmpty();
    }
}
