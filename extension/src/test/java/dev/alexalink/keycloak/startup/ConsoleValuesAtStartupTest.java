package dev.alexalink.keycloak.startup;

import dev.alexalink.keycloak.admin.ConsoleValues;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleValuesAtStartupTest {

    private static final ConsoleValues VALUES = new ConsoleValues(
            "https://id.example.com/realms/alexa/protocol/openid-connect/auth",
            "https://id.example.com/realms/alexa/protocol/openid-connect/token",
            "alexa-skill",
            "s3cr3t-value",
            ConsoleValues.AUTHENTICATION_SCHEME,
            List.of("openid", "offline_access"),
            List.of("id.example.com"),
            3600,
            List.of("https://pitangui.amazon.com/api/skill/link/M2AAAAAAAAAAAA"));

    @Test
    void masksTheSecretUnlessAskedAndSaysHowToPrintIt() {
        String masked = ConsoleValuesAtStartup.text("alexa", VALUES, true, false);
        assertThat(masked)
                .doesNotContain("s3cr3t-value")
                .contains("Your Secret                           ******** (masked; ALEXA_PRINT_CLIENT_SECRET=true")
                .contains("Your Web Authorization URI            " + VALUES.authorizationUri())
                .contains("Scope (one entry each)                openid offline_access")
                .contains("Default Access Token Expiration Time  3600")
                .doesNotContain("your-keycloak-host");
        assertThat(ConsoleValuesAtStartup.text("alexa", VALUES, true, true)).contains("s3cr3t-value");
    }

    @Test
    void anUnknownPublicUrlIsSaidSo() {
        assertThat(ConsoleValuesAtStartup.text("alexa", VALUES, false, false))
                .contains("The public URL is unknown at startup: set the hostname option (KC_HOSTNAME)");
    }

    @Test
    void thePublicUrlIsTheFrontendUrlElseTheHostnameOption() {
        assertThat(ConsoleValuesAtStartup.publicUrl("https://front.example.com/auth", "id.example.com"))
                .contains(URI.create("https://front.example.com/auth"));
        assertThat(ConsoleValuesAtStartup.publicUrl(null, "id.example.com"))
                .contains(URI.create("https://id.example.com"));
        assertThat(ConsoleValuesAtStartup.publicUrl(" ", "http://localhost:8080"))
                .contains(URI.create("http://localhost:8080"));
        assertThat(ConsoleValuesAtStartup.publicUrl(null, null)).isEmpty();
        assertThat(ConsoleValuesAtStartup.publicUrl("not a url", null)).isEmpty();
    }

    @Test
    void flagsAcceptTrueAndFalseOnlyAndKeepTheDefaultOtherwise() {
        assertThat(new ConsoleValuesAtStartup(Map.<String, String>of()::get).enabled())
                .isTrue();
        assertThat(new ConsoleValuesAtStartup(Map.of(ConsoleValuesAtStartup.AT_STARTUP, "FALSE")::get).enabled())
                .isFalse();
        assertThat(new ConsoleValuesAtStartup(Map.of(ConsoleValuesAtStartup.AT_STARTUP, "no")::get).enabled())
                .isTrue();
    }
}
