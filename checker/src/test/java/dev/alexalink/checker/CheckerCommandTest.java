package dev.alexalink.checker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line's contract: usage errors exit 2 with a message naming the argument and the rule. */
class CheckerCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return runWith(Map.of(), args);
    }

    private int runWith(Map<String, String> environment, String... args) {
        return CheckerCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), environment);
    }

    /** A plain-http issuer on a port nothing listens on: every check fails fast, no usage error. */
    private static String closedIssuer() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/realms/alexa";
        }
    }

    private static final Map<String, String> EXPORTED =
            Map.of("ALEXA_CLIENT_SECRET", "exported-secret", "ALEXA_TEST_PASSWORD", "exported-password");

    @Test
    void exportedSecretAndPasswordDoNotCountAsOptions() throws Exception {
        String issuer = closedIssuer();
        assertThat(runWith(EXPORTED, issuer)).as(err.toString()).isEqualTo(1);
        assertThat(runWith(EXPORTED, issuer, "--client-id", "alexa-skill"))
                .as(err.toString())
                .isEqualTo(1);
        assertThat(runWith(EXPORTED, issuer, "--client-id", "alexa-skill", "--vendor-id", "M2AAA"))
                .as(err.toString())
                .isEqualTo(1);
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString())
                .contains("cannot connect to 127.0.0.1:")
                .contains("connection refused (is the server running and the port open?)")
                .doesNotContain("null");
    }

    @Test
    void exportedSecretAndPasswordAreUsedWithTheirOptions() throws Exception {
        String issuer = closedIssuer();
        assertThat(runWith(
                        EXPORTED,
                        issuer,
                        "--client-id",
                        "alexa-skill",
                        "--vendor-id",
                        "M2AAA",
                        "--username",
                        "alexa-check",
                        "--json"))
                .as(err.toString())
                .isEqualTo(1);
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString()).contains("link pitangui.amazon.com: sign-in and consent");
        assertThat(runWith(Map.of(), issuer, "--client-id", "alexa-skill")).isEqualTo(CheckerCommand.USAGE);
        assertThat(err.toString()).contains("--client-id 'alexa-skill' is given without --client-secret");
        assertThat(runWith(
                        Map.of("ALEXA_CLIENT_SECRET", "s"),
                        issuer,
                        "--client-id",
                        "alexa-skill",
                        "--vendor-id",
                        "M2AAA",
                        "--username",
                        "alexa-check"))
                .isEqualTo(CheckerCommand.USAGE);
        assertThat(err.toString()).contains("--username 'alexa-check' is given without --password");
    }

    @Test
    void anExplicitPasswordOrSecretAloneIsNamed() throws Exception {
        String issuer = closedIssuer();
        assertThat(runWith(EXPORTED, issuer, "--password", "pw")).isEqualTo(CheckerCommand.USAGE);
        assertThat(err.toString()).contains("alexa-linking-checker: --password is given without --username");
        assertThat(runWith(EXPORTED, issuer, "--client-secret", "s")).isEqualTo(CheckerCommand.USAGE);
        assertThat(err.toString()).contains("--client-secret is given without --client-id");
    }

    @Test
    void helpListsEveryOptionAndTheExitCodes() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString())
                .contains(
                        "ISSUER",
                        "--client-id",
                        "--client-secret",
                        "--client-auth",
                        "--vendor-id",
                        "--username",
                        "--password",
                        "--scope",
                        "--trust-ca",
                        "--timeout",
                        "--json",
                        "Exit codes:",
                        "2   bad arguments");
    }

    @Test
    void badArgumentsExitWithTwoAndSayWhy() {
        assertThat(run("ftp://auth.example.com/realms/alexa")).isEqualTo(CheckerCommand.USAGE);
        assertThat(err.toString())
                .contains("ISSUER 'ftp://auth.example.com/realms/alexa' must be an http or https URL");
    }

    @Test
    void aMissingIssuerIsNamed() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("ISSUER is missing");
    }

    @Test
    void anUnknownOptionOrBadNumberIsRefusedByThePicocliParser() {
        assertThat(run("https://auth.example.com/realms/alexa", "--colour")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--colour'");
        assertThat(run("https://auth.example.com/realms/alexa", "--timeout", "soon"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--timeout").contains("soon");
    }

    @Test
    void aBadClientAuthSchemeIsNamed() {
        assertThat(run("https://auth.example.com/realms/alexa", "--client-auth", "digest"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--client-auth 'digest' must be basic (HTTP Basic) or body");
    }

    @Test
    void aTrustCaFileWithoutCertificatesIsNamed(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("ca.pem"), "not a certificate\n");
        assertThat(run("https://auth.example.com/realms/alexa", "--trust-ca", empty.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--trust-ca '" + empty + "'");
        assertThat(run(
                        "https://auth.example.com/realms/alexa",
                        "--trust-ca",
                        dir.resolve("missing.pem").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("is not a readable file");
    }
}
