package dev.alexalink.example.skill;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alexalink.testkit.client.AlexaService;
import dev.alexalink.testkit.server.AlexaServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.alexalink.example.skill.Envelopes.LAUNCH;
import static dev.alexalink.example.skill.Envelopes.SKILL_DISABLED;
import static dev.alexalink.example.skill.Envelopes.cardType;
import static dev.alexalink.example.skill.Envelopes.speech;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Node.js sample (node/) against the real server, when Node.js and npm are on PATH: its dependencies installed by
 * npm ci from its lock file, each envelope run through its Lambda handler by run-local.js.
 */
@ExtendWith(AlexaServer.class)
class NodeSkillIT {

    private static final long NPM_CI_MINUTES = 5;
    private static final long RUN_SECONDS = 60;
    private static Path sample;

    @BeforeAll
    static void installTheSample() throws Exception {
        List<String> missing =
                Stream.of("node", "npm").filter(command -> !onPath(command)).toList();
        assumeTrue(
                missing.isEmpty(),
                () -> "The Node.js sample is tested only with Node.js: " + String.join(" and ", missing)
                        + " not on PATH");

        Path source = Path.of(System.getProperty("node.sample.dir", "node"));
        sample = Path.of(System.getProperty("node.work.dir", "target/node-sample"));
        Files.createDirectories(sample);
        for (String file : new String[] {"package.json", "package-lock.json", "index.js", "run-local.js"}) {
            Files.copy(source.resolve(file), sample.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Process npm = new ProcessBuilder("npm", "ci", "--prefer-offline", "--no-audit", "--no-fund")
                .directory(sample.toFile())
                .redirectErrorStream(true)
                .redirectOutput(sample.resolve("npm-ci.log").toFile())
                .start();
        assertThat(npm.waitFor(NPM_CI_MINUTES, TimeUnit.MINUTES))
                .as("npm ci within " + NPM_CI_MINUTES + " minutes")
                .isTrue();
        assertThat(npm.exitValue())
                .as("npm ci: " + Files.readString(sample.resolve("npm-ci.log")))
                .isZero();
    }

    @Test
    void greetsTheLinkedUser() throws Exception {
        Links.Link link = Links.link("node-greet");

        JsonNode response = ask(Envelopes.of(LAUNCH, link.accessToken()));

        assertThat(speech(response)).as(response.toString()).isEqualTo(SkillBackendIT.GREETING);
        assertThat(cardType(response)).isNull();
    }

    @Test
    void asksForALinkWithoutAToken() throws Exception {
        SkillBackendIT.assertLinkAccount(ask(Envelopes.of(LAUNCH, null)));
    }

    @Test
    void revokesTheLinkWhenTheSkillIsDisabledThenAsksForANewOne() throws Exception {
        Links.Link link = Links.link("node-disabled");
        assertThat(speech(ask(Envelopes.of(LAUNCH, link.accessToken())))).isEqualTo(SkillBackendIT.GREETING);

        ask(Envelopes.of(SKILL_DISABLED, link.accessToken()));

        assertThat(Links.userinfoStatus(link.accessToken()))
                .as("userinfo after the revocation")
                .isEqualTo(401);
        SkillBackendIT.assertLinkAccount(ask(Envelopes.of(LAUNCH, link.accessToken())));
        AlexaService.TokenResponse refresh = Links.alexa().refresh(link.refreshToken());
        assertThat(refresh.field("error"))
                .as("refresh after the skill was disabled: " + refresh.body())
                .isEqualTo("invalid_grant");
    }

    /** One envelope through the Node handler: stdin in, the response envelope on stdout, the skill's log on stderr. */
    private static JsonNode ask(String envelope) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("node", "run-local.js").directory(sample.toFile());
        builder.environment()
                .putAll(Map.of(
                        SkillConfig.REALM_URL, AlexaServer.realmUrl(),
                        SkillConfig.CLIENT_ID, AlexaServer.CLIENT_ID,
                        SkillConfig.CLIENT_SECRET, AlexaServer.CLIENT_SECRET));
        builder.environment().remove(SkillConfig.AUDIENCE);
        Path out = Files.createTempFile(sample, "response-", ".json");
        Path log = Files.createTempFile(sample, "log-", ".txt");
        Process node =
                builder.redirectOutput(out.toFile()).redirectError(log.toFile()).start();
        try (var stdin = node.getOutputStream()) {
            stdin.write(envelope.getBytes(StandardCharsets.UTF_8));
        }
        boolean exited = node.waitFor(RUN_SECONDS, TimeUnit.SECONDS);
        if (!exited) {
            node.destroyForcibly();
        }
        String stderr = Files.readString(log);
        System.out.print(stderr);
        assertThat(exited)
                .as("node run-local.js within " + RUN_SECONDS + " s; its log: " + stderr)
                .isTrue();
        assertThat(node.exitValue()).as("node run-local.js; its log: " + stderr).isZero();
        String token = Envelopes.parse(envelope)
                .path("context")
                .path("System")
                .path("user")
                .path("accessToken")
                .asText("");
        if (!token.isEmpty()) {
            assertThat(stderr).as("the skill's log").doesNotContain(token);
        }
        return Envelopes.parse(Files.readString(out));
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(directory -> !directory.isBlank())
                .map(directory -> Path.of(directory, command))
                .anyMatch(Files::isExecutable);
    }
}
