package dev.alexalink.rules;

import java.net.URI;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An Alexa client may only redirect to the exact Alexa redirect URLs of its vendor IDs and regions, plus app-to-app
 * URLs the admin listed explicitly. Acceptance is an exact string comparison (RFC 9700 §2.1); the structural checks
 * below only serve to name the rule a refused URI broke.
 */
public final class RedirectUriRule {

    public static final String NAME = "alexa-redirect-uris";

    private static final String LEGACY_STATUS_PAGE = "/spa/skill/account-linking-status.html?vendorId=";
    private static final Set<AlexaRegion> LEGACY_STATUS_PAGE_REGIONS =
            EnumSet.of(AlexaRegion.NORTH_AMERICA, AlexaRegion.EUROPE);

    private final List<String> vendorIds;
    private final Set<AlexaRegion> regions;
    private final Set<String> allowed;

    /**
     * @param vendorIds          the Amazon vendor IDs whose redirect URLs are allowed (at least one)
     * @param regions            region ids ({@link AlexaRegion#ids()}); empty means all three
     * @param appRedirectUris    app-to-app (Universal Links / App Links) https URLs, allowed exactly as given
     * @param legacyStatusPage   also allow the older {@code /spa/skill/account-linking-status.html?vendorId=} URLs
     */
    public RedirectUriRule(
            Collection<String> vendorIds,
            Collection<String> regions,
            Collection<String> appRedirectUris,
            boolean legacyStatusPage) {
        List<String> problems = new ArrayList<>();
        InputLimits.tooMany("vendor IDs", vendorIds, InputLimits.MAX_VENDOR_IDS).ifPresent(problems::add);
        InputLimits.tooMany("regions", regions, InputLimits.MAX_LIST_ENTRIES).ifPresent(problems::add);
        InputLimits.tooMany("app-to-app redirect URLs", appRedirectUris, InputLimits.MAX_REDIRECT_URIS)
                .ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw new InvalidRuleConfigurationException(NAME, problems);
        }
        this.vendorIds = vendorIds == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(vendorIds));
        if (this.vendorIds.isEmpty()) {
            problems.add("at least one vendor ID is required");
        }
        this.vendorIds.forEach(v -> VendorId.problem(v).ifPresent(problems::add));

        Set<AlexaRegion> parsedRegions = EnumSet.noneOf(AlexaRegion.class);
        if (regions == null || regions.isEmpty()) {
            parsedRegions.addAll(EnumSet.allOf(AlexaRegion.class));
        } else {
            for (String region : regions) {
                try {
                    parsedRegions.add(AlexaRegion.fromId(region));
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        this.regions = parsedRegions;

        List<String> apps = appRedirectUris == null ? List.of() : new ArrayList<>(appRedirectUris);
        for (String app : apps) {
            Optional<String> tooLong = InputLimits.tooLong("app-to-app redirect URL", app, InputLimits.MAX_URI_LENGTH);
            if (tooLong.isPresent()) {
                problems.add(tooLong.get());
                continue;
            }
            structuralProblem(app)
                    .ifPresent(p -> problems.add("app-to-app redirect URL '" + SafeText.of(app) + "' " + p));
            if (isAlexaHost(hostOf(app))) {
                problems.add("app-to-app redirect URL '" + SafeText.of(app)
                        + "' points at an Alexa host; list vendor IDs instead");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRuleConfigurationException(NAME, problems);
        }

        Set<String> uris = new LinkedHashSet<>();
        for (String vendorId : this.vendorIds) {
            for (AlexaRegion region : this.regions) {
                uris.add(region.redirectUri(vendorId));
            }
        }
        if (legacyStatusPage) {
            for (String vendorId : this.vendorIds) {
                for (AlexaRegion region : this.regions) {
                    if (LEGACY_STATUS_PAGE_REGIONS.contains(region)) {
                        uris.add("https://" + region.host() + LEGACY_STATUS_PAGE + vendorId);
                    }
                }
            }
        }
        uris.addAll(apps);
        this.allowed = Collections.unmodifiableSet(uris);
    }

    /** Every redirect URI this rule accepts, Alexa's regional URLs first. */
    public Set<String> allowedRedirectUris() {
        return allowed;
    }

    public boolean isAllowed(String uri) {
        return uri != null && allowed.contains(uri);
    }

    /** Empty when the URI is allowed, otherwise why not. */
    public Optional<Violation> check(String uri) {
        if (isAllowed(uri)) {
            return Optional.empty();
        }
        Optional<String> tooLong = InputLimits.tooLong("redirect URI", uri, InputLimits.MAX_URI_LENGTH);
        if (tooLong.isPresent()) {
            return Optional.of(new Violation(NAME, tooLong.get()));
        }
        return Optional.of(new Violation(NAME, "redirect URI '" + SafeText.of(uri) + "' is refused: " + reason(uri)));
    }

    /**
     * Checks an authorization request's redirect URI parameters: exactly one, and allowed. Request objects are
     * refused too, because the redirect URI inside them would escape this check.
     *
     * @param redirectUris             every value of the {@code redirect_uri} parameter (null or empty when absent)
     * @param requestObjectParameters  which of {@code request} and {@code request_uri} the request has
     */
    public List<Violation> checkAuthorizationRequest(
            List<String> redirectUris, Collection<String> requestObjectParameters) {
        List<Violation> violations = new ArrayList<>();
        if (requestObjectParameters != null && !requestObjectParameters.isEmpty()) {
            violations.add(new Violation(
                    NAME,
                    "request object parameter(s) " + requestObjectParameters
                            + " are not accepted for Alexa clients: Alexa sends plain parameters"));
        }
        if (redirectUris != null && redirectUris.size() > 1) {
            violations.add(new Violation(
                    NAME,
                    "redirect_uri is given " + redirectUris.size() + " times ("
                            + redirectUris.stream()
                                    .limit(InputLimits.MAX_VALUES_QUOTED)
                                    .map(uri -> "'" + SafeText.of(uri) + "'")
                                    .collect(Collectors.joining(", "))
                            + (redirectUris.size() > InputLimits.MAX_VALUES_QUOTED ? ", …" : "")
                            + "): it must be given once"));
        } else {
            check(redirectUris == null || redirectUris.isEmpty() ? null : redirectUris.get(0))
                    .ifPresent(violations::add);
        }
        return violations;
    }

    /**
     * Checks a client's whole list of redirect URIs: every one must be allowed, and there must be at least one. A list
     * over {@link InputLimits#MAX_REDIRECT_URIS} is refused as a whole, without looking at its entries.
     */
    public List<Violation> checkRegistered(Collection<String> uris) {
        List<Violation> violations = new ArrayList<>();
        Optional<String> tooMany = InputLimits.tooMany("redirect URIs", uris, InputLimits.MAX_REDIRECT_URIS);
        if (tooMany.isPresent()) {
            violations.add(new Violation(NAME, "the client has " + tooMany.get()));
            return violations;
        }
        if (uris == null || uris.isEmpty()) {
            violations.add(new Violation(
                    NAME, "an Alexa client needs its Alexa redirect URLs; register " + InputLimits.quoted(allowed)));
            return violations;
        }
        uris.forEach(uri -> check(uri).ifPresent(violations::add));
        return violations;
    }

    /** Regional redirect URLs the client does not register: users of those regions cannot link. */
    public List<String> missingRegionalUris(Collection<String> registered) {
        List<String> missing = new ArrayList<>();
        for (String vendorId : vendorIds) {
            for (AlexaRegion region : regions) {
                String uri = region.redirectUri(vendorId);
                if (registered == null || !registered.contains(uri)) {
                    missing.add(uri);
                }
            }
        }
        return missing;
    }

    private String reason(String uri) {
        if (uri == null || uri.isEmpty()) {
            return "redirect_uri is required for Alexa clients";
        }
        Optional<String> variable = Placeholders.unresolvedVariable(uri);
        if (variable.isPresent()) {
            return Placeholders.explain(variable.get(), "it");
        }
        Optional<String> structural = structuralProblem(uri);
        if (structural.isPresent()) {
            return "it " + structural.get();
        }
        String host = hostOf(uri);
        AlexaRegion region = AlexaRegion.fromHost(host);
        if (region == null) {
            return "host '" + host + "' is neither an Alexa redirect host (" + AlexaRegion.hosts()
                    + ") nor part of a configured app-to-app redirect URL";
        }
        if (!regions.contains(region)) {
            return "region " + region.id() + " (" + host + ") is not enabled for this skill";
        }
        String path = uri.substring(("https://" + host).length());
        if (!path.startsWith(AlexaRegion.LINK_PATH)) {
            return "the path must be " + AlexaRegion.LINK_PATH + "{vendorId}";
        }
        String vendor = path.substring(AlexaRegion.LINK_PATH.length());
        if (vendor.contains("/") || vendor.isEmpty()) {
            return "the path must end with the vendor ID (" + AlexaRegion.LINK_PATH
                    + "{vendorId}, no trailing slash or further segments)";
        }
        if (!vendorIds.contains(vendor)) {
            return "vendor ID '" + SafeText.of(vendor) + "' is not one of the configured vendor IDs " + vendorIds;
        }
        return "it is not one of the allowed redirect URLs " + InputLimits.quoted(allowed);
    }

    /**
     * Problems any redirect URL has regardless of host: the attack shapes of redirect URI validation bypasses.
     * The returned phrase completes "the URI ...".
     */
    static Optional<String> structuralProblem(String uri) {
        if (uri == null || uri.isBlank()) {
            return Optional.of("is empty");
        }
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                return Optional.of("contains whitespace or control characters");
            }
            if (c > 0x7E) {
                return Optional.of("contains non-ASCII characters (look-alike hosts or dots are not allowed)");
            }
        }
        if (uri.contains("*")) {
            return Optional.of("contains a wildcard: redirect URIs are matched exactly (RFC 9700 §2.1)");
        }
        if (uri.contains("\\")) {
            return Optional.of("contains a backslash");
        }
        String lower = uri.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://")) {
            return Optional.of("uses http: Alexa requires https");
        }
        if (uri.startsWith("//")) {
            return Optional.of("is scheme-relative: it must start with https://");
        }
        if (!uri.startsWith("https://")) {
            return Optional.of("must start with https:// (lower case), other schemes are not allowed");
        }
        String rest = uri.substring("https://".length());
        int end = firstOf(rest, "/?#");
        String authority = end < 0 ? rest : rest.substring(0, end);
        if (authority.contains("@")) {
            return Optional.of("contains userinfo ('@' in the host part)");
        }
        if (authority.contains(":")) {
            return Optional.of("specifies a port: use the default https port without writing it");
        }
        if (authority.isEmpty()) {
            return Optional.of("has no host");
        }
        if (!authority.equals(authority.toLowerCase(Locale.ROOT))) {
            return Optional.of("has upper-case letters in the host: write the host in lower case");
        }
        if (authority.endsWith(".") || authority.contains("..")) {
            return Optional.of("has an empty label or trailing dot in the host");
        }
        if (uri.contains("#")) {
            return Optional.of("contains a fragment ('#')");
        }
        String afterAuthority = end < 0 ? "" : rest.substring(end);
        int query = afterAuthority.indexOf('?');
        String path = query < 0 ? afterAuthority : afterAuthority.substring(0, query);
        if (path.contains("%")) {
            return Optional.of("contains percent-encoded characters in the path");
        }
        if (path.contains(";")) {
            return Optional.of("contains a path parameter (';')");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("contains a dot segment ('.' or '..')");
            }
        }
        if (path.contains("//")) {
            return Optional.of("contains an empty path segment ('//')");
        }
        if (query >= 0) {
            return Optional.of("contains a query ('?')");
        }
        return Optional.empty();
    }

    /** The host part of an https URL as written, or "" when there is none. */
    static String hostOf(String uri) {
        if (uri == null || !uri.startsWith("https://")) {
            return "";
        }
        return hostOfAuthority(uri.substring("https://".length()));
    }

    /**
     * True when a redirect URI, however malformed, names an Alexa host in its authority (including subdomains,
     * ports, userinfo, upper case, full-width or ideographic dots, embedded whitespace, a trailing dot, or a missing
     * "//"). Used to recognise Alexa clients generously, so that a bad redirect URI cannot take a client out of the
     * rules' reach.
     */
    public static boolean pointsAtAlexaHost(String uri) {
        if (uri == null) {
            return false;
        }
        String folded = Normalizer.normalize(uri, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .replace('\u3002', '.')
                .replace('\\', '/')
                .replaceAll("[\\s\\p{Cntrl}\\p{Cf}]", "");
        int slashes = folded.indexOf("//");
        int colon = folded.indexOf(':');
        String afterScheme =
                slashes >= 0 ? folded.substring(slashes + 2) : colon >= 0 ? folded.substring(colon + 1) : "";
        String host = hostOfAuthority(afterScheme);
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return isAlexaHost(host);
    }

    /** The host in text that starts with a URI's authority: before any path, query or fragment, userinfo or port. */
    private static String hostOfAuthority(String rest) {
        int end = firstOf(rest, "/?#");
        String authority = end < 0 ? rest : rest.substring(0, end);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        int colon = authority.indexOf(':');
        return colon >= 0 ? authority.substring(0, colon) : authority;
    }

    private static boolean isAlexaHost(String host) {
        for (AlexaRegion region : AlexaRegion.values()) {
            if (host.equals(region.host()) || host.endsWith("." + region.host())) {
                return true;
            }
        }
        return false;
    }

    private static int firstOf(String s, String chars) {
        int best = -1;
        for (char c : chars.toCharArray()) {
            int i = s.indexOf(c);
            if (i >= 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best;
    }

    /** The report's check of a client's redirect URIs; {@code rule} is null when no executor applies this rule. */
    public static Check check(RedirectUriRule rule, ClientSettings client) {
        if (rule == null) {
            return Check.fail(
                    "redirect-uris",
                    "no 'alexa-redirect-uris' executor checks this client's redirect URIs",
                    "add executor 'alexa-redirect-uris' with your vendor IDs to profile 'alexa-account-linking' ("
                            + AlexaDiagnostics.ENABLE_SKILL + ")");
        }
        List<String> refused = new ArrayList<>();
        rule.checkRegistered(client.redirectUris()).forEach(v -> refused.add(v.message()));
        // Only the vendors this client links for: a realm with several skills allows every skill's vendor.
        List<String> vendors = client.redirectUris().stream()
                .filter(rule::isAllowed)
                .filter(uri -> uri.contains(AlexaRegion.LINK_PATH))
                .map(uri -> uri.substring(uri.indexOf(AlexaRegion.LINK_PATH) + AlexaRegion.LINK_PATH.length()))
                .distinct()
                .toList();
        List<String> missing = rule.missingRegionalUris(client.redirectUris()).stream()
                .filter(uri -> vendors.stream().anyMatch(vendor -> uri.endsWith(AlexaRegion.LINK_PATH + vendor)))
                .toList();
        List<String> unreachable = new ArrayList<>();
        for (String uri : missing) {
            AlexaRegion region = AlexaRegion.fromHost(URI.create(uri).getHost());
            unreachable.add("users of region " + region.id() + " cannot link: " + uri + " is not registered");
        }
        if (refused.isEmpty() && unreachable.isEmpty()) {
            return Check.pass(
                    "redirect-uris",
                    "registers " + client.redirectUris().size() + " redirect URL(s), all Alexa's: "
                            + String.join(" ", client.redirectUris()));
        }
        List<String> keep = new ArrayList<>();
        client.redirectUris().stream().filter(rule::isAllowed).forEach(keep::add);
        missing.stream().filter(uri -> !keep.contains(uri)).forEach(keep::add);
        // A client with none of its skill's URLs yet: the policy's Alexa URLs to choose its vendor's from, capped.
        String fix = Check.settings(client) + "Valid redirect URIs: "
                + (keep.isEmpty()
                        ? "the Alexa redirect URLs of this skill's vendor ID, of "
                                + InputLimits.quoted(rule.allowed.stream()
                                        .filter(uri ->
                                                AlexaRegion.ofRedirectUri(uri).isPresent())
                                        .toList())
                        : "exactly " + String.join(" ", keep));
        if (refused.isEmpty()) {
            // A skill may be meant for some regions only; the policy allows more.
            return Check.warn(
                    "redirect-uris",
                    InputLimits.listed(unreachable),
                    fix + " (or leave them out if the skill is not offered there)");
        }
        List<String> problems = new ArrayList<>(refused);
        problems.addAll(unreachable);
        return Check.fail("redirect-uris", InputLimits.listed(problems), fix);
    }
}
