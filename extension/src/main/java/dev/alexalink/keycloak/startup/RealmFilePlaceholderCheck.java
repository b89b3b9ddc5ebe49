package dev.alexalink.keycloak.startup;

import dev.alexalink.keycloak.clientpolicy.AlexaClientConditionFactory;
import dev.alexalink.keycloak.compat.KeycloakApi;
import dev.alexalink.rules.AlexaRegion;
import dev.alexalink.rules.Placeholders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Before Keycloak imports realm files at startup, checks the files that configure Alexa linking for placeholders
 * whose environment variable is unset, or holds a character that breaks the file's JSON. Keycloak would otherwise
 * keep the literal text, or fail with a message that does not say which variable is wrong (an unset vendor ID makes
 * "A redirect URI is not a valid URI"; a quote makes a JSON parse error).
 */
final class RealmFilePlaceholderCheck {

    private RealmFilePlaceholderCheck() {}

    static void checkImportDirectory() {
        KeycloakApi.importDirectory()
                .map(Path::of)
                .filter(Files::isDirectory)
                .ifPresent(RealmFilePlaceholderCheck::check);
    }

    static void check(Path directory) {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (!configuresAlexa(text)) {
                    continue;
                }
                for (String variable : Placeholders.unresolvedVariables(text, RealmFilePlaceholderCheck::lookup)) {
                    problems.add(file.getFileName() + " uses ${" + variable + "}, but the environment variable "
                            + variable + " is not set");
                }
                for (String problem : Placeholders.valuesBreakingJson(text, RealmFilePlaceholderCheck::lookup)) {
                    problems.add(file.getFileName() + ": " + problem);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read realm files in " + directory, e);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "Alexa account linking: realm import stopped before it began: " + String.join("; ", problems)
                            + ". Correct the variables (or give the placeholders a default) and start again.");
        }
    }

    private static boolean configuresAlexa(String text) {
        if (text.contains("\"" + AlexaClientConditionFactory.PROVIDER_ID + "\"")) {
            return true;
        }
        for (AlexaRegion region : AlexaRegion.values()) {
            if (text.contains(region.host())) {
                return true;
            }
        }
        return false;
    }

    private static String lookup(String name) {
        String value = System.getenv(name);
        return value != null ? value : System.getProperty(name);
    }
}
