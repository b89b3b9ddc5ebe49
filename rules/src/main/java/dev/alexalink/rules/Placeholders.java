package dev.alexalink.rules;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keycloak's realm import replaces {@code ${VAR}} and {@code ${VAR:default}} from the environment, but leaves the
 * text as it is when VAR is unset and has no default. Such a value must never be served as a secret or a URL.
 */
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]*)(?::[^}]*)?}");
    private static final Pattern PLACEHOLDER_WITH_DEFAULT = Pattern.compile("\\$\\{([^}:]*)(:[^}]*)?}");

    private Placeholders() {}

    /** The name of the first unresolved variable in the value, if any. */
    public static Optional<String> unresolvedVariable(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = PLACEHOLDER.matcher(value);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * The variables of the placeholders in a text that have no default and that the lookup cannot resolve, in order of
     * first appearance. {@code ${env.NAME}} is looked up as NAME.
     */
    public static List<String> unresolvedVariables(String text, Function<String, String> lookup) {
        Set<String> unresolved = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER_WITH_DEFAULT.matcher(text);
        while (m.find()) {
            String name = variable(m);
            if (m.group(2) == null && lookup.apply(name) == null) {
                unresolved.add(name);
            }
        }
        return List.copyOf(unresolved);
    }

    /**
     * The variables of the text's placeholders whose value would break the JSON they are pasted into: Keycloak puts
     * the value in as it is, so a double quote, a backslash or a control character ends the string or the file, and
     * the import fails with a JSON parse error that names no variable. Each problem names the variable and the
     * character, never the value (it may be a secret).
     */
    public static List<String> valuesBreakingJson(String text, Function<String, String> lookup) {
        Set<String> problems = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER_WITH_DEFAULT.matcher(text);
        while (m.find()) {
            String name = variable(m);
            String value = lookup.apply(name);
            if (value == null) {
                continue;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"' || c == '\\' || c < 0x20) {
                    String shown = c == '"'
                            ? "a double quote"
                            : c == '\\' ? "a backslash" : String.format("the control character U+%04X", (int) c);
                    problems.add("the environment variable " + name + " holds " + shown + " (character " + (i + 1)
                            + " of " + value.length()
                            + "), which Keycloak would paste unescaped into the realm file's JSON; remove it");
                    break;
                }
            }
        }
        return List.copyOf(problems);
    }

    /** The variable a {@link #PLACEHOLDER_WITH_DEFAULT} match names; {@code ${env.NAME}} names NAME. */
    private static String variable(Matcher placeholder) {
        String name = placeholder.group(1);
        return name.startsWith("env.") ? name.substring(4) : name;
    }

    public static String explain(String variable, String where) {
        return where + " still holds the placeholder ${" + variable + "}: the environment variable " + variable
                + " was not set when the realm was imported. Set " + variable
                + " and import the realm again, or correct the value in the admin console";
    }
}
