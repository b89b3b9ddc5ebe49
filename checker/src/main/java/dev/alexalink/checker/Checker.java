package dev.alexalink.checker;

import dev.alexalink.rules.AlexaRegion;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs every check against one deployment, in the order Amazon meets them, and collects the report. */
public final class Checker {

    private Checker() {}

    public static Report run(Target target, TrustStore trust, Instant now) {
        List<Check> checks = new ArrayList<>();
        TransportChecks.Result transport = TransportChecks.run(target, trust, now);
        checks.addAll(transport.checks());

        HttpClient http = AmazonHttp.client(target, trust, null);
        TokenClient tokens = new TokenClient(http, target.timeout(), target.clientId(), target.clientSecret());
        EndpointChecks endpoints = new EndpointChecks(target, http, tokens);
        List<String> later = new ArrayList<>(List.of(EndpointChecks.DISCOVERY, EndpointChecks.AUTHORIZATION));
        later.addAll(
                target.hasClient()
                        ? List.of(EndpointChecks.TOKEN_BASIC, EndpointChecks.TOKEN_BODY)
                        : List.of(EndpointChecks.TOKEN_NO_CLIENT));
        if (transport.blocker() != null) {
            String reason =
                    "Amazon cannot open a connection to " + target.issuer().getHost() + ":" + target.port() + " (see '"
                            + transport.blocker() + "'): fix that first, then run again";
            later.forEach(name -> checks.add(Check.skip(name, reason)));
            checks.add(Check.skip(LatencyCheck.NAME, reason));
            checks.add(Check.skip("account link", reason));
            return new Report(target.issuer().toString(), checks);
        }
        EndpointChecks.Endpoints found = endpoints.discovery(checks);
        endpoints.authorization(found, checks);
        endpoints.bogusCodes(found, checks);

        if (!target.hasUser()) {
            checks.add(Check.skip(
                    "account link",
                    "needs --username and --password of a test user (and --client-id, --client-secret, "
                            + "--vendor-id) to link in all three regions"));
        } else {
            LinkFlow link = new LinkFlow(target, trust, tokens, found);
            for (AlexaRegion region : AlexaRegion.values()) {
                link.run(region, checks);
            }
            checks.add(new Cleanup(target, trust, tokens).run(found, link.refreshTokens()));
        }
        checks.add(LatencyCheck.judge(tokens.answers().stream()
                .filter(a -> !"revocation".equals(a.label()))
                .toList()));
        if (target.hasClient() && checks.stream().noneMatch(c -> c.outcome() == Outcome.FAIL)) {
            checks.add(realmSettings(target.issuer()));
        }
        return new Report(target.issuer().toString(), checks);
    }

    static final String REALM_SETTINGS = "realm settings";

    /** What cannot be seen from outside: a pointer to the server-side diagnostics, skipped here. */
    static Check realmSettings(URI issuer) {
        return Check.skip(
                REALM_SETTINGS,
                "not visible from outside: offline session idle and max, token lifespans and refresh token reuse are "
                        + "checked on the server, by GET " + diagnosticsUrl(issuer)
                        + " (as an admin with view-realm and view-clients) and on the Alexa admin page "
                        + adminPageUrl(issuer));
    }

    /** {server}/realms/master/alexa-admin/#/{realm}, the Alexa admin page of master's admins, from an issuer. */
    static String adminPageUrl(URI issuer) {
        return fromIssuer(
                issuer,
                (server, realm) -> server + "/realms/master/alexa-admin/#/" + realm,
                "{server}/realms/master/alexa-admin/");
    }

    /** {server}/admin/realms/{realm}/alexa/diagnostics, from an issuer https://host/realms/REALM. */
    static String diagnosticsUrl(URI issuer) {
        return fromIssuer(
                issuer,
                (server, realm) -> server + "/admin/realms/" + realm + "/alexa/diagnostics",
                "{server}/admin/realms/{realm}/alexa/diagnostics");
    }

    /**
     * The URL {@code url} makes of an issuer https://host[/path]/realms/REALM: its server (scheme, authority and the
     * path before /realms) and its realm; {@code unknown} for an issuer of another form.
     */
    private static String fromIssuer(URI issuer, BinaryOperator<String> url, String unknown) {
        Matcher matcher = REALM_ISSUER.matcher(issuer.getRawPath() == null ? "" : issuer.getRawPath());
        if (!matcher.matches()) {
            return unknown;
        }
        return url.apply(issuer.getScheme() + "://" + issuer.getRawAuthority() + matcher.group(1), matcher.group(2));
    }

    private static final Pattern REALM_ISSUER = Pattern.compile("(.*)/realms/([^/]+)");
}
