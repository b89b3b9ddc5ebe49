package dev.alexalink.keycloak.compat;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.stream.Collectors.toList;
import static java.util.stream.Collectors.toMap;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the statements about supported Keycloak versions from drifting apart: the list CI runs
 * ({@code .ci/keycloak-versions}), the README's compatibility table, the version pinned in pom.xml, the range this
 * provider accepts ({@link KeycloakVersion}), the Dockerfile's default base image and the README's file names.
 * The results in the table are CI's to prove: {@code .ci/run} fails when any listed version fails.
 */
class CompatibilityTableTest {

    private static final Path ROOT = Path.of(System.getProperty("project.root", ".."));
    private static final String MAIN_VERSION = System.getProperty("keycloak.version");
    private static final String PROJECT_VERSION = System.getProperty("project.version");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| (\\d+\\.\\d+\\.\\d+) \\| ([^|]+) \\| ([^|]+) \\|$");

    @Test
    void theReadmeTableListsExactlyTheVersionsCiRuns() throws IOException {
        List<String> all = new ArrayList<>(ciVersions());
        all.addAll(refusedVersions());
        assertThat(readmeTable().keySet()).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void eachRowSaysWhatCiRunsOnIt() throws IOException {
        assertThat(MAIN_VERSION).as("keycloak.version from pom.xml").isNotBlank();
        assertThat(ciVersions()).contains(MAIN_VERSION);
        List<String> refused = refusedVersions();
        readmeTable()
                .forEach((version, ran) -> assertThat(ran)
                        .as("README row of Keycloak " + version)
                        .startsWith(
                                version.equals(MAIN_VERSION)
                                        ? "full suite"
                                        : refused.contains(version) ? "refusal" : "core suites"));
    }

    @Test
    void theVersionsCiRefusesAreRefused() throws IOException {
        assertThat(refusedVersions())
                .isNotEmpty()
                .allSatisfy(version ->
                        assertThat(KeycloakVersion.refusal(version)).as(version).isPresent());
    }

    @Test
    void theAcceptedRangeIsTheOneCiRuns() throws IOException {
        List<String> minors = ciVersions().stream()
                .map(v -> v.substring(0, v.lastIndexOf('.')))
                .distinct()
                .collect(toList());
        assertThat(minors.get(0)).isEqualTo(KeycloakVersion.OLDEST);
        assertThat(minors.get(minors.size() - 1)).isEqualTo(KeycloakVersion.NEWEST);
        ciVersions().forEach(v -> assertThat(KeycloakVersion.refusal(v)).as(v).isEmpty());
    }

    @Test
    void theDockerfilePinsTheMainVersionAsItsDefaultBase() throws IOException {
        assertThat(Files.readAllLines(ROOT.resolve("docker/Dockerfile")))
                .filteredOn(line -> line.startsWith("ARG KEYCLOAK_IMAGE"))
                .containsExactly("ARG KEYCLOAK_IMAGE=quay.io/keycloak/keycloak:" + MAIN_VERSION);
    }

    @Test
    void theReadmeNamesTheFilesTheBuildWrites() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        assertThat(readme)
                .contains("extension/target/alexa-linking-extension-" + PROJECT_VERSION + ".jar")
                .contains("themes/target/alexa-linking-themes-" + PROJECT_VERSION + ".jar")
                .doesNotContain("alexa-linking-extension.jar", "alexa-linking-themes.jar");
    }

    /** The supported versions of {@code .ci/keycloak-versions}, oldest first. */
    private static List<String> ciVersions() throws IOException {
        return listed().stream().filter(line -> !line.startsWith("refused ")).collect(toList());
    }

    /** The versions of its {@code refused <version>} lines. */
    private static List<String> refusedVersions() throws IOException {
        return listed().stream()
                .filter(line -> line.startsWith("refused "))
                .map(line -> line.substring(8).strip())
                .collect(toList());
    }

    private static List<String> listed() throws IOException {
        return Files.readAllLines(ROOT.resolve(".ci/keycloak-versions")).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .collect(toList());
    }

    /** Version → "what CI runs", in the README's order. */
    private static Map<String, String> readmeTable() throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(ROOT.resolve("README.md"))) {
            Matcher row = TABLE_ROW.matcher(line.strip());
            if (row.matches()) {
                rows.add(new String[] {row.group(1), row.group(2).strip()});
            }
        }
        return rows.stream()
                .collect(toMap(
                        r -> r[0],
                        r -> r[1],
                        (a, b) -> {
                            throw new AssertionError("README lists a Keycloak version twice: " + a);
                        },
                        LinkedHashMap::new));
    }
}
