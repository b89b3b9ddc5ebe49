package dev.alexalink.rules;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputLimitsTest {

    private static final String VENDOR = "M2AAAAAAAAAAAA";
    private static final RedirectUriRule RULE = new RedirectUriRule(List.of(VENDOR), List.of(), List.of(), false);

    private static List<String> uris(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> "https://evil.example/" + i)
                .toList();
    }

    @Test
    void aClientWithTooManyRedirectUrisGetsOneViolationNamingTheLimit() {
        List<Violation> violations = RULE.checkRegistered(uris(100_000));

        assertThat(violations).hasSize(1);
        assertThat(violations.get(0).message())
                .isEqualTo("the client has 100000 redirect URIs, over the limit of 200 (alexa-input-limits)");
        assertThat(RULE.checkRegistered(uris(InputLimits.MAX_REDIRECT_URIS)))
                .as("at the limit, each URI is judged")
                .hasSize(InputLimits.MAX_REDIRECT_URIS);
    }

    @Test
    void aLongRedirectUriIsRefusedByItsLengthAndQuotedShort() {
        String uri = "https://pitangui.amazon.com/api/skill/link/" + "A".repeat(100_000);

        Violation violation = RULE.check(uri).orElseThrow();

        assertThat(violation.message())
                .contains("is 100043 characters long, over the limit of 2048 (alexa-input-limits)");
        assertThat(violation.message().length()).isLessThan(500);
    }

    @Test
    void aRequestRepeatingRedirectUriQuotesOnlyTheFirstValues() {
        List<Violation> violations = RULE.checkAuthorizationRequest(
                Collections.nCopies(10_000, "https://x.example/" + "y".repeat(1_000)), List.of());

        assertThat(violations).hasSize(1);
        assertThat(violations.get(0).message())
                .startsWith("redirect_uri is given 10000 times (")
                .contains(", …)")
                .hasSizeLessThan((SafeText.MAX_LENGTH + 10) * InputLimits.MAX_VALUES_QUOTED + 100);
    }

    @Test
    void aLongScopeParameterIsRefusedByItsLength() {
        ScopeRule scopes = new ScopeRule(List.of("profile"));

        Violation violation =
                scopes.checkRequested("profile " + "x ".repeat(50_000)).orElseThrow();

        assertThat(violation.message())
                .startsWith("the scope parameter 'profile x x")
                .contains("is 100008 characters long, over the limit of 2048");
    }

    @Test
    void executorListsOverTheirLimitAreRefusedBeforeTheirEntriesAreJudged() {
        List<String> vendors =
                IntStream.range(0, 5_000).mapToObj(i -> "bad vendor " + i).toList();

        assertThatThrownBy(() -> new RedirectUriRule(
                        vendors, uris(300).stream().map(u -> "x").toList(), uris(100_000), false))
                .isInstanceOf(InvalidRuleConfigurationException.class)
                .hasMessage(
                        "Invalid configuration of alexa-redirect-uris: 5000 vendor IDs, over the limit of 20 (alexa-input-limits);"
                                + " 300 regions, over the limit of 100 (alexa-input-limits); 100000 app-to-app redirect URLs, over"
                                + " the limit of 200 (alexa-input-limits)");
        assertThatThrownBy(() -> new ScopeRule(Collections.nCopies(1_000, "profile")))
                .hasMessage(
                        "Invalid configuration of alexa-scopes: 1000 allowed scopes, over the limit of 100 (alexa-input-limits)");
    }

    @Test
    void aSkillWithTooManyEntriesIsRefusedNamingEachLimit() {
        assertThatThrownBy(() -> AlexaSkill.of(
                        "alexa-skill",
                        null,
                        Collections.nCopies(21, VENDOR),
                        List.of(),
                        Collections.nCopies(101, "profile"),
                        List.of()))
                .isInstanceOf(InvalidRuleConfigurationException.class)
                .satisfies(e -> assertThat(((InvalidRuleConfigurationException) e).problems())
                        .containsExactly(
                                "21 vendor IDs, over the limit of 20 (alexa-input-limits)",
                                "101 scopes, over the limit of 100 (alexa-input-limits)"));
    }

    @Test
    void aMessageListsAtMostTenProblemsAndCountsTheRest() {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            problems.add("problem " + i);
        }

        String listed = InputLimits.listed(problems);

        assertThat(listed)
                .startsWith("problem 0; problem 1;")
                .contains("problem 9; and 9990 more problem(s) (alexa-input-limits lists at most 10)")
                .doesNotContain("problem 10;");
        assertThat(new InvalidRuleConfigurationException("r", problems).getMessage())
                .hasSizeLessThan(300);
        assertThat(new InvalidRuleConfigurationException("r", problems).problems())
                .hasSize(10_000);
        assertThat(InputLimits.firstListed(problems)).hasSize(InputLimits.MAX_PROBLEMS_LISTED);
        assertThat(InputLimits.listed(List.of("one"))).isEqualTo("one");
    }

    @Test
    void quotedListsShowTheirFirstValues() {
        assertThat(InputLimits.quoted(List.of("a", "b"))).isEqualTo("[a, b]");
        assertThat(InputLimits.quoted(Collections.nCopies(11, "v")))
                .isEqualTo("[v, v, v, v, v, v, v, v, v, v, … (11 in all)]");
    }
}
