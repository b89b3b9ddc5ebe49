package dev.alexalink.checker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** All checks of one run, rendered for people ({@link #text()}) or machines ({@link #json()}). */
public record Report(String issuer, List<Check> checks) {

    /** Exit code when every check passed, warned or was skipped. */
    public static final int OK = 0;
    /** Exit code when at least one check failed. */
    public static final int FAILED = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int NAME_WIDTH = 46;

    public Report {
        checks = List.copyOf(checks);
    }

    public int exitCode() {
        return checks.stream().anyMatch(c -> c.outcome() == Outcome.FAIL) ? FAILED : OK;
    }

    public Map<Outcome, Integer> counts() {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome, 0);
        }
        checks.forEach(c -> counts.merge(c.outcome(), 1, Integer::sum));
        return counts;
    }

    public String text() {
        StringBuilder out = new StringBuilder("Alexa account-linking self-check of ")
                .append(issuer)
                .append('\n')
                .append('\n');
        for (Check check : checks) {
            String name = check.name().length() >= NAME_WIDTH
                    ? check.name() + " "
                    : String.format("%-" + NAME_WIDTH + "s", check.name());
            out.append(String.format("%-5s", check.outcome()))
                    .append(' ')
                    .append(name)
                    .append(indent(check.detail()))
                    .append('\n');
            if (check.fix() != null) {
                out.append(" ".repeat(6))
                        .append("fix: ")
                        .append(indent(check.fix()))
                        .append('\n');
            }
        }
        Map<Outcome, Integer> counts = counts();
        out.append('\n')
                .append(
                        exitCode() == OK
                                ? "Result: Amazon's side should be able to link."
                                : "Result: linking will fail; fix the FAIL lines above.")
                .append(String.format(
                        " %d passed, %d warnings, %d failed, %d skipped.%n",
                        counts.get(Outcome.PASS),
                        counts.get(Outcome.WARN),
                        counts.get(Outcome.FAIL),
                        counts.get(Outcome.SKIP)));
        return out.toString();
    }

    public String json() {
        ObjectNode root = JSON.createObjectNode();
        root.put("issuer", issuer);
        root.put("result", exitCode() == OK ? "PASS" : "FAIL");
        root.put("exitCode", exitCode());
        ObjectNode counts = root.putObject("counts");
        counts().forEach((outcome, count) -> counts.put(outcome.name(), count));
        ArrayNode list = root.putArray("checks");
        for (Check check : checks) {
            ObjectNode node = list.addObject();
            node.put("name", check.name());
            node.put("outcome", check.outcome().name());
            node.put("detail", check.detail());
            if (check.fix() != null) {
                node.put("fix", check.fix());
            }
        }
        try {
            return JSON.writeValueAsString(root) + System.lineSeparator();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serializes", e);
        }
    }

    /** Continuation lines of a multi-line detail line up under the first one. */
    private static String indent(String text) {
        return text.replace("\n", "\n" + " ".repeat(6 + NAME_WIDTH));
    }
}
