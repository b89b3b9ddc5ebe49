package dev.alexalink.rules;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * How much outside input the rules take: client registrations and admin requests, authorization and token requests,
 * executor configuration, skill API bodies. Each limit is checked before any other work on the input, so that a
 * refusal costs little whatever was sent, and is refused with one message that names the limit and this rule.
 * Messages and log lines list at most {@link #MAX_PROBLEMS_LISTED} problems, each value cut by {@link SafeText}.
 * <p>
 * The limits sit well above anything Alexa needs: a skill has one vendor ID per Amazon developer account, three
 * regions, at most 15 scopes (the Alexa console's limit), and Alexa's redirect URLs are under 100 characters.
 */
public final class InputLimits {

    public static final String NAME = "alexa-input-limits";
    /** Vendor IDs of one skill or executor. */
    public static final int MAX_VENDOR_IDS = 20;
    /**
     * Redirect URIs of one Alexa client, and app-to-app URLs of one skill: 20 vendor IDs in 3 regions, with the
     * legacy status pages, are 100.
     */
    public static final int MAX_REDIRECT_URIS = 200;
    /** One redirect URI, app-to-app URL or other URL an admin gives. */
    public static final int MAX_URI_LENGTH = 2_048;
    /** Entries of any other list an admin gives (regions, scopes), before duplicates are taken out. */
    public static final int MAX_LIST_ENTRIES = 100;
    /** The {@code scope} parameter of an authorization or refresh request, in characters. */
    public static final int MAX_SCOPE_PARAMETER_LENGTH = 2_048;
    /** Values a message quotes from a list (the redirect_uri values of a request, the allowed redirect URLs). */
    public static final int MAX_VALUES_QUOTED = 10;
    /** Problems a refusal lists (in its message and its one log line); the rest are counted. */
    public static final int MAX_PROBLEMS_LISTED = 10;
    /** The body of a skill API request, in bytes. */
    public static final int MAX_SKILL_BODY_BYTES = 65_536;

    private InputLimits() {}

    /** A problem when the list has more entries than the limit; names the count, the limit and this rule. */
    public static Optional<String> tooMany(String what, Collection<?> values, int limit) {
        if (values == null || values.size() <= limit) {
            return Optional.empty();
        }
        return Optional.of(values.size() + " " + what + ", over the limit of " + limit + " (" + NAME + ")");
    }

    /** A problem when the text is longer than the limit; quotes its start, names its length, the limit and this rule. */
    public static Optional<String> tooLong(String what, String value, int limit) {
        if (value == null || value.length() <= limit) {
            return Optional.empty();
        }
        return Optional.of(what + " '" + SafeText.of(value) + "' is " + value.length()
                + " characters long, over the limit of " + limit + " (" + NAME + ")");
    }

    /** A list as messages quote it: its first {@link #MAX_VALUES_QUOTED} values, each cut by {@link SafeText}. */
    public static String quoted(Collection<String> values) {
        StringBuilder out = new StringBuilder("[");
        int i = 0;
        for (String value : values) {
            if (i == MAX_VALUES_QUOTED) {
                out.append(", … (").append(values.size()).append(" in all)");
                break;
            }
            out.append(i++ == 0 ? "" : ", ").append(SafeText.of(value));
        }
        return out.append(']').toString();
    }

    /** At most {@link #MAX_PROBLEMS_LISTED} of the problems, joined by "; ", and how many more there are. */
    public static String listed(List<?> problems) {
        StringBuilder out = new StringBuilder();
        int shown = Math.min(problems.size(), MAX_PROBLEMS_LISTED);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                out.append("; ");
            }
            out.append(problems.get(i));
        }
        if (problems.size() > shown) {
            out.append("; and ")
                    .append(problems.size() - shown)
                    .append(" more problem(s) (")
                    .append(NAME)
                    .append(" lists at most ")
                    .append(MAX_PROBLEMS_LISTED)
                    .append(')');
        }
        return out.toString();
    }

    /** The first {@link #MAX_PROBLEMS_LISTED} problems, for answers that carry a list. */
    public static <T> List<T> firstListed(List<T> problems) {
        return problems.size() <= MAX_PROBLEMS_LISTED
                ? problems
                : List.copyOf(problems.subList(0, MAX_PROBLEMS_LISTED));
    }
}
