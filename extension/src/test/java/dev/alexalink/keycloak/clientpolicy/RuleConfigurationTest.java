package dev.alexalink.keycloak.clientpolicy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleConfigurationTest {

    @Test
    void equalConfigurationsShareOneRule() {
        assertThat(scopes("profile", "orders:read").toRule())
                .isSameAs(scopes("profile", "orders:read").toRule());
    }

    @Test
    void differentValuesBuildDifferentRules() {
        assertThat(scopes("profile").toRule())
                .isNotSameAs(scopes("profile", "orders:read").toRule());
        assertThat(scopes("profile").toRule().allowedScopes()).containsExactly("profile");
    }

    @Test
    void configurationsOfDifferentExecutorsNeverShareARule() {
        AlexaTokenExecutor.Configuration tokens = new AlexaTokenExecutor.Configuration();
        AlexaClientShapeExecutor.Configuration shape = new AlexaClientShapeExecutor.Configuration();

        assertThat(tokens.toRule()).isNotSameAs(shape.toRule());
        assertThat(shape.toRule()).isSameAs(new AlexaClientShapeExecutor.Configuration().toRule());
    }

    @Test
    void optionsKeycloakKeptAsideArePartOfTheConfiguration() {
        AlexaScopeExecutor.Configuration withUnknownOption = scopes("profile");
        withUnknownOption.setConfigAsMap("allowed-scope", "profile");

        assertThat(withUnknownOption.toRule()).isNotSameAs(scopes("profile").toRule());
    }

    /** The HTTP 400 it becomes, naming the problem, needs a JAX-RS runtime: AdminApiIT checks it on a real server. */
    @Test
    void anInvalidConfigurationIsRefusedEveryTimeAndNeverCached() {
        int before = RuleConfiguration.cachedRules();
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> scopes("profile", "profile").toRule()).isInstanceOf(RuntimeException.class);
        }
        assertThat(RuleConfiguration.cachedRules()).isEqualTo(before);
    }

    @Test
    void theCacheStaysBounded() {
        for (int i = 0; i < RuleConfiguration.MAX_CACHED_RULES + 10; i++) {
            scopes("scope-" + i).toRule();
        }
        assertThat(RuleConfiguration.cachedRules()).isLessThanOrEqualTo(RuleConfiguration.MAX_CACHED_RULES);
    }

    private static AlexaScopeExecutor.Configuration scopes(String... allowed) {
        AlexaScopeExecutor.Configuration configuration = new AlexaScopeExecutor.Configuration();
        configuration.allowedScopes = new ArrayList<>(List.of(allowed));
        return configuration;
    }
}
