package dev.alexalink.checker;

import java.net.URI;

/** The three Alexa Redirect URLs: the Alexa app uses its user's region's one, so a skill needs all three. */
public enum AlexaRegion {
    NORTH_AMERICA("pitangui.amazon.com"),
    EUROPE("layla.amazon.com"),
    FAR_EAST("alexa.amazon.co.jp");

    private final String host;

    AlexaRegion(String host) {
        this.host = host;
    }

    public String host() {
        return host;
    }

    public URI redirectUri(String vendorId) {
        return URI.create("https://" + host + "/api/skill/link/" + vendorId);
    }
}
