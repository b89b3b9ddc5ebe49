package dev.alexalink.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The module's manifests: hand-written in manifests/, generated in target/manifests/. Paths come from the POM. */
final class Manifests {

    static final YAMLMapper YAML = new YAMLMapper();

    /** One YAML document of a manifest file. */
    record Manifest(Path file, int index, JsonNode node) {

        String kind() {
            return node.path("kind").asText();
        }

        String name() {
            return node.path("metadata").path("name").asText();
        }

        @Override
        public String toString() {
            return file.getFileName() + "#" + (index + 1) + " " + kind() + "/" + name();
        }
    }

    private Manifests() {}

    /** A path the POM passes to the tests as a system property. */
    static Path path(String systemProperty) {
        String value = System.getProperty(systemProperty);
        if (value == null) {
            throw new IllegalStateException(
                    "system property " + systemProperty + " is not set: run the tests with Maven");
        }
        return Path.of(value).toAbsolutePath().normalize();
    }

    static List<Path> handWrittenFiles() {
        return yamlFiles(path("manifests.dir"));
    }

    static List<Path> generatedFiles() {
        return yamlFiles(path("generated.manifests.dir"));
    }

    static List<Path> allFiles() {
        return Stream.concat(handWrittenFiles().stream(), generatedFiles().stream())
                .toList();
    }

    static List<Manifest> all() {
        return allFiles().stream().flatMap(file -> read(file).stream()).toList();
    }

    static List<Manifest> handWritten() {
        return handWrittenFiles().stream().flatMap(file -> read(file).stream()).toList();
    }

    static List<Manifest> generated() {
        return generatedFiles().stream().flatMap(file -> read(file).stream()).toList();
    }

    /** The one document of a kind among the given ones. */
    static Manifest only(List<Manifest> manifests, String kind) {
        List<Manifest> found =
                manifests.stream().filter(m -> m.kind().equals(kind)).toList();
        if (found.size() != 1) {
            throw new AssertionError(
                    "expected exactly one " + kind + " among " + manifests + ", found " + found.size());
        }
        return found.get(0);
    }

    static List<Manifest> read(Path file) {
        List<Manifest> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (it.hasNext()) {
                JsonNode document = it.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(new Manifest(file, documents.size(), document));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read manifest " + file, e);
        }
        return documents;
    }

    static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static List<Path> yamlFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("manifest directory " + directory + " does not exist"
                    + " (target/manifests is written by the build's process-classes phase)");
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> yaml = files.filter(f -> f.getFileName().toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
            if (yaml.isEmpty()) {
                throw new IllegalStateException("no .yaml manifests in " + directory);
            }
            return yaml;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }
}
