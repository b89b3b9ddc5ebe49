package dev.alexalink.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Alexa's three regional redirect hosts. The Alexa app uses the one of the user's region, so a skill allows all
 * three unless it is only published in some of them.
 */
public enum AlexaRegion {
    NORTH_AMERICA("north-america", "pitangui.amazon.com"),
    EUROPE("europe", "layla.amazon.com"),
    FAR_EAST("far-east", "alexa.amazon.co.jp");

    public static final String LINK_PATH = "/api/skill/link/";

    private final String id;
    private final String host;

    AlexaRegion(String id, String host) {
        this.id = id;
        this.host = host;
    }

    public String id() {
        return id;
    }

    public String host() {
        return host;
    }

    /** The exact redirect URL Alexa sends for this region and vendor. */
    public String redirectUri(String vendorId) {
        return "https://" + host + LINK_PATH + vendorId;
    }

    public static AlexaRegion fromId(String id) {
        String normalized = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (AlexaRegion region : values()) {
            if (region.id.equals(normalized)) {
                return region;
            }
        }
        throw new IllegalArgumentException("unknown Alexa region '" + id + "' (known: " + ids() + ")");
    }

    public static AlexaRegion fromHost(String host) {
        for (AlexaRegion region : values()) {
            if (region.host.equals(host)) {
                return region;
            }
        }
        return null;
    }

    /**
     * The region of a redirect URL that starts with {@code https://{host}/} of an Alexa region, exactly as Alexa sends
     * it; empty for any other URL (app-to-app, look-alike host, userinfo, port, none at all).
     */
    public static Optional<AlexaRegion> ofRedirectUri(String uri) {
        if (uri == null) {
            return Optional.empty();
        }
        for (AlexaRegion region : values()) {
            if (uri.startsWith("https://" + region.host + "/")) {
                return Optional.of(region);
            }
        }
        return Optional.empty();
    }

    public static String ids() {
        return Arrays.stream(values()).map(AlexaRegion::id).collect(Collectors.joining(", "));
    }

    public static String hosts() {
        return Arrays.stream(values()).map(AlexaRegion::host).collect(Collectors.joining(", "));
    }
}
