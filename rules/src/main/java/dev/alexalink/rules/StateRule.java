package dev.alexalink.rules;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Alexa's {@code state} must come back unchanged with the code, whatever its length. Keycloak 26.3 and later drop a
 * {@code state} longer than their limit (4,000 characters by default) with a log line only, and the code then reaches
 * Amazon without it, which Amazon refuses. So an Alexa request whose state the server would drop is refused on the
 * page, naming the limit and the option that raises it; the assembly this project ships raises it to
 * {@value #RECOMMENDED_LIMIT}.
 */
public final class StateRule {

    public static final String NAME = "alexa-state";
    /** The state limit the shipped server sets, and below which the startup check warns. */
    public static final int RECOMMENDED_LIMIT = 16384;
    /** The Keycloak option that sets it ({@code kc.sh start --<option>=…} or {@code keycloak.conf} without the dashes). */
    public static final String OPTION = "spi-login-protocol-openid-connect-req-params-max-size--state";

    private StateRule() {}

    /**
     * @param stateLength the length of the {@code state} parameter as sent, 0 when absent
     * @param serverLimit the longest state the server keeps, empty when it keeps any
     */
    public static Optional<Violation> checkRequest(int stateLength, OptionalInt serverLimit) {
        if (serverLimit.isPresent() && stateLength > serverLimit.getAsInt()) {
            return Optional.of(new Violation(
                    NAME,
                    "the state parameter is " + stateLength + " characters long, over this"
                            + " server's limit of " + serverLimit.getAsInt()
                            + " characters; Keycloak would drop it and Amazon would"
                            + " refuse the code. The admin raises the limit with the option --" + OPTION + "="
                            + RECOMMENDED_LIMIT));
        }
        return Optional.empty();
    }

    /** For the startup check: a limit under the recommended one, said once. */
    public static Optional<String> noteOnServerLimit(OptionalInt serverLimit) {
        if (serverLimit.isPresent() && serverLimit.getAsInt() < RECOMMENDED_LIMIT) {
            return Optional.of("Keycloak drops a state longer than " + serverLimit.getAsInt()
                    + " characters; Alexa requests" + " with a longer state are refused on the page. Raise it with --"
                    + OPTION + "=" + RECOMMENDED_LIMIT);
        }
        return Optional.empty();
    }
}
