package dev.alexalink.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the Keycloak Operator's {@code KeycloakRealmImport} for a realm file, so that the realm file stays the one
 * source of the realm.
 *
 * <p>Keycloak replaces the file's {@code ${VAR}} placeholders from the environment of the operator's import Job, and
 * the operator fills that environment from the Secret keys named in {@code spec.placeholders}. A placeholder without
 * a default that has no Secret key here would reach Keycloak unresolved, so it stops the build instead.
 *
 * <p>Usage: {@code RealmImportGenerator <realm.json> <output.yaml> <Keycloak CR name>}
 */
public final class RealmImportGenerator {

    /** The Secret with the values of the realm file's required placeholders: one key per placeholder, of its name. */
    static final String PLACEHOLDER_SECRET = "alexa-realm-placeholders";

    /** The placeholders without a default that the import may use. */
    static final Set<String> SECRET_PLACEHOLDERS = Set.of("ALEXA_CLIENT_SECRET", "ALEXA_VENDOR_ID");

    // Keycloak's syntax: ${NAME}, ${NAME:default}, and ${env.NAME} for the environment variable NAME.
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]*)(:[^}]*)?}");
    // A DNS label: Jobs and Secrets are named after these resources, and their names go into labels.
    private static final Pattern KUBERNETES_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final YAMLMapper YAML =
            YAMLMapper.builder().disable(YAMLGenerator.Feature.SPLIT_LINES).build();

    private RealmImportGenerator() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException(
                    "expected 3 arguments: <realm.json> <output.yaml> <Keycloak CR name>, got " + args.length + ": "
                            + List.of(args));
        }
        Path realmFile = Path.of(args[0]).toAbsolutePath().normalize();
        Path output = Path.of(args[1]).toAbsolutePath().normalize();
        // Messages name the whole path; the generated file names only the file, so it is the same on every machine.
        String yaml = toYaml(
                realmImport(readRealmFile(realmFile), realmFile.toString(), args[2]),
                realmFile.getFileName().toString());
        Files.createDirectories(output.getParent());
        Files.writeString(output, yaml, StandardCharsets.UTF_8);
        System.out.println("Wrote " + output + " from " + realmFile);
    }

    static String readRealmFile(Path realmFile) {
        try {
            return Files.readString(realmFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("cannot read the realm file " + realmFile + ": it does not exist", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the realm file " + realmFile + ": " + e, e);
        }
    }

    /**
     * The KeycloakRealmImport for a realm file's text. {@code source} names the file in messages.
     *
     * @throws IllegalArgumentException naming the value and the rule it broke
     */
    static ObjectNode realmImport(String realmJson, String source, String keycloakCrName) {
        JsonNode realm = parseRealm(realmJson, source);
        String realmName = realmName(realm, source);
        String importName = realmName + "-realm-import";
        requireKubernetesName(importName, "the KeycloakRealmImport named after realm '" + realmName + "' of " + source);
        requireKubernetesName(keycloakCrName, "the Keycloak CR name");

        ObjectNode resource = JSON.createObjectNode();
        resource.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        resource.put("kind", "KeycloakRealmImport");
        resource.putObject("metadata").put("name", importName);
        ObjectNode spec = resource.putObject("spec");
        spec.put("keycloakCRName", keycloakCrName);
        List<String> secretPlaceholders = secretPlaceholders(realmJson, source);
        if (!secretPlaceholders.isEmpty()) {
            ObjectNode placeholders = spec.putObject("placeholders");
            for (String name : secretPlaceholders) {
                placeholders
                        .putObject(name)
                        .putObject("secret")
                        .put("name", PLACEHOLDER_SECRET)
                        .put("key", name);
            }
        }
        spec.set("realm", realm);
        return resource;
    }

    static String toYaml(ObjectNode realmImport, String source) {
        List<String> fromSecret = new ArrayList<>();
        realmImport.path("spec").path("placeholders").fieldNames().forEachRemaining(fromSecret::add);
        StringBuilder header = new StringBuilder()
                .append("# Generated from ")
                .append(source)
                .append(" by ")
                .append(RealmImportGenerator.class.getSimpleName())
                .append(" at build time. Do not edit: edit the realm file.\n");
        if (!fromSecret.isEmpty()) {
            header.append("# ")
                    .append(String.join(", ", fromSecret))
                    .append(": from the Secret ")
                    .append(PLACEHOLDER_SECRET)
                    .append(",\n#   one key per placeholder, in the namespace of this resource.\n");
        }
        List<String> withDefault = placeholdersWithDefaultOnly(
                realmImport.path("spec").path("realm").toString());
        if (!withDefault.isEmpty()) {
            header.append("# ")
                    .append(String.join(", ", withDefault))
                    .append(": the realm file's defaults,\n")
                    .append(
                            "#   unless the import Job has that environment variable: it runs with the Keycloak CR's pod\n")
                    .append("#   template, so spec.unsupported.podTemplate env of the Keycloak CR applies.\n");
        }
        try {
            return header + YAML.writeValueAsString(realmImport);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot write the realm import of " + source + " as YAML: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode parseRealm(String realmJson, String source) {
        JsonNode realm;
        try {
            realm = JSON.readTree(realmJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "the realm file " + source + " is not valid JSON: " + e.getOriginalMessage() + " (line "
                            + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")",
                    e);
        }
        if (realm == null || !realm.isObject()) {
            boolean empty = realm == null || realm.isMissingNode();
            throw new IllegalArgumentException("the realm file " + source
                    + " must hold one JSON object (a realm representation), but holds "
                    + (empty ? "nothing" : realm.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        return realm;
    }

    private static String realmName(JsonNode realm, String source) {
        JsonNode name = realm.get("realm");
        if (name == null || name.isNull()) {
            throw new IllegalArgumentException("the realm file " + source
                    + " has no \"realm\" (the realm's name): a KeycloakRealmImport needs it");
        }
        if (!name.isTextual() || name.asText().isBlank()) {
            throw new IllegalArgumentException("the realm file " + source + " has \"realm\": " + name
                    + ", but the realm's name must be a non-empty string");
        }
        return name.asText();
    }

    private static void requireKubernetesName(String name, String what) {
        if (name == null || !KUBERNETES_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    what + " is '" + name
                            + "', but Kubernetes names here must be 1 to 63 lowercase letters, digits and '-', starting and ending with a letter or digit");
        }
    }

    /** The placeholders used without a default at least once, in name order; fails for any that has no Secret key. */
    private static List<String> secretPlaceholders(String realmJson, String source) {
        List<String> required = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Boolean> placeholder :
                placeholders(realmJson, source).entrySet()) {
            String name = placeholder.getKey();
            if (!placeholder.getValue()) {
                continue;
            }
            if (SECRET_PLACEHOLDERS.contains(name)) {
                required.add(name);
            } else {
                problems.add("${" + name + "} has no default and no Secret key in the realm import (it knows "
                        + String.join(
                                ", ", SECRET_PLACEHOLDERS.stream().sorted().toList()) + "): add " + name
                        + " to RealmImportGenerator.SECRET_PLACEHOLDERS and to the Secret " + PLACEHOLDER_SECRET
                        + ", or give it a default: ${" + name + ":value}");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    "the realm file " + source + " cannot be imported by the operator: " + String.join("; ", problems));
        }
        return required;
    }

    private static List<String> placeholdersWithDefaultOnly(String text) {
        List<String> names = new ArrayList<>();
        placeholders(text, "the realm").forEach((name, required) -> {
            if (!required) {
                names.add(name);
            }
        });
        return names;
    }

    /** Each variable named by a placeholder, mapped to whether some use of it has no default. */
    private static Map<String, Boolean> placeholders(String text, String source) {
        Map<String, Boolean> placeholders = new TreeMap<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            String name = m.group(1).startsWith("env.") ? m.group(1).substring(4) : m.group(1);
            if (name.isBlank()) {
                throw new IllegalArgumentException("the realm file " + source + " has the placeholder '" + m.group()
                        + "', which names no variable");
            }
            placeholders.merge(name, m.group(2) == null, Boolean::logicalOr);
        }
        return placeholders;
    }
}
