package dev.alexalink.checker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line's contract: usage errors exit 2 with a message naming the argument and the rule. */
class CheckerCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CheckerCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
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
