package dev.alexalink.rules;

import dev.alexalink.rules.ClientShapeRule.Repair;
import dev.alexalink.rules.ClientShapeRule.Result;
import dev.alexalink.rules.ClientShapeRule.Shape;
import org.junit.jupiter.api.Test;

import static dev.alexalink.rules.SampleSettings.clientWith;
import static dev.alexalink.rules.SampleSettings.find;
import static dev.alexalink.rules.SampleSettings.goodClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ClientShapeRuleTest {

    /** Confidential, client secret, code flow only, consent required. */
    private static final Shape CORRECT = new Shape(false, false, "client-secret", true, false, false, true);

    private static final ClientShapeRule AUTO = new ClientShapeRule(true, false, false);
    private static final ClientShapeRule MANUAL = new ClientShapeRule(false, false, false);

    /** The correct shape with every repairable setting wrong. */
    private static final Shape ALL_REPAIRABLE_WRONG =
            new Shape(false, false, "client-secret", false, true, true, false);

    @Test
    void correctShapeYieldsNeitherRepairsNorViolations() {
        for (ClientShapeRule rule : new ClientShapeRule[] {AUTO, MANUAL}) {
            Result result = rule.evaluate(CORRECT);
            assertThat(result.repairs()).isEmpty();
            assertThat(result.violations()).isEmpty();
        }
    }

    @Test
    void unsetSettingsFollowKeycloakDefaults() {
        // Unset standard flow is enabled, unset implicit/direct grants are off; unset consent is "not required".
        Result result = MANUAL.evaluate(new Shape(null, null, null, null, null, null, true));
        assertThat(result.repairs()).isEmpty();
        assertThat(result.violations()).isEmpty();

        Result unsetConsent = AUTO.evaluate(new Shape(null, null, null, null, null, null, null));
        assertThat(unsetConsent.repairs())
                .extracting(Repair::setting, Repair::value)
                .containsExactly(tuple("consentRequired", true));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Refused whatever auto-configure says
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void publicClientIsRefused() {
        Shape shape = new Shape(true, false, "client-secret", true, false, false, true);
        for (ClientShapeRule rule : new ClientShapeRule[] {AUTO, MANUAL}) {
            Result result = rule.evaluate(shape);
            assertThat(result.repairs()).isEmpty();
            assertThat(result.violations()).singleElement().satisfies(v -> {
                assertThat(v.rule()).isEqualTo(ClientShapeRule.NAME);
                assertThat(v.message()).contains("public").contains("Client authentication");
            });
        }
    }

    @Test
    void bearerOnlyClientIsRefused() {
        Shape shape = new Shape(false, true, "client-secret", true, false, false, true);
        for (ClientShapeRule rule : new ClientShapeRule[] {AUTO, MANUAL}) {
            assertThat(rule.evaluate(shape).violations())
                    .extracting(Violation::message)
                    .singleElement()
                    .asString()
                    .contains("bearer-only");
        }
    }

    @Test
    void otherAuthenticatorIsRefused() {
        Shape shape = new Shape(false, false, "client-jwt", true, false, false, true);
        for (ClientShapeRule rule : new ClientShapeRule[] {AUTO, MANUAL}) {
            Result result = rule.evaluate(shape);
            assertThat(result.repairs()).isEmpty();
            assertThat(result.violations())
                    .extracting(Violation::message)
                    .singleElement()
                    .asString()
                    .contains("client authenticator 'client-jwt'")
                    .contains("'client-secret'");
        }
    }

    @Test
    void allAuthenticationProblemsAreReportedTogether() {
        Result result = AUTO.evaluate(new Shape(true, true, "client-x509", true, false, false, true));
        assertThat(result.violations()).hasSize(3);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Repairable settings
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void withAutoConfigureRepairableSettingsBecomeRepairs() {
        Result result = AUTO.evaluate(ALL_REPAIRABLE_WRONG);

        assertThat(result.violations()).isEmpty();
        assertThat(result.repairs())
                .extracting(Repair::setting, Repair::value)
                .containsExactly(
                        tuple("standardFlowEnabled", true),
                        tuple("implicitFlowEnabled", false),
                        tuple("directAccessGrantsEnabled", false),
                        tuple("consentRequired", true));
        assertThat(result.repairs()).allSatisfy(r -> assertThat(r.reason()).isNotBlank());
    }

    @Test
    void repairToStringNamesSettingValueAndReason() {
        Repair repair = AUTO.evaluate(new Shape(false, false, "client-secret", true, true, false, true))
                .repairs()
                .get(0);
        assertThat(repair.toString()).startsWith("implicitFlowEnabled=false (").endsWith(")");
    }

    @Test
    void withoutAutoConfigureRepairableSettingsAreViolations() {
        Result result = MANUAL.evaluate(ALL_REPAIRABLE_WRONG);

        assertThat(result.repairs()).isEmpty();
        assertThat(result.violations())
                .extracting(Violation::message)
                .hasSize(4)
                .anySatisfy(m -> assertThat(m).startsWith("standardFlowEnabled must be true"))
                .anySatisfy(m -> assertThat(m).startsWith("implicitFlowEnabled must be false"))
                .anySatisfy(m -> assertThat(m).startsWith("directAccessGrantsEnabled must be false"))
                .anySatisfy(m -> assertThat(m).startsWith("consentRequired must be true"))
                .allSatisfy(m -> assertThat(m).contains("auto-configure"));
        assertThat(result.violations()).extracting(Violation::rule).containsOnly(ClientShapeRule.NAME);
    }

    @Test
    void allowedImplicitFlowIsLeftAlone() {
        ClientShapeRule rule = new ClientShapeRule(false, true, false);
        assertThat(rule.allowsImplicitFlow()).isTrue();
        assertThat(rule.allowsDirectAccessGrants()).isFalse();

        Result result = rule.evaluate(new Shape(false, false, "client-secret", true, true, false, true));
        assertThat(result.violations()).isEmpty();
        assertThat(result.repairs()).isEmpty();

        Result direct = rule.evaluate(new Shape(false, false, "client-secret", true, true, true, true));
        assertThat(direct.violations())
                .extracting(Violation::message)
                .singleElement()
                .asString()
                .startsWith("directAccessGrantsEnabled must be false");
    }

    @Test
    void allowedDirectAccessGrantsAreLeftAlone() {
        ClientShapeRule rule = new ClientShapeRule(true, false, true);
        assertThat(rule.allowsDirectAccessGrants()).isTrue();
        assertThat(rule.allowsImplicitFlow()).isFalse();

        Result result = rule.evaluate(new Shape(false, false, "client-secret", true, false, true, true));
        assertThat(result.violations()).isEmpty();
        assertThat(result.repairs()).isEmpty();

        Result implicit = rule.evaluate(new Shape(false, false, "client-secret", true, true, true, true));
        assertThat(implicit.repairs()).extracting(Repair::setting).containsExactly("implicitFlowEnabled");
    }

    @Test
    void refusalsAndRepairsCanComeTogether() {
        Result result = AUTO.evaluate(new Shape(true, false, "client-secret", true, true, false, false));

        assertThat(result.violations()).hasSize(1);
        assertThat(result.repairs())
                .extracting(Repair::setting)
                .containsExactly("implicitFlowEnabled", "consentRequired");
    }

    @Test
    void theReportsCheckOfAnAllowedGrantIsAWarningAndOfAnotherAFailure() {
        ClientSettings direct = clientWith(goodClient(), "direct", true);

        assertThat(find(ClientShapeRule.checks(new ClientShapeRule(true, false, true), direct), "direct-grants")
                        .status())
                .isEqualTo(Check.Status.WARN);
        assertThat(find(ClientShapeRule.checks(new ClientShapeRule(true, false, false), direct), "direct-grants")
                        .status())
                .isEqualTo(Check.Status.FAIL);
        assertThat(find(ClientShapeRule.checks(null, direct), "direct-grants").status())
                .isEqualTo(Check.Status.FAIL);
    }

    @Test
    void thereIsNoSecretCheckForAPublicClient() {
        assertThat(ClientShapeRule.checks(null, clientWith(goodClient(), "publicClient", true)))
                .extracting(Check::id)
                .containsExactly("client-authentication", "standard-flow", "implicit-flow", "direct-grants", "consent");
    }
}
