package dev.alexalink.rules;

import java.util.Optional;

/**
 * Alexa sends the client secret with HTTP Basic or in the form body, and how it encodes reserved characters is
 * unconfirmed; Keycloak URL-decodes Basic credentials. A secret of letters and digits survives every encoding.
 * The message never repeats the secret.
 */
public final class ClientSecretRule {

    public static final String NAME = "alexa-client-secret";
    public static final int MINIMUM_LENGTH = 32;

    private ClientSecretRule() {}

    /** Checks a secret that is about to be stored; null means Keycloak will generate one (letters and digits). */
    public static Optional<Violation> check(String secret) {
        if (secret == null) {
            return Optional.empty();
        }
        Optional<String> variable = Placeholders.unresolvedVariable(secret);
        if (variable.isPresent()) {
            return Optional.of(new Violation(NAME, Placeholders.explain(variable.get(), "the client secret")));
        }
        for (int i = 0; i < secret.length(); i++) {
            char c = secret.charAt(i);
            boolean letterOrDigit = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!letterOrDigit) {
                return Optional.of(new Violation(
                        NAME,
                        "the client secret has a character other than a letter or digit at"
                                + " position " + (i + 1) + ": Alexa may not encode it the way Keycloak decodes it;"
                                + " use letters and digits only (Keycloak's 'Regenerate' does)"));
            }
        }
        if (secret.length() < MINIMUM_LENGTH) {
            return Optional.of(new Violation(
                    NAME,
                    "the client secret has " + secret.length() + " characters; use at least " + MINIMUM_LENGTH
                            + " (Keycloak's 'Regenerate' makes 32)"));
        }
        return Optional.empty();
    }

    /** The report's check of a confidential client's secret. */
    static Check check(ClientSettings client) {
        return Check.of(
                "client-secret",
                check(client.secret()),
                "Clients > " + client.clientId()
                        + " > Credentials > Regenerate (Keycloak makes 32 letters and digits), then paste it into the Alexa console",
                "the secret is long enough and URL-safe");
    }
}
