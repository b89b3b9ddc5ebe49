package dev.alexalink.example.skill;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SkillConfigTest {

    private static Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("KEYCLOAK_REALM_URL", "https://id.example.com/realms/alexa/");
        environment.put("ALEXA_CLIENT_ID", "alexa-skill");
        environment.put("ALEXA_CLIENT_SECRET", "s3cret");
        return environment;
    }

    @Test
    void derivesTheEndpointsFromTheRealmUrl() {
        SkillConfig config = SkillConfig.fromEnvironment(environment());

        assertThat(config.issuer()).isEqualTo("https://id.example.com/realms/alexa");
        assertThat(config.jwksUri()).hasToString("https://id.example.com/realms/alexa/protocol/openid-connect/certs");
        assertThat(config.userinfoUri())
                .hasToString("https://id.example.com/realms/alexa/protocol/openid-connect/userinfo");
        assertThat(config.revocationUri())
                .hasToString("https://id.example.com/realms/alexa/protocol/openid-connect/revoke");
        assertThat(config.audience()).as("defaults to the client id").isEqualTo("alexa-skill");
    }

    @Test
    void takesAnotherAudience() {
        Map<String, String> environment = environment();
        environment.put("ALEXA_TOKEN_AUDIENCE", "https://api.example.com/skill");

        assertThat(SkillConfig.fromEnvironment(environment).audience()).isEqualTo("https://api.example.com/skill");
    }

    @Test
    void namesTheMissingVariable() {
        for (String name : new String[] {"KEYCLOAK_REALM_URL", "ALEXA_CLIENT_ID", "ALEXA_CLIENT_SECRET"}) {
            Map<String, String> environment = environment();
            environment.put(name, " ");
            assertThatThrownBy(() -> SkillConfig.fromEnvironment(environment)).hasMessage(name + " is not set");
            environment.remove(name);
            assertThatThrownBy(() -> SkillConfig.fromEnvironment(environment)).hasMessage(name + " is not set");
        }
    }

    @Test
    void rejectsAUrlThatIsNotARealm() {
        for (String url : new String[] {
            "id.example.com/realms/alexa",
            "https://id.example.com/",
            "ftp://id.example.com/realms/alexa",
            "https://id.example.com/realms/alexa/protocol/openid-connect/certs",
            "https://id.example.com/realms/alexa?x=1",
            "https://"
        }) {
            Map<String, String> environment = environment();
            environment.put("KEYCLOAK_REALM_URL", url);
            assertThatThrownBy(() -> SkillConfig.fromEnvironment(environment))
                    .as(url)
                    .hasMessage(
                            "KEYCLOAK_REALM_URL must be the realm's URL, like https://id.example.com/realms/alexa; got '"
                                    + url + "'");
        }
    }
}
