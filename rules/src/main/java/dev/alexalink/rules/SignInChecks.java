package dev.alexalink.rules;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks of where users sign in and consent for Alexa, which no executor enforces: sessions long enough for the
 * consent page, a URL Alexa can reach, SSL, the theme made for the Alexa app's web view, and the languages the realm
 * lets that theme show.
 */
public final class SignInChecks {

    public static final String ALEXA_THEME = "alexa";
    /**
     * The languages the theme {@value #ALEXA_THEME} ships: its {@code locales} in
     * {@code themes/src/main/resources/theme/alexa/login/theme.properties} (a test compares them).
     */
    public static final List<String> ALEXA_THEME_LOCALES =
            List.of("en", "de", "fr", "it", "es", "pt-BR", "ja", "hi", "ar");
    /** The skills API's option that turns on Internationalization with the theme's languages. */
    public static final String ENABLE_LANGUAGES = "enableLanguages";

    static final int MINIMUM_SSO_SECONDS = 300;

    private SignInChecks() {}

    static Check ssoSession(RealmSettings realm) {
        int shortest = Math.min(realm.ssoSessionIdleTimeout(), realm.ssoSessionMaxLifespan());
        if (shortest < MINIMUM_SSO_SECONDS) {
            return Check.fail(
                    "sso-session",
                    "the SSO session ends after " + shortest + " s: a user reading the consent page"
                            + " in the Alexa app can be sent back to the login page",
                    "Realm settings > Sessions > SSO Session Idle and SSO Session Max: at least " + MINIMUM_SSO_SECONDS
                            + " s (30 minutes and 10 hours are Keycloak's defaults)");
        }
        return Check.pass(
                "sso-session",
                "SSO sessions last " + realm.ssoSessionIdleTimeout() + " s idle and "
                        + realm.ssoSessionMaxLifespan()
                        + " s at most: long enough to sign in and consent; links use offline"
                        + " sessions and do not depend on them");
    }

    static Check frontendUrl(URI url) {
        String fix =
                "serve Keycloak at a public https URL on port 443 with a publicly trusted certificate and its full chain,"
                        + " and set it as the hostname (KC_HOSTNAME=https://auth.example.com) or the realm's Frontend URL";
        if (url == null || url.getHost() == null) {
            return Check.fail("frontend-url", "the realm's frontend URL is unknown", fix);
        }
        List<String> problems = new ArrayList<>();
        if (!"https".equalsIgnoreCase(url.getScheme())) {
            problems.add("it is not https");
        }
        if (url.getPort() != -1 && url.getPort() != 443) {
            problems.add("it uses port " + url.getPort() + ", not 443");
        }
        String host = url.getHost().toLowerCase();
        if (host.equals("localhost")
                || host.endsWith(".localhost")
                || host.endsWith(".local")
                || host.matches("[0-9.]+")
                || host.startsWith("[")) {
            problems.add("its host '" + SafeText.of(url.getHost()) + "' is not a public DNS name");
        }
        if (problems.isEmpty()) {
            return Check.pass("frontend-url", "Alexa reaches the realm at " + SafeText.of(url.toString()));
        }
        return Check.fail(
                "frontend-url",
                "Alexa cannot use " + SafeText.of(url.toString()) + ": " + String.join(", ", problems),
                fix);
    }

    static Check sslRequired(RealmSettings realm) {
        return "none".equalsIgnoreCase(realm.sslRequired())
                ? Check.fail(
                        "ssl-required",
                        "'Require SSL' is none: the realm accepts logins over plain HTTP",
                        "Realm settings > General > Require SSL: 'external requests' (sslRequired=external) or 'all requests'")
                : Check.pass("ssl-required", "'Require SSL' is " + realm.sslRequired());
    }

    static Check theme(ClientSettings client) {
        return ALEXA_THEME.equals(client.loginTheme())
                ? Check.pass("theme", "the sign-in and consent pages use the 'alexa' theme, made for the Alexa app")
                : Check.warn(
                        "theme",
                        "the sign-in and consent pages use theme '"
                                + (client.loginTheme() == null ? "keycloak.v2" : SafeText.of(client.loginTheme()))
                                + "', not the 'alexa' theme made for the Alexa app's web view",
                        "Clients > " + client.clientId()
                                + " > Settings > Login settings > Login theme: alexa (attribute login_theme=alexa)");
    }

    /**
     * Whether the realm lets the {@value #ALEXA_THEME} theme show its languages ({@code ui_locales}, the browser's
     * language). Only for a client whose pages use that theme: the theme check covers the others, and another theme's
     * languages are not known here.
     */
    static Optional<Check> languages(RealmSettings realm, ClientSettings client) {
        if (!ALEXA_THEME.equals(client.loginTheme())) {
            return Optional.empty();
        }
        String option = "or PUT /admin/realms/{realm}/alexa/skills/" + client.clientId() + " with \"" + ENABLE_LANGUAGES
                + "\": true";
        if (!realm.internationalizationEnabled()) {
            return Optional.of(Check.warn(
                    "languages",
                    "the sign-in pages show only English: Internationalization is off",
                    "Realm settings > Localization > Internationalization: on, with supported locales "
                            + String.join(", ", ALEXA_THEME_LOCALES) + " (" + option + ")"));
        }
        List<String> missing = ALEXA_THEME_LOCALES.stream()
                .filter(locale -> !realm.supportedLocales().contains(locale))
                .toList();
        if (!missing.isEmpty()) {
            return Optional.of(Check.warn(
                    "languages",
                    "the sign-in pages cannot show " + String.join(", ", missing)
                            + ": the realm's supported locales lack them",
                    "Realm settings > Localization > Supported locales: add " + String.join(", ", missing) + " ("
                            + option + ")"));
        }
        return Optional.of(Check.pass(
                "languages",
                "the sign-in pages show the 'alexa' theme's languages: " + String.join(", ", ALEXA_THEME_LOCALES)));
    }
}
