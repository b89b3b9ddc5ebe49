package dev.alexalink.image;

import dev.alexalink.testkit.server.PostgresServer;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Skips every test of this module, saying why, on a machine without what the image tests need: a container engine
 * answering the Docker API, and PostgreSQL's server from Debian's packages. Registered for all tests of the module
 * (JUnit extension auto-detection, switched on in the module's pom), so that the shared integration tests are skipped
 * here too instead of failing.
 */
public final class ImagePrerequisites implements ExecutionCondition {

    private static ConditionEvaluationResult verdict;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return verdict();
    }

    private static synchronized ConditionEvaluationResult verdict() {
        if (verdict == null) {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                verdict = ConditionEvaluationResult.disabled("No container engine answers the Docker API (DOCKER_HOST, "
                        + "/var/run/docker.sock): the Docker image tests are skipped. '. .ci/install-container-engine' sets up "
                        + "podman for them; see docs/deployment.md, 'Run with Docker'.");
            } else if (PostgresServer.binaries().isEmpty()) {
                verdict = ConditionEvaluationResult.disabled(
                        "PostgreSQL's server is not installed (no /usr/lib/postgresql/*/bin/initdb): "
                                + "the Docker image tests, which run the image on it, are skipped. 'apt-get install postgresql' "
                                + "(or .ci/install-container-engine) installs it.");
            } else {
                verdict = ConditionEvaluationResult.enabled("container engine and PostgreSQL found");
            }
            if (verdict.isDisabled()) {
                System.out.println("[image tests] " + verdict.getReason().orElseThrow());
            }
        }
        return verdict;
    }
}
