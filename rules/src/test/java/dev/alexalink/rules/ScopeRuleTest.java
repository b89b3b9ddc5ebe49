package dev.alexalink.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ScopeRuleTest {

    private final ScopeRule rule = new ScopeRule(List.of("profile", "smart_home:control"));

    private static List<String> scopes(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "scope" + i).collect(Collectors.toList());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Requested scopes
    // ---------------------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(
            strings = {
                "profile",
                "smart_home:control",
                "profile smart_home:control",
                "offline_access",
                "profile offline_access",
                "openid",
                "openid profile offline_access",
                "profile    smart_home:control",
                "  profile  ",
                "profile profile",
            })
    void allowedRequestsPass(String scope) {
        assertThat(rule.checkRequested(scope)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "   "})
    void missingOrBlankScopeIsAllowed(String scope) {
        assertThat(rule.checkRequested(scope)).isEmpty();
    }

    @Test
    void offlineAccessIsAllowedEvenWhenNotConfigured() {
        ScopeRule none = new ScopeRule(List.of());
        assertThat(none.checkRequested("offline_access")).isEmpty();
        assertThat(none.allowedScopes()).isEmpty();
    }

    @Test
    void refusedScopeIsNamedWithTheAllowedList() {
        Optional<Violation> violation = rule.checkRequested("profile email");

        assertThat(violation).isPresent();
        assertThat(violation.get().rule()).isEqualTo(ScopeRule.NAME);
        assertThat(violation.get().message())
                .startsWith("scope email is not allowed")
                .contains("(allowed: openid profile smart_home:control)");
    }

    @Test
    void everyRefusedScopeIsNamedButNotTheAllowedOnes() {
        Optional<Violation> violation = rule.checkRequested("email  profile   address");

        assertThat(violation).isPresent();
        assertThat(violation.get().message()).startsWith("scope email address is not allowed");
    }

    @Test
    void scopesAreCaseSensitive() {
        assertThat(rule.checkRequested("Profile")).isPresent();
        assertThat(rule.checkRequested("OFFLINE_ACCESS")).isPresent();
    }

    @Test
    void tabIsNotASeparatorAndIsEscapedInTheMessage() {
        Optional<Violation> violation = rule.checkRequested("profile\temail");

        assertThat(violation).isPresent();
        assertThat(violation.get().message()).contains("profile\\u0009email").doesNotContain("\t");
    }

    @Test
    void allowedScopesAreWhatWasConfigured() {
        assertThat(rule.allowedScopes()).containsExactlyInAnyOrder("profile", "smart_home:control");
        assertThatThrownBy(() -> rule.allowedScopes().add("email")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nullConfigurationMeansNoScopeBesidesOfflineAccess() {
        ScopeRule none = new ScopeRule(null);
        assertThat(none.allowedScopes()).isEmpty();
        assertThat(none.checkRequested("profile")).isPresent();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Configuration
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void exactlyFifteenScopesAreAccepted() {
        ScopeRule fifteen = new ScopeRule(scopes(ScopeRule.MAX_SCOPES));
        assertThat(fifteen.allowedScopes()).hasSize(15);
    }

    @Test
    void sixteenScopesAreRefusedNamingTheLimit() {
        assertThatThrownBy(() -> new ScopeRule(scopes(16)))
                .isInstanceOf(InvalidRuleConfigurationException.class)
                .hasMessageContaining(ScopeRule.NAME)
                .hasMessageContaining("16 allowed scopes")
                .hasMessageContaining("limit of 15");
    }

    @Test
    void duplicateScopeIsRefused() {
        InvalidRuleConfigurationException e = catchThrowableOfType(
                InvalidRuleConfigurationException.class, () -> new ScopeRule(List.of("profile", "email", "profile")));

        assertThat(e).isNotNull();
        assertThat(e.problems()).containsExactly("allowed scope 'profile' is listed twice");
    }

    @Test
    void duplicatesDoNotCountTowardsTheLimit() {
        List<String> configured = new ArrayList<>(scopes(15));
        configured.add("scope1");

        InvalidRuleConfigurationException e =
                catchThrowableOfType(InvalidRuleConfigurationException.class, () -> new ScopeRule(configured));

        assertThat(e).isNotNull();
        assertThat(e.problems()).containsExactly("allowed scope 'scope1' is listed twice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"two words", "quo\"te", "back\\slash", "", "tab\there", "caf\u00e9"})
    void invalidScopeTokenIsRefused(String scope) {
        assertThatThrownBy(() -> new ScopeRule(List.of("profile", scope)))
                .isInstanceOf(InvalidRuleConfigurationException.class)
                .hasMessageContaining("is not a valid OAuth scope name")
                .hasMessageContaining("RFC 6749");
    }

    @Test
    void nullScopeIsRefused() {
        assertThatThrownBy(() -> new ScopeRule(Arrays.asList("profile", null)))
                .isInstanceOf(InvalidRuleConfigurationException.class)
                .hasMessageContaining("is not a valid OAuth scope name");
    }

    @Test
    void validScopeTokensOfRfc6749AreAccepted() {
        ScopeRule odd = new ScopeRule(List.of("a:b/c", "https://example.com/scope", "x!#$%&'()*+,-.;<=>?@[]^_`{|}~"));
        assertThat(odd.allowedScopes()).hasSize(3);
    }

    @Test
    void placeholderIsRefusedNamingTheVariable() {
        InvalidRuleConfigurationException e = catchThrowableOfType(
                InvalidRuleConfigurationException.class, () -> new ScopeRule(List.of("profile", "${ALEXA_SCOPE}")));

        assertThat(e).isNotNull();
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0))
                .contains("allowed scope '${ALEXA_SCOPE}'")
                .contains("environment variable ALEXA_SCOPE");
    }

    @Test
    void everyProblemIsListed() {
        List<String> configured = new ArrayList<>(scopes(16));
        configured.add("scope1");
        configured.add("bad scope");
        configured.add("${SCOPE}");

        InvalidRuleConfigurationException e =
                catchThrowableOfType(InvalidRuleConfigurationException.class, () -> new ScopeRule(configured));

        assertThat(e).isNotNull();
        // duplicate, invalid token, placeholder, and 17 distinct scopes over the limit
        assertThat(e.problems()).hasSize(4);
        assertThat(e.getMessage())
                .contains("'scope1' is listed twice")
                .contains("'bad scope' is not a valid OAuth scope name")
                .contains("${SCOPE}")
                .contains("17 allowed scopes")
                .contains("limit of 15");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Client scopes
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void technicalDefaultScopesAreAllowed() {
        assertThat(rule.checkClientScopes(
                        List.of("basic", "acr", "web-origins", "offline_access", "profile"), List.of()))
                .isEmpty();
    }

    @Test
    void technicalScopesConstantIsAsDocumented() {
        assertThat(ScopeRule.TECHNICAL_SCOPES)
                .containsExactlyInAnyOrder("basic", "acr", "web-origins", "offline_access");
    }

    @Test
    void emailAsDefaultScopeIsRefused() {
        List<Violation> violations = rule.checkClientScopes(List.of("basic", "offline_access", "email"), List.of());

        assertThat(violations).hasSize(1);
        assertThat(violations.get(0).rule()).isEqualTo(ScopeRule.NAME);
        assertThat(violations.get(0).message())
                .contains("default client scope 'email'")
                .contains("[profile, smart_home:control]");
    }

    @Test
    void emailIsAcceptedWhenAllowed() {
        ScopeRule withEmail = new ScopeRule(List.of("email"));
        assertThat(withEmail.checkClientScopes(List.of("email", "offline_access"), List.of("email")))
                .isEmpty();
    }

    @Test
    void missingOfflineAccessDefaultIsReported() {
        List<Violation> violations = rule.checkClientScopes(List.of("basic", "profile"), List.of("offline_access"));

        assertThat(violations).hasSize(1);
        assertThat(violations.get(0).message()).contains("'offline_access' is not a default client scope");
    }

    @Test
    void emptyDefaultsReportMissingOfflineAccess() {
        assertThat(rule.checkClientScopes(List.of(), null))
                .extracting(Violation::message)
                .singleElement()
                .asString()
                .contains("offline_access");
    }

    @Test
    void optionalScopeOutsideAllowedIsRefused() {
        List<Violation> violations = rule.checkClientScopes(
                List.of("offline_access"), List.of("profile", "offline_access", "address", "phone"));

        assertThat(violations)
                .extracting(Violation::message)
                .hasSize(2)
                .anySatisfy(m -> assertThat(m).contains("optional client scope 'address'"))
                .anySatisfy(m -> assertThat(m).contains("optional client scope 'phone'"));
    }

    @Test
    void technicalScopesAreOnlyExemptAsDefaults() {
        List<Violation> violations = rule.checkClientScopes(List.of("offline_access"), List.of("acr"));

        assertThat(violations)
                .extracting(Violation::message)
                .singleElement()
                .asString()
                .contains("optional client scope 'acr'");
    }

    @Test
    void allProblemsOfClientScopesAreReportedTogether() {
        List<Violation> violations = rule.checkClientScopes(List.of("email", "roles"), List.of("address"));

        assertThat(violations).hasSize(4);
    }

    @Test
    void nullClientScopeListsAreNotChecked() {
        assertThat(rule.checkClientScopes(null, null)).isEmpty();
    }
}
