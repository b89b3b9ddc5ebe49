package dev.alexalink.rules;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static dev.alexalink.rules.SampleSettings.RULES;
import static dev.alexalink.rules.SampleSettings.clientWith;
import static dev.alexalink.rules.SampleSettings.goodClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RedirectUriRuleTest {

    private static final String VENDOR = "M2AAAAAAAAAAAA";
    private static final String OTHER_VENDOR = "M2BBBBBBBBBBBB";

    private static final String NA = "https://pitangui.amazon.com/api/skill/link/" + VENDOR;
    private static final String EU = "https://layla.amazon.com/api/skill/link/" + VENDOR;
    private static final String FE = "https://alexa.amazon.co.jp/api/skill/link/" + VENDOR;

    private static final String LEGACY_NA =
            "https://pitangui.amazon.com/spa/skill/account-linking-status.html?vendorId=" + VENDOR;
    private static final String LEGACY_EU =
            "https://layla.amazon.com/spa/skill/account-linking-status.html?vendorId=" + VENDOR;
    private static final String LEGACY_FE =
            "https://alexa.amazon.co.jp/spa/skill/account-linking-status.html?vendorId=" + VENDOR;

    private static final String APP = "https://app.example.com/alexa/link";

    private static final String CORPUS = ForgedRedirectUris.RESOURCE;

    /** The configuration the forged corpus is checked against: one vendor, all regions, no apps, no legacy page. */
    private static RedirectUriRule defaultRule() {
        return new RedirectUriRule(List.of(VENDOR), List.of(), List.of(), false);
    }

    private static String messageOf(RedirectUriRule rule, String uri) {
        Optional<Violation> violation = rule.check(uri);
        assertThat(violation).as("check(%s)", uri).isPresent();
        assertThat(violation.get().rule()).isEqualTo(RedirectUriRule.NAME);
        return violation.get().message();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Forged corpus
    // ---------------------------------------------------------------------------------------------------------------

    /** Corpus entries as (line as written in the file, decoded URI). */
    static Stream<Arguments> forgedRedirectUris() {
        return readCorpus().stream().map(line -> Arguments.of(line, decode(line)));
    }

    private static List<String> readCorpus() {
        InputStream in = RedirectUriRuleTest.class.getResourceAsStream(CORPUS);
        assertThat(in).as("classpath resource %s", CORPUS).isNotNull();
        return ForgedRedirectUris.read(in).stream()
                .map(ForgedRedirectUris.Entry::asWritten)
                .toList();
    }

    static String decode(String line) {
        return ForgedRedirectUris.decode(line);
    }

    /** How a URI is expected to appear in a message: escaped by {@link SafeText}. */
    private static String printable(String value) {
        return SafeText.of(value);
    }

    @Test
    void corpusHasAtLeast80Entries() {
        assertThat(readCorpus()).hasSizeGreaterThanOrEqualTo(80);
    }

    @Test
    void corpusFileIsPlainAscii() throws IOException {
        try (InputStream in = RedirectUriRuleTest.class.getResourceAsStream(CORPUS)) {
            assertThat(in).isNotNull();
            byte[] bytes = in.readAllBytes();
            for (byte b : bytes) {
                assertThat(b & 0xFF).as("byte in %s", CORPUS).isLessThan(0x80);
            }
        }
    }

    @Test
    void corpusDecoderHandlesEscapesAndKeepsOtherBackslashes() {
        assertThat(decode("a\\u0000b")).isEqualTo("a\u0000b");
        assertThat(decode("pit\\u0430ngui")).isEqualTo("pit\u0430ngui");
        assertThat(decode("x\\u000Ay")).isEqualTo("x\ny");
        assertThat(decode("https://h\\api\\skill")).isEqualTo("https://h\\api\\skill");
        assertThat(decode("https:\\\\host")).isEqualTo("https:\\\\host");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("forgedRedirectUris")
    void forgedRedirectUriIsRefused(String asWritten, String uri) {
        RedirectUriRule rule = defaultRule();

        assertThat(rule.isAllowed(uri)).as("isAllowed(%s)", asWritten).isFalse();

        Optional<Violation> violation = rule.check(uri);
        assertThat(violation).as("check(%s)", asWritten).isPresent();
        assertThat(violation.get().rule()).isEqualTo(RedirectUriRule.NAME);

        String message = violation.get().message();
        String prefix = "redirect URI '" + printable(uri) + "' is refused: ";
        assertThat(message).startsWith(prefix);
        assertThat(message.substring(prefix.length())).as("reason").isNotBlank().hasSizeGreaterThan(10);
        assertThat(message)
                .as("message must not carry raw control characters")
                .doesNotContain("\u0000", "\n", "\r", "\t", "\u007f");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Accepted URLs and the allowed list
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void exactRegionalUrlsAreAccepted() {
        RedirectUriRule rule = defaultRule();
        for (String uri : List.of(NA, EU, FE)) {
            assertThat(rule.isAllowed(uri)).as(uri).isTrue();
            assertThat(rule.check(uri)).as(uri).isEmpty();
        }
    }

    @Test
    void regionalUrlsAreBuiltFromRegionHostsAndLinkPath() {
        assertThat(AlexaRegion.NORTH_AMERICA.redirectUri(VENDOR)).isEqualTo(NA);
        assertThat(AlexaRegion.EUROPE.redirectUri(VENDOR)).isEqualTo(EU);
        assertThat(AlexaRegion.FAR_EAST.redirectUri(VENDOR)).isEqualTo(FE);
    }

    @Test
    void allowedRedirectUrisListsRegionsInFixedOrder() {
        assertThat(defaultRule().allowedRedirectUris()).containsExactly(NA, EU, FE);
    }

    @Test
    void nullRegionsMeanAllRegions() {
        RedirectUriRule rule = new RedirectUriRule(List.of(VENDOR), null, null, false);
        assertThat(rule.allowedRedirectUris()).containsExactly(NA, EU, FE);
    }

    @Test
    void allowedRedirectUrisOrderIsRegionOrderWhateverTheConfiguredOrder() {
        RedirectUriRule rule =
                new RedirectUriRule(List.of(VENDOR), List.of("far-east", "north-america"), List.of(), false);
        assertThat(rule.allowedRedirectUris()).containsExactly(NA, FE);
    }

    @Test
    void allowedRedirectUrisPutsAlexaFirstThenLegacyThenApps() {
        RedirectUriRule rule = new RedirectUriRule(List.of(VENDOR), List.of(), List.of(APP), true);
        assertThat(rule.allowedRedirectUris()).containsExactly(NA, EU, FE, LEGACY_NA, LEGACY_EU, APP);
    }

    @Test
    void allowedRedirectUrisIsUnmodifiable() {
        RedirectUriRule rule = defaultRule();
        assertThatThrownBy(() -> rule.allowedRedirectUris().add("https://evil.example/"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void regionIdsAreTrimmedAndCaseInsensitive() {
        RedirectUriRule rule = new RedirectUriRule(List.of(VENDOR), List.of(" Europe ", "FAR-EAST"), List.of(), false);
        assertThat(rule.allowedRedirectUris()).containsExactly(EU, FE);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Regions subset
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void onlyEuropeRefusesTheOtherRegionsNamingTheRegion() {
        RedirectUriRule rule = new RedirectUriRule(List.of(VENDOR), List.of("europe"), List.of(), false);

        assertThat(rule.allowedRedirectUris()).containsExactly(EU);
        assertThat(rule.check(EU)).isEmpty();

        assertThat(rule.isAllowed(NA)).isFalse();
        assertThat(messageOf(rule, NA))
                .contains("region north-america")
                .contains("pitangui.amazon.com")
                .contains("not enabled");

        assertThat(rule.isAllowed(FE)).isFalse();
        assertThat(messageOf(rule, FE))
                .contains("region far-east")
                .contains("alexa.amazon.co.jp")
                .contains("not enabled");
    }

    @Test
    void duplicateRegionsAreHarmless() {
        RedirectUriRule rule = new RedirectUriRule(List.of(VENDOR), List.of("europe", "europe"), List.of(), false);
        assertThat(rule.allowedRedirectUris()).containsExactly(EU);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Multiple vendor IDs
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void multipleVendorIdsAreAllAllowedInEveryRegion() {
        RedirectUriRule rule = new RedirectUriRule(List.of(VENDOR, OTHER_VENDOR), List.of(), List.of(), false);

        assertThat(rule.allowedRedirectUris())
                .containsExactly(
                        NA,
                        EU,
                        FE,
                        "https://pitangui.amazon.com/api/skill/link/" + OTHER_VENDOR,
                        "https://layla.amazon.com/api/skill/link/" + OTHER_VENDOR,
                        "https://alexa.amazon.co.jp/api/skill/link/" + OTHER_VENDOR);
        assertThat(rule.isAllowed("https://layla.amazon.com/api/skill/link/" + OTHER_VENDOR))
                .isTrue();
    }

    @Test
    void vendorNotConfiguredIsRefusedListingTheConfiguredOnes() {
        RedirectUriRule rule = new RedirectUriRule(List.of(VENDOR, OTHER_VENDOR), List.of(), List.of(), false);

        String message = messageOf(rule, "https://pitangui.amazon.com/api/skill/link/M2CCCCCCCCCCCC");

        assertThat(message).contains("vendor ID 'M2CCCCCCCCCCCC'").contains("[" + VENDOR + ", " + OTHER_VENDOR + "]");
    }

    @Test
    void vendorIdsAreCaseSensitive() {
        RedirectUriRule rule = defaultRule();
        String lower = "https://pitangui.amazon.com/api/skill/link/" + VENDOR.toLowerCase();

        assertThat(rule.isAllowed(lower)).isFalse();
        assertThat(messageOf(rule, lower)).contains("vendor ID '" + VENDOR.toLowerCase() + "'");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // App-to-app URLs
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void appToAppUrlIsAcceptedExactly() {
        RedirectUriRule rule = new RedirectUriRule(List.of(VENDOR), List.of(), List.of(APP), false);

        assertThat(rule.isAllowed(APP)).isTrue();
        assertThat(rule.check(APP)).isEmpty();
        assertThat(rule.isAllowed(NA)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://app.example.com/alexa/link/",
                "https://app.example.com/alexa/link?x=1",
                "https://app.example.com/alexa/link#frag",
                "https://APP.example.com/alexa/link",
                "https://app.example.com/Alexa/link",
                "http://app.example.com/alexa/link",
                "https://app.example.com:443/alexa/link",
                "https://app.example.com./alexa/link",
                "https://app.example.com/alexa/link/../link",
                "https://app.example.com/alexa",
                "https://evil.app.example.com/alexa/link",
                "https://app.example.com.evil.example/alexa/link",
                "https://app.example.com@evil.example/alexa/link",
                "https://app.example.com/alexa/link;x",
                "https://app.example.com/alexa/link%2f",
                "https://app.example.com/alexa/link ",
            })
    void appToAppUrlVariantsAreRefused(String variant) {
        RedirectUriRule rule = new RedirectUriRule(List.of(VENDOR), List.of(), List.of(APP), false);

        assertThat(rule.isAllowed(variant)).isFalse();
        assertThat(rule.check(variant)).isPresent();
    }

    @Test
    void appHostIsNotAnAlexaHost() {
        RedirectUriRule rule = new RedirectUriRule(List.of(VENDOR), List.of(), List.of(APP), false);

        assertThat(messageOf(rule, "https://app.example.com/alexa/other"))
                .contains("host 'app.example.com' is neither an Alexa redirect host");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Legacy status page
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void legacyStatusPageIsAcceptedWhenEnabledForPitanguiAndLaylaOnly() {
        RedirectUriRule rule = new RedirectUriRule(List.of(VENDOR), List.of(), List.of(), true);

        assertThat(rule.isAllowed(LEGACY_NA)).isTrue();
        assertThat(rule.isAllowed(LEGACY_EU)).isTrue();
        assertThat(rule.isAllowed(LEGACY_FE)).isFalse();
        assertThat(rule.check(LEGACY_FE)).isPresent();
        assertThat(rule.allowedRedirectUris()).containsExactly(NA, EU, FE, LEGACY_NA, LEGACY_EU);
    }

    @Test
    void legacyStatusPageIsRefusedWhenDisabled() {
        RedirectUriRule rule = defaultRule();

        assertThat(rule.isAllowed(LEGACY_NA)).isFalse();
        assertThat(rule.isAllowed(LEGACY_EU)).isFalse();
        assertThat(messageOf(rule, LEGACY_NA)).contains("query");
    }

    @Test
    void legacyStatusPageFollowsTheEnabledRegions() {
        RedirectUriRule rule = new RedirectUriRule(List.of(VENDOR), List.of("europe"), List.of(), true);

        assertThat(rule.allowedRedirectUris()).containsExactly(EU, LEGACY_EU);
        assertThat(rule.isAllowed(LEGACY_NA)).isFalse();
    }

    @Test
    void legacyStatusPageOfAnotherVendorIsRefused() {
        RedirectUriRule rule = new RedirectUriRule(List.of(VENDOR), List.of(), List.of(), true);

        assertThat(rule.isAllowed(LEGACY_NA.replace(VENDOR, OTHER_VENDOR))).isFalse();
        assertThat(rule.isAllowed(LEGACY_NA + "&x=1")).isFalse();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Invalid configuration
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void noVendorIdIsInvalid() {
        assertThatThrownBy(() -> new RedirectUriRule(List.of(), List.of(), List.of(), false))
                .isInstanceOf(InvalidRuleConfigurationException.class)
                .hasMessageContaining(RedirectUriRule.NAME)
                .hasMessageContaining("at least one vendor ID is required");
        assertThatThrownBy(() -> new RedirectUriRule(null, List.of(), List.of(), false))
                .isInstanceOf(InvalidRuleConfigurationException.class)
                .hasMessageContaining("at least one vendor ID is required");
    }

    @Test
    void invalidConfigurationIsAnIllegalArgumentException() {
        assertThatThrownBy(() -> new RedirectUriRule(List.of("M2-AAA"), List.of(), List.of(), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyConfigurationProblemIsListed() {
        InvalidRuleConfigurationException e = catchThrowableOfType(
                InvalidRuleConfigurationException.class,
                () -> new RedirectUriRule(
                        List.of("M2-AAA", "${ALEXA_VENDOR_ID}"),
                        List.of("europe", "mars"),
                        List.of(
                                "https://*.example.com/cb",
                                "http://app.example.com/cb",
                                "https://app.example.com/cb?x=1",
                                "https://app.example.com:8443/cb",
                                "https://pitangui.amazon.com/app"),
                        false));

        assertThat(e).isNotNull();
        assertThat(e.problems()).hasSize(8);
        assertThat(e.problems())
                .anySatisfy(p -> assertThat(p).contains("vendor ID 'M2-AAA'").contains("letters and digits"));
        assertThat(e.problems())
                .anySatisfy(p -> assertThat(p).contains("ALEXA_VENDOR_ID").contains("${ALEXA_VENDOR_ID}"));
        assertThat(e.problems())
                .anySatisfy(p -> assertThat(p)
                        .contains("unknown Alexa region 'mars'")
                        .contains("north-america, europe, far-east"));
        assertThat(e.problems())
                .anySatisfy(
                        p -> assertThat(p).contains("https://*.example.com/cb").contains("wildcard"));
        assertThat(e.problems())
                .anySatisfy(
                        p -> assertThat(p).contains("http://app.example.com/cb").contains("https"));
        assertThat(e.problems())
                .anySatisfy(p ->
                        assertThat(p).contains("https://app.example.com/cb?x=1").contains("query"));
        assertThat(e.problems())
                .anySatisfy(p -> assertThat(p)
                        .contains("https://app.example.com:8443/cb")
                        .contains("port"));
        assertThat(e.problems())
                .anySatisfy(p -> assertThat(p)
                        .contains("https://pitangui.amazon.com/app")
                        .contains("points at an Alexa host"));

        // The exception message carries every problem as well.
        for (String problem : e.problems()) {
            assertThat(e.getMessage()).contains(problem);
        }
        assertThat(e.getMessage()).startsWith("Invalid configuration of " + RedirectUriRule.NAME + ": ");
    }

    @Test
    void unresolvedVendorPlaceholderNamesTheVariable() {
        assertThatThrownBy(() -> new RedirectUriRule(List.of("${ALEXA_VENDOR_ID}"), List.of(), List.of(), false))
                .isInstanceOf(InvalidRuleConfigurationException.class)
                .hasMessageContaining("ALEXA_VENDOR_ID")
                .hasMessageContaining("environment variable ALEXA_VENDOR_ID");
    }

    @Test
    void noVendorAndUnknownRegionAreBothReported() {
        InvalidRuleConfigurationException e = catchThrowableOfType(
                InvalidRuleConfigurationException.class,
                () -> new RedirectUriRule(List.of(), List.of("moon"), List.of(), false));

        assertThat(e).isNotNull();
        assertThat(e.problems()).hasSize(2);
        assertThat(e.getMessage())
                .contains("at least one vendor ID is required")
                .contains("unknown Alexa region 'moon'");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://sub.pitangui.amazon.com/app",
                "https://layla.amazon.com/somewhere",
                "https://alexa.amazon.co.jp/api/skill/link/M2AAAAAAAAAAAA",
            })
    void appUrlOnAnAlexaHostIsInvalid(String app) {
        assertThatThrownBy(() -> new RedirectUriRule(List.of(VENDOR), List.of(), List.of(app), false))
                .isInstanceOf(InvalidRuleConfigurationException.class)
                .hasMessageContaining("points at an Alexa host")
                .hasMessageContaining("list vendor IDs instead");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "https://app.example.com/cb#x",
                "https://user@app.example.com/cb",
                "https://app.example.com/../cb",
                "app://callback"
            })
    void malformedAppUrlIsInvalid(String app) {
        assertThatThrownBy(() -> new RedirectUriRule(List.of(VENDOR), List.of(), List.of(app), false))
                .isInstanceOf(InvalidRuleConfigurationException.class)
                .hasMessageContaining("app-to-app redirect URL '" + app + "'");
    }

    /**
     * VendorId.problem(null) and ScopeRule handle a null entry explicitly, and the executor configuration is a JSON list
     * that may contain null; a null entry must be a listed configuration problem, not a NullPointerException.
     */
    @Test
    void nullVendorIdEntryIsAConfigurationProblem() {
        assertThatThrownBy(() -> new RedirectUriRule(Arrays.asList(VENDOR, null), List.of(), List.of(), false))
                .isInstanceOf(InvalidRuleConfigurationException.class)
                .hasMessageContaining("vendor ID 'null'");
    }

    @Test
    void nullAppUrlEntryIsAConfigurationProblem() {
        assertThatThrownBy(() -> new RedirectUriRule(List.of(VENDOR), List.of(), Arrays.asList(APP, null), false))
                .isInstanceOf(InvalidRuleConfigurationException.class)
                .hasMessageContaining("app-to-app redirect URL");
    }

    /** SafeText exists so that messages cannot forge log lines; configuration problems must use it too. */
    @Test
    void configurationProblemsDoNotEchoRawControlCharacters() {
        InvalidRuleConfigurationException e = catchThrowableOfType(
                InvalidRuleConfigurationException.class,
                () -> new RedirectUriRule(
                        List.of(VENDOR), List.of(), List.of("https://pitangui.amazon.com/app\nFAKE LOG LINE"), false));

        assertThat(e).isNotNull();
        assertThat(e.problems()).isNotEmpty();
        assertThat(e.getMessage()).doesNotContain("\n");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // checkRegistered and missingRegionalUris
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void checkRegisteredWithNullOrEmptyListAsksForTheAlexaUrls() {
        RedirectUriRule rule = defaultRule();
        for (List<String> registered : Arrays.<List<String>>asList(null, List.of())) {
            List<Violation> violations = rule.checkRegistered(registered);
            assertThat(violations).hasSize(1);
            assertThat(violations.get(0).rule()).isEqualTo(RedirectUriRule.NAME);
            assertThat(violations.get(0).message())
                    .contains("needs its Alexa redirect URLs")
                    .contains(NA, EU, FE);
        }
    }

    @Test
    void checkRegisteredAcceptsTheExactUrls() {
        assertThat(defaultRule().checkRegistered(List.of(NA, EU, FE))).isEmpty();
        assertThat(defaultRule().checkRegistered(List.of(EU))).isEmpty();
    }

    @Test
    void checkRegisteredReportsEveryRefusedUriInOrder() {
        List<Violation> violations = defaultRule()
                .checkRegistered(List.of(NA, "https://evil.example/cb", EU, "https://pitangui.amazon.com/*"));

        assertThat(violations).hasSize(2);
        assertThat(violations.get(0).message()).contains("https://evil.example/cb");
        assertThat(violations.get(1).message())
                .contains("https://pitangui.amazon.com/*")
                .contains("wildcard");
    }

    @Test
    void anAuthorizationRequestWithOneAllowedRedirectUriPasses() {
        assertThat(defaultRule().checkAuthorizationRequest(List.of(EU), List.of()))
                .isEmpty();
        assertThat(defaultRule().checkAuthorizationRequest(List.of(EU), null)).isEmpty();
    }

    @Test
    void anAuthorizationRequestWithoutRedirectUriIsRefused() {
        for (List<String> none : Arrays.<List<String>>asList(null, List.of())) {
            assertThat(defaultRule().checkAuthorizationRequest(none, List.of()))
                    .extracting(Violation::message)
                    .containsExactly("redirect URI 'null' is refused: redirect_uri is required for Alexa clients");
        }
    }

    @Test
    void aRepeatedRedirectUriIsRefusedNamingEveryValue() {
        List<Violation> violations =
                defaultRule().checkAuthorizationRequest(List.of(NA, "https://evil.example/cb"), List.of());

        assertThat(violations).extracting(Violation::rule).containsExactly(RedirectUriRule.NAME);
        assertThat(violations.get(0).message())
                .isEqualTo("redirect_uri is given 2 times ('" + NA
                        + "', 'https://evil.example/cb'): it must be given once");
    }

    @Test
    void requestObjectsAreRefusedNamingTheParameters() {
        List<Violation> violations =
                defaultRule().checkAuthorizationRequest(List.of(NA), List.of("request", "request_uri"));

        assertThat(violations)
                .extracting(Violation::message)
                .containsExactly(
                        "request object parameter(s) [request, request_uri] are not accepted for Alexa clients: Alexa sends plain parameters");
    }

    @Test
    void everyProblemOfAnAuthorizationRequestIsReported() {
        List<Violation> violations =
                defaultRule().checkAuthorizationRequest(List.of("https://evil.example/cb"), List.of("request_uri"));

        assertThat(violations).hasSize(2);
        assertThat(violations.get(1).message()).startsWith("redirect URI 'https://evil.example/cb' is refused: ");
    }

    @Test
    void missingRegionalUrisListsRegionsNotRegistered() {
        RedirectUriRule rule = defaultRule();

        assertThat(rule.missingRegionalUris(List.of(NA))).containsExactly(EU, FE);
        assertThat(rule.missingRegionalUris(List.of(NA, EU, FE))).isEmpty();
        assertThat(rule.missingRegionalUris(List.of())).containsExactly(NA, EU, FE);
        assertThat(rule.missingRegionalUris(null)).containsExactly(NA, EU, FE);
    }

    @Test
    void missingRegionalUrisIgnoresLegacyAndAppUrlsAndSloppyForms() {
        RedirectUriRule rule = new RedirectUriRule(List.of(VENDOR), List.of(), List.of(APP), true);

        assertThat(rule.missingRegionalUris(List.of(APP, LEGACY_NA, NA + "/", NA.toUpperCase())))
                .containsExactly(NA, EU, FE);
    }

    @Test
    void missingRegionalUrisCoversEveryVendorAndOnlyEnabledRegions() {
        RedirectUriRule rule =
                new RedirectUriRule(List.of(VENDOR, OTHER_VENDOR), List.of("north-america"), List.of(), false);

        assertThat(rule.missingRegionalUris(List.of(NA)))
                .containsExactly("https://pitangui.amazon.com/api/skill/link/" + OTHER_VENDOR);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // pointsAtAlexaHost
    // ---------------------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(
            strings = {
                NA,
                EU,
                FE,
                "HTTPS://PITANGUI.AMAZON.COM/api/skill/link/M2AAAAAAAAAAAA",
                "https://Layla.Amazon.Com/x",
                "https://pitangui.amazon.com:443/api/skill/link/M2AAAAAAAAAAAA",
                "https://pitangui.amazon.com:8443",
                "https://evil.example@pitangui.amazon.com/api/skill/link/M2AAAAAAAAAAAA",
                "https://a@b@alexa.amazon.co.jp/x",
                "https://pitangui.amazon.com./api/skill/link/M2AAAAAAAAAAAA",
                "https://pitangui.amazon.com../x",
                "https://evil.pitangui.amazon.com/x",
                "https://a.b.layla.amazon.com",
                "http://pitangui.amazon.com/api/skill/link/M2AAAAAAAAAAAA",
                "//pitangui.amazon.com/api/skill/link/M2AAAAAAAAAAAA",
                "  https://pitangui.amazon.com/x  ",
                "https://pitangui.amazon.com\\api\\skill",
                "https://pitangui.amazon.com?x",
                "https://pitangui.amazon.com#x",
                "ftp://layla.amazon.com/x",
                "https://pitangui\u3002amazon.com/x",
                "https://pitangui\uFF0Eamazon\uFF0Ecom/x",
                "https://pitangui\uFF61amazon.com/x",
                "https://\uFF50itangui.amazon.com/x",
                "https://pitan\tgui.amazon.com/x",
                "https://pitangui.amazon\u200B.com/x",
                "https:pitangui.amazon.com/api/skill/link/M2AAAAAAAAAAAA",
            })
    void pointsAtAlexaHostForSloppyForms(String uri) {
        assertThat(RedirectUriRule.pointsAtAlexaHost(uri)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://evil.example/",
                "https://evil.example/pitangui.amazon.com",
                "https://evil.example/api/skill/link/M2AAAAAAAAAAAA?u=https://pitangui.amazon.com",
                "https://pitangui.amazon.com@evil.example/api/skill/link/M2AAAAAAAAAAAA",
                "https://pitangui.amazon.com.evil.example/api/skill/link/M2AAAAAAAAAAAA",
                "https://evilpitangui.amazon.com/x",
                "https://www.amazon.com/x",
                "https://amazon.com/x",
                "https://pitangui.amazon.co.uk/x",
                "",
                "https://",
            })
    void doesNotPointAtAlexaHost(String uri) {
        assertThat(RedirectUriRule.pointsAtAlexaHost(uri)).isFalse();
    }

    @Test
    void pointsAtAlexaHostOfNullIsFalse() {
        assertThat(RedirectUriRule.pointsAtAlexaHost(null)).isFalse();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Reasons given for refusals
    // ---------------------------------------------------------------------------------------------------------------

    @Nested
    class Reasons {

        private final RedirectUriRule rule = defaultRule();

        @Test
        void wildcard() {
            assertThat(messageOf(rule, "https://pitangui.amazon.com/*"))
                    .contains("wildcard")
                    .contains("RFC 9700");
        }

        @Test
        void http() {
            assertThat(messageOf(rule, "http://pitangui.amazon.com/api/skill/link/" + VENDOR))
                    .contains("uses http")
                    .contains("https");
        }

        @Test
        void upperCaseScheme() {
            assertThat(messageOf(rule, "HTTPS://pitangui.amazon.com/api/skill/link/" + VENDOR))
                    .contains("must start with https:// (lower case)");
        }

        @Test
        void schemeRelative() {
            assertThat(messageOf(rule, "//pitangui.amazon.com/api/skill/link/" + VENDOR))
                    .contains("scheme-relative")
                    .contains("https://");
        }

        @Test
        void otherScheme() {
            assertThat(messageOf(rule, "javascript:alert(1)")).contains("other schemes are not allowed");
            assertThat(messageOf(rule, "data:text/html,x")).contains("other schemes are not allowed");
        }

        @Test
        void port() {
            assertThat(messageOf(rule, "https://pitangui.amazon.com:443/api/skill/link/" + VENDOR))
                    .contains("port");
        }

        @Test
        void userinfo() {
            assertThat(messageOf(rule, "https://evil.example@pitangui.amazon.com/api/skill/link/" + VENDOR))
                    .contains("userinfo");
            assertThat(messageOf(rule, "https://pitangui.amazon.com@evil.example/api/skill/link/" + VENDOR))
                    .contains("userinfo");
        }

        @Test
        void backslash() {
            assertThat(messageOf(rule, "https://pitangui.amazon.com\\api\\skill\\link\\" + VENDOR))
                    .contains("backslash");
        }

        @Test
        void query() {
            assertThat(messageOf(rule, NA + "?redirect=https://evil.example")).contains("query");
        }

        @Test
        void fragment() {
            assertThat(messageOf(rule, NA + "#@evil.example")).contains("fragment");
        }

        @Test
        void dotSegment() {
            assertThat(messageOf(rule, "https://pitangui.amazon.com/api/skill/link/../link/" + VENDOR))
                    .contains("dot segment");
            assertThat(messageOf(rule, "https://pitangui.amazon.com/api/./skill/link/" + VENDOR))
                    .contains("dot segment");
        }

        @Test
        void percentEncoding() {
            assertThat(messageOf(rule, "https://pitangui.amazon.com/api/skill/link/%2e%2e/" + VENDOR))
                    .contains("percent-encoded");
        }

        @Test
        void pathParameter() {
            assertThat(messageOf(rule, NA + ";jsessionid=x")).contains("path parameter");
        }

        @Test
        void emptyPathSegment() {
            assertThat(messageOf(rule, "https://pitangui.amazon.com//api/skill/link/" + VENDOR))
                    .contains("empty path segment");
        }

        @Test
        void nonAscii() {
            assertThat(messageOf(rule, "https://pit\u0430ngui.amazon.com/api/skill/link/" + VENDOR))
                    .contains("non-ASCII")
                    .contains("pit\u0430ngui.amazon.com");
        }

        @Test
        void controlCharacterIsEscapedInTheMessage() {
            String message = messageOf(rule, NA + "\u0000");
            assertThat(message)
                    .contains(NA + "\\u0000")
                    .contains("whitespace or control")
                    .doesNotContain("\u0000");

            String crlf = messageOf(rule, NA + "\r\nLocation: https://evil.example");
            assertThat(crlf).contains("\\u000d\\u000a").doesNotContain("\r").doesNotContain("\n");
        }

        @Test
        void upperCaseHost() {
            assertThat(messageOf(rule, "https://PITANGUI.amazon.com/api/skill/link/" + VENDOR))
                    .contains("upper-case");
        }

        @Test
        void trailingDot() {
            assertThat(messageOf(rule, "https://pitangui.amazon.com./api/skill/link/" + VENDOR))
                    .contains("trailing dot");
        }

        @Test
        void foreignHost() {
            assertThat(messageOf(rule, "https://pitangui.amazon.com.evil.example/api/skill/link/" + VENDOR))
                    .contains("host 'pitangui.amazon.com.evil.example'")
                    .contains(AlexaRegion.hosts());
        }

        @Test
        void wrongPath() {
            assertThat(messageOf(rule, "https://pitangui.amazon.com/api/skill/LINK/" + VENDOR))
                    .contains("the path must be /api/skill/link/{vendorId}");
        }

        @Test
        void trailingSlash() {
            assertThat(messageOf(rule, NA + "/")).contains("no trailing slash");
            assertThat(messageOf(rule, "https://pitangui.amazon.com/api/skill/link/"))
                    .contains("must end with the vendor ID");
        }

        @Test
        void vendorId() {
            assertThat(messageOf(rule, "https://pitangui.amazon.com/api/skill/link/M2BBBBBBBBBBBB"))
                    .contains("vendor ID 'M2BBBBBBBBBBBB'")
                    .contains("[" + VENDOR + "]");
        }

        @Test
        void placeholder() {
            assertThat(messageOf(rule, "https://pitangui.amazon.com/api/skill/link/${ALEXA_VENDOR_ID}"))
                    .contains("ALEXA_VENDOR_ID");
        }

        @Test
        void missing() {
            assertThat(messageOf(rule, null)).contains("redirect_uri is required");
            assertThat(messageOf(rule, "")).contains("redirect_uri is required");
            assertThat(rule.isAllowed(null)).isFalse();
        }

        @Test
        void veryLongUriIsTruncatedInTheMessage() {
            String longUri = NA + "/" + "a".repeat(1000);
            String message = messageOf(rule, longUri);
            assertThat(message).doesNotContain(longUri).contains("\u2026");
            assertThat(message.length()).isLessThan(600);
        }
    }

    // The report's check

    @Test
    void aMissingRegionIsAWarningBecauseASkillMayBeOfferedInSomeRegionsOnly() {
        ClientSettings client = clientWith(
                goodClient(),
                "redirectUris",
                List.of(
                        AlexaRegion.NORTH_AMERICA.redirectUri(SampleSettings.VENDOR),
                        AlexaRegion.FAR_EAST.redirectUri(SampleSettings.VENDOR)));

        Check check = RedirectUriRule.check(RULES.redirectUris(), client);

        assertThat(check.status()).isEqualTo(Check.Status.WARN);
        assertThat(check.finding())
                .isEqualTo("users of region europe cannot link: "
                        + AlexaRegion.EUROPE.redirectUri(SampleSettings.VENDOR) + " is not registered");
        assertThat(check.fix()).contains(AlexaRegion.EUROPE.redirectUri(SampleSettings.VENDOR));
    }

    @Test
    void anotherSkillsVendorIsNotReportedMissing() {
        RedirectUriRule twoSkills =
                new RedirectUriRule(List.of(SampleSettings.VENDOR, "M2OTHERSKILL"), List.of(), List.of(), false);

        Check check = RedirectUriRule.check(twoSkills, goodClient());

        assertThat(check.status()).isEqualTo(Check.Status.PASS);
    }

    @Test
    void theRedirectFixListsExactlyTheUrisToKeep() {
        ClientSettings client = clientWith(
                goodClient(),
                "redirectUris",
                List.of(AlexaRegion.NORTH_AMERICA.redirectUri(SampleSettings.VENDOR), "https://evil.example.com/cb"));

        Check check = RedirectUriRule.check(RULES.redirectUris(), client);

        assertThat(check.fix())
                .endsWith("exactly " + AlexaRegion.NORTH_AMERICA.redirectUri(SampleSettings.VENDOR) + " "
                        + AlexaRegion.EUROPE.redirectUri(SampleSettings.VENDOR) + " "
                        + AlexaRegion.FAR_EAST.redirectUri(SampleSettings.VENDOR));
    }

    @Test
    void aClientWithNoneOfItsSkillsUrlsIsToldTheAlexaUrlsToChooseFrom() {
        ClientSettings client = clientWith(goodClient(), "redirectUris", List.of("https://evil.example.com/cb"));

        Check check = RedirectUriRule.check(RULES.redirectUris(), client);

        assertThat(check.status()).isEqualTo(Check.Status.FAIL);
        assertThat(check.fix())
                .contains("the Alexa redirect URLs of this skill's vendor ID, of [")
                .contains(AlexaRegion.NORTH_AMERICA.redirectUri(SampleSettings.VENDOR))
                .contains(AlexaRegion.FAR_EAST.redirectUri(SampleSettings.VENDOR));
    }

    @Test
    void withoutTheExecutorTheCheckFailsNamingIt() {
        assertThat(RedirectUriRule.check(null, goodClient()).finding()).contains("no 'alexa-redirect-uris' executor");
    }
}
