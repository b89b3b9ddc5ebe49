package dev.alexalink.bench.load;

/** The three things Alexa does to Keycloak, each measured on the Alexa client and on the control client. */
public enum Scenario {
    /** The whole link: authorize, sign-in, consent (a fresh user each time), then Amazon's code exchange. */
    LINK("link", "links/s", "token"),
    /** Authorize with the user's SSO session (no sign-in, consent already given), then the code exchange. */
    EXCHANGE("exchange", "exchanges/s", "token"),
    /** Amazon's refresh grant with HTTP Basic client authentication. */
    REFRESH("refresh", "refreshes/s", "refresh");

    private final String id;
    private final String unit;
    private final String tokenRequest;

    Scenario(String id, String unit, String tokenRequest) {
        this.id = id;
        this.unit = unit;
        this.tokenRequest = tokenRequest;
    }

    public String id() {
        return id;
    }

    public String unit() {
        return unit;
    }

    /** The request to the token endpoint, whose latency the 50 ms target is about. */
    public String tokenRequest() {
        return tokenRequest;
    }

    static Scenario named(String id) {
        for (Scenario scenario : values()) {
            if (scenario.id.equals(id)) {
                return scenario;
            }
        }
        return null;
    }
}
