package dev.alexalink.checker;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What to check, validated: the realm's issuer URL and the optional skill credentials, test user and vendor ID.
 * Every rule broken is reported with the option's name and the offending value; nothing is silently dropped.
 */
public record Target(
        URI issuer,
        String clientId,
        String clientSecret,
        String username,
        String password,
        String vendorId,
        String scope,
        ClientAuth clientAuth,
        List<X509Certificate> extraCas,
        Duration timeout) {

    /** How the skill sends its credentials to the token endpoint (the console's "Authentication Scheme"). */
    public enum ClientAuth {
        BASIC,
        BODY
    }

    private static final Pattern VENDOR_ID = Pattern.compile("[A-Za-z0-9]{1,64}");

    public Target {
        extraCas = extraCas == null ? List.of() : List.copyOf(extraCas);
    }

    /** Checks the raw options; throws {@link InvalidInputException} naming the first rule broken. */
    public static Target of(
            String issuer,
            String clientId,
            String clientSecret,
            String username,
            String password,
            String vendorId,
            String scope,
            ClientAuth clientAuth,
            List<X509Certificate> extraCas,
            int timeoutSeconds) {
        URI uri = issuer(issuer);
        clientId = blankToNull(clientId);
        clientSecret = blankToNull(clientSecret);
        username = blankToNull(username);
        password = blankToNull(password);
        vendorId = blankToNull(vendorId);
        scope = blankToNull(scope);
        if (clientSecret != null && clientId == null) {
            throw new InvalidInputException(
                    "--client-secret is given without --client-id: the secret is only used with the skill's client ID");
        }
        if (clientId != null && clientSecret == null) {
            throw new InvalidInputException(
                    "--client-id '" + clientId + "' is given without --client-secret (or the environment variable "
                            + "ALEXA_CLIENT_SECRET): Amazon always authenticates with both");
        }
        if (vendorId != null && !VENDOR_ID.matcher(vendorId).matches()) {
            throw new InvalidInputException(
                    "--vendor-id '" + vendorId + "' must be 1 to 64 letters and digits (for example M2AAAAAAAAAAAA); "
                            + "it is the last part of the console's Alexa Redirect URLs");
        }
        if (password != null && username == null) {
            throw new InvalidInputException(
                    "--password is given without --username: the password is only used to sign in the test user");
        }
        if (username != null) {
            if (password == null) {
                throw new InvalidInputException("--username '" + username
                        + "' is given without --password (or the environment variable " + "ALEXA_TEST_PASSWORD)");
            }
            if (clientId == null || vendorId == null) {
                throw new InvalidInputException(
                        "--username '" + username + "' needs --client-id, --client-secret and --vendor-id too: "
                                + "the link runs as the skill, to the skill's redirect URLs");
            }
        }
        if (scope != null && !scope.matches("[\\x21\\x23-\\x5B\\x5D-\\x7E]+( [\\x21\\x23-\\x5B\\x5D-\\x7E]+)*")) {
            throw new InvalidInputException(
                    "--scope '" + scope + "' must be scope names separated by single spaces (RFC 6749 §3.3), "
                            + "for example 'profile email'");
        }
        if (timeoutSeconds < 1 || timeoutSeconds > 120) {
            throw new InvalidInputException("--timeout " + timeoutSeconds + " must be between 1 and 120 seconds");
        }
        return new Target(
                uri,
                clientId,
                clientSecret,
                username,
                password,
                vendorId,
                scope,
                clientAuth == null ? ClientAuth.BASIC : clientAuth,
                extraCas,
                Duration.ofSeconds(timeoutSeconds));
    }

    static URI issuer(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(
                    "ISSUER is missing: give the realm's issuer URL, for example https://auth.example.com/realms/alexa");
        }
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new InvalidInputException("ISSUER '" + value + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"https".equals(scheme) && !"http".equals(scheme)) {
            throw new InvalidInputException("ISSUER '" + value
                    + "' must be an http or https URL, for example https://auth.example.com/realms/alexa");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new InvalidInputException("ISSUER '" + value + "' has no host name");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidInputException(
                    "ISSUER '" + value + "' must not carry a user, a query or a fragment: it is the realm's issuer, "
                            + "as in the 'issuer' of its .well-known/openid-configuration");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }

    public boolean https() {
        return "https".equals(issuer.getScheme());
    }

    /** The port connections go to: the explicit one, or the scheme's default. */
    public int port() {
        return issuer.getPort() != -1 ? issuer.getPort() : https() ? 443 : 80;
    }

    public boolean hasClient() {
        return clientId != null;
    }

    public boolean hasUser() {
        return username != null;
    }

    /** Shown in the output instead of the secret and the password. */
    @Override
    public String toString() {
        return "Target[" + issuer + ", client " + clientId + ", user " + username + ", vendor " + vendorId + "]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
