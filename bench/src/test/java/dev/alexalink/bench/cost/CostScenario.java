package dev.alexalink.bench.cost;

import java.util.Arrays;

/** What one measured request of a block is. */
enum CostScenario {
    /** Authorize, sign in, consent, code exchange, by a user who never linked the client. */
    LINK("link", "link"),
    /** An authorization answered from a signed-in user's SSO session with a code, then the code exchange. */
    EXCHANGE("exchange", "authorization and code exchange"),
    /** Amazon's refresh grant on an offline refresh token. */
    REFRESH("refresh", "refresh");

    private final String id;
    private final String unit;

    CostScenario(String id, String unit) {
        this.id = id;
        this.unit = unit;
    }

    String id() {
        return id;
    }

    String unit() {
        return unit;
    }

    static CostScenario byId(String id) {
        return Arrays.stream(values())
                .filter(scenario -> scenario.id.equals(id))
                .findFirst()
                .orElse(null);
    }
}
