package dev.alexalink.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Validates manifests against a CustomResourceDefinition's {@code openAPIV3Schema}, read from {@code src/test/resources/crds/}.
 *
 * <p>The schema is turned into a JSON Schema (draft 7) that accepts what the API server keeps as it is:
 * <ul>
 *   <li>an object field the schema does not name is refused, because the API server would prune it (or, with strict
 *       field validation, refuse it), unless {@code x-kubernetes-preserve-unknown-fields} keeps it;</li>
 *   <li>{@code x-kubernetes-int-or-string} accepts an integer or a string;</li>
 *   <li>{@code nullable: true} also accepts null;</li>
 *   <li>{@code x-kubernetes-embedded-resource} allows apiVersion, kind and metadata;</li>
 *   <li>the other {@code x-kubernetes-*} extensions do not restrict values and are dropped;</li>
 *   <li>at the top level, apiVersion and kind must be the CRD's, and metadata.name a valid name, as the API server
 *       demands of every resource.</li>
 * </ul>
 */
final class CrdValidator {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    // RFC 1123 subdomain, the rule for the names of custom resources.
    private static final String NAME_PATTERN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

    private final String apiVersion;
    private final String kind;
    private final JsonNode openApiSchema;
    private final JsonSchema schema;

    private CrdValidator(String apiVersion, String kind, JsonNode openApiSchema) {
        this.apiVersion = apiVersion;
        this.kind = kind;
        this.openApiSchema = openApiSchema;
        this.schema = SCHEMAS.getSchema(resourceSchema(apiVersion, kind, toJsonSchema(openApiSchema)));
    }

    /** The CRD in {@code src/test/resources/crds/<fileName>}, at its storage version. */
    static CrdValidator load(String fileName) {
        JsonNode crd;
        try (InputStream in = CrdValidator.class.getResourceAsStream("/crds/" + fileName)) {
            if (in == null) {
                throw new IllegalArgumentException("no CRD file crds/" + fileName + " in the test resources");
            }
            crd = YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read CRD crds/" + fileName, e);
        }
        String group = crd.path("spec").path("group").asText();
        String kind = crd.path("spec").path("names").path("kind").asText();
        for (JsonNode version : crd.path("spec").path("versions")) {
            if (version.path("storage").asBoolean()) {
                JsonNode openApi = version.path("schema").path("openAPIV3Schema");
                if (!openApi.isObject()) {
                    throw new IllegalArgumentException("CRD crds/" + fileName + " version "
                            + version.path("name").asText() + " has no openAPIV3Schema");
                }
                return new CrdValidator(group + "/" + version.path("name").asText(), kind, openApi);
            }
        }
        throw new IllegalArgumentException("CRD crds/" + fileName + " has no storage version");
    }

    String apiVersion() {
        return apiVersion;
    }

    String kind() {
        return kind;
    }

    /** What is wrong with a whole manifest of this CRD's kind, one line each; empty when it is valid. */
    List<String> problems(JsonNode manifest) {
        return messages(schema, manifest);
    }

    /**
     * What is wrong with a value against the part of this CRD's schema at a path of property names, e.g.
     * {@code spec, unsupported, podTemplate}.
     */
    List<String> problemsAt(JsonNode value, String... propertyPath) {
        JsonNode part = openApiSchema;
        for (String property : propertyPath) {
            part = part.path("properties").path(property);
            if (part.isMissingNode()) {
                throw new IllegalArgumentException(
                        kind + " schema has no property path " + String.join(".", propertyPath));
            }
        }
        return messages(SCHEMAS.getSchema(toJsonSchema(part)), value);
    }

    private static List<String> messages(JsonSchema schema, JsonNode value) {
        return schema.validate(value).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }

    /** A Kubernetes structural schema (OpenAPI v3 subset with x-kubernetes-* extensions) as a JSON Schema. */
    static ObjectNode toJsonSchema(JsonNode openApi) {
        if (!openApi.isObject()) {
            throw new IllegalArgumentException("a schema must be an object, found " + openApi);
        }
        ObjectNode result = NODES.objectNode();
        for (Map.Entry<String, JsonNode> field : openApi.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            switch (key) {
                case "properties" -> {
                    ObjectNode properties = result.putObject("properties");
                    value.properties().forEach(p -> properties.set(p.getKey(), toJsonSchema(p.getValue())));
                }
                case "items", "not" -> result.set(key, toJsonSchema(value));
                case "additionalProperties" -> result.set(key, value.isObject() ? toJsonSchema(value) : value);
                case "anyOf", "allOf", "oneOf" -> {
                    ArrayNode alternatives = result.putArray(key);
                    value.forEach(alternative -> alternatives.add(toJsonSchema(alternative)));
                }
                case "nullable" -> {
                    // applied below, once type and enum are copied
                }
                default -> {
                    if (!key.startsWith("x-kubernetes-")) {
                        result.set(key, value.deepCopy());
                    }
                }
            }
        }
        if (openApi.path("x-kubernetes-int-or-string").asBoolean() && !result.has("anyOf")) {
            result.putArray("anyOf")
                    .add(NODES.objectNode().put("type", "integer"))
                    .add(NODES.objectNode().put("type", "string"));
        }
        if (openApi.path("x-kubernetes-embedded-resource").asBoolean()) {
            ObjectNode properties =
                    result.has("properties") ? (ObjectNode) result.get("properties") : result.putObject("properties");
            properties.putObject("apiVersion").put("type", "string");
            properties.putObject("kind").put("type", "string");
            properties.putObject("metadata").put("type", "object");
        }
        boolean isObject = "object".equals(result.path("type").asText()) || result.has("properties");
        if (isObject
                && !result.has("additionalProperties")
                && !openApi.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
            result.put("additionalProperties", false);
        }
        if (openApi.path("nullable").asBoolean()) {
            if (result.path("type").isTextual()) {
                result.set(
                        "type",
                        NODES.arrayNode().add(result.get("type").asText()).add("null"));
            }
            if (result.path("enum").isArray()) {
                ((ArrayNode) result.get("enum")).addNull();
            }
        }
        return result;
    }

    /** Adds what the API server demands of every resource's top level. */
    private static ObjectNode resourceSchema(String apiVersion, String kind, ObjectNode root) {
        ObjectNode properties =
                root.has("properties") ? (ObjectNode) root.get("properties") : root.putObject("properties");
        properties.putObject("apiVersion").put("const", apiVersion);
        properties.putObject("kind").put("const", kind);
        ObjectNode metadata = properties.putObject("metadata");
        metadata.put("type", "object");
        metadata.putArray("required").add("name");
        ObjectNode metadataProperties = metadata.putObject("properties");
        metadataProperties
                .putObject("name")
                .put("type", "string")
                .put("maxLength", 253)
                .put("pattern", NAME_PATTERN);
        metadataProperties.putObject("namespace").put("type", "string");
        metadataProperties
                .putObject("labels")
                .put("type", "object")
                .putObject("additionalProperties")
                .put("type", "string");
        metadataProperties
                .putObject("annotations")
                .put("type", "object")
                .putObject("additionalProperties")
                .put("type", "string");
        ArrayNode required = root.has("required") ? (ArrayNode) root.get("required") : root.putArray("required");
        required.add("apiVersion").add("kind").add("metadata");
        return root;
    }
}
