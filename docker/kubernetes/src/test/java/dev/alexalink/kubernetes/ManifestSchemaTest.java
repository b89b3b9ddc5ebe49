package dev.alexalink.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alexalink.kubernetes.Manifests.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Every manifest, hand-written or generated, against the Keycloak Operator's CRDs or the rules for its kind. */
class ManifestSchemaTest {

    static final CrdValidator KEYCLOAK = CrdValidator.load("keycloaks.k8s.keycloak.org-v1.yml");
    static final CrdValidator REALM_IMPORT = CrdValidator.load("keycloakrealmimports.k8s.keycloak.org-v1.yml");
    private static final Map<String, CrdValidator> CRDS =
            Map.of(KEYCLOAK.kind(), KEYCLOAK, REALM_IMPORT.kind(), REALM_IMPORT);

    // The other kinds the manifests may use: Kubernetes' own, not validated against a CRD.
    private static final Set<String> CORE_KINDS =
            Set.of("v1/Secret", "v1/Service", "apps/v1/StatefulSet", "networking.k8s.io/v1/Ingress");
    private static final String DNS_LABEL = "[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?";

    static List<Manifest> keycloakOperatorResources() {
        return Manifests.all().stream()
                .filter(m -> m.node().path("apiVersion").asText().startsWith("k8s.keycloak.org/"))
                .toList();
    }

    static List<Manifest> allManifests() {
        return Manifests.all();
    }

    static List<Manifest> statefulSets() {
        return Manifests.all().stream()
                .filter(m -> m.kind().equals("StatefulSet"))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keycloakOperatorResources")
    void matchesTheOperatorsCrd(Manifest manifest) {
        CrdValidator crd = CRDS.get(manifest.kind());
        if (crd == null) {
            fail(manifest + ": no CRD for kind '" + manifest.kind() + "' in src/test/resources/crds (there are "
                    + CRDS.keySet() + ")");
        }
        assertThat(crd.problems(manifest.node()))
                .as(manifest + " against the " + crd.kind() + " CRD")
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allManifests")
    void isAKnownKindWithAValidNameAndNoNamespace(Manifest manifest) {
        JsonNode node = manifest.node();
        String kind = node.path("apiVersion").asText() + "/" + node.path("kind").asText();
        Set<String> crdKinds =
                CRDS.values().stream().map(c -> c.apiVersion() + "/" + c.kind()).collect(Collectors.toSet());
        assertThat(CORE_KINDS.contains(kind) || crdKinds.contains(kind))
                .as(manifest + ": apiVersion/kind '" + kind + "' is neither one of the CRDs' " + crdKinds
                        + " nor one of " + CORE_KINDS)
                .isTrue();
        assertThat(manifest.name())
                .as(manifest + ": metadata.name (a DNS label)")
                .matches(DNS_LABEL);
        // The namespace is the one given to kubectl -n: the operator and every resource here share it.
        assertThat(node.path("metadata").has("namespace"))
                .as(manifest + ": metadata.namespace is set")
                .isFalse();
    }

    @Test
    void theManifestsHoldAKeycloakAndAGeneratedRealmImport() {
        assertThat(Manifests.handWritten()).extracting(Manifest::kind).containsOnlyOnce("Keycloak");
        assertThat(Manifests.generated()).extracting(Manifest::kind).containsExactly("KeycloakRealmImport");
        assertThat(keycloakOperatorResources()).hasSize(2);
    }

    /** Kubernetes' PodTemplateSpec schema is embedded in the Keycloak CRD (spec.unsupported.podTemplate). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("statefulSets")
    void podTemplateMatchesKubernetesPodTemplateSchema(Manifest manifest) {
        assertThat(KEYCLOAK.problemsAt(
                        manifest.node().path("spec").path("template"), "spec", "unsupported", "podTemplate"))
                .as(manifest + ": spec.template")
                .isEmpty();
    }

    @Test
    void thereIsAStatefulSetWhosePodTemplateIsChecked() {
        assertThat(statefulSets()).isNotEmpty();
    }
}
