package dev.alexalink.reliability;

import dev.alexalink.rules.AlexaRegion;

/**
 * One linked account as Alexa keeps it: the user, the region's redirect URL it was linked through, and the newest
 * refresh token Alexa received. Alexa keeps the old token when an answer never reached it (a crash mid-request).
 */
final class AlexaLink {

    private final String username;
    private final AlexaRegion region;
    private volatile String refreshToken;

    AlexaLink(String username, AlexaRegion region, String refreshToken) {
        this.username = username;
        this.region = region;
        this.refreshToken = refreshToken;
    }

    String username() {
        return username;
    }

    AlexaRegion region() {
        return region;
    }

    String refreshToken() {
        return refreshToken;
    }

    void received(String newRefreshToken) {
        this.refreshToken = newRefreshToken;
    }

    @Override
    public String toString() {
        return username + " (" + region.id() + ")";
    }
}
