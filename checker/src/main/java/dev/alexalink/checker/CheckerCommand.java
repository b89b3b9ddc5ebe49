package dev.alexalink.checker;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** The command line: parses and validates the options, runs the checks, prints the report, returns the exit code. */
@Command(
        name = "alexa-linking-checker",
        mixinStandardHelpOptions = true,
        version = "alexa-linking-checker 0.1.0",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description =
                "Tests a deployed Keycloak realm the way Amazon's side will before Alexa account linking can work.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every check passed (warnings and skipped checks allowed)",
            "1:at least one check failed",
            "2:bad arguments (the message names the argument and the rule)"
        })
public final class CheckerCommand implements Callable<Integer> {

    /** Exit code for bad arguments (picocli's own default for invalid input too). */
    public static final int USAGE = 2;

    @Parameters(
            index = "0",
            paramLabel = "ISSUER",
            arity = "0..1",
            description = "The realm's issuer URL, e.g. https://auth.example.com/realms/alexa")
    String issuer;

    @Option(
            names = "--client-id",
            paramLabel = "ID",
            description = "The skill's client ID (Alexa console: Your Client ID)")
    String clientId;

    @Option(
            names = "--client-secret",
            paramLabel = "SECRET",
            description =
                    "The skill's client secret; default with --client-id: the environment variable ALEXA_CLIENT_SECRET "
                            + "(prefer it: options show in the process list)")
    String clientSecret;

    @Option(
            names = "--client-auth",
            paramLabel = "basic|body",
            defaultValue = "basic",
            description =
                    "How the skill sends its credentials for the link's code exchange and refreshes (the console's "
                            + "Authentication Scheme): basic (HTTP Basic) or body; default basic. The bogus-code check tries both.")
    String clientAuth;

    @Option(
            names = "--vendor-id",
            paramLabel = "ID",
            description = "Your Amazon vendor ID, the end of the Alexa Redirect URLs")
    String vendorId;

    @Option(
            names = "--username",
            paramLabel = "USER",
            description = "A test user of the realm: the checker links it in all three regions")
    String username;

    @Option(
            names = "--password",
            paramLabel = "PASSWORD",
            description =
                    "The test user's password; default with --username: the environment variable ALEXA_TEST_PASSWORD")
    String password;

    @Option(
            names = "--scope",
            paramLabel = "SCOPES",
            description = "The scopes of the Alexa console, space-separated (default: none)")
    String scope;

    @Option(
            names = "--trust-ca",
            paramLabel = "PEM",
            description =
                    "Also trust the CA certificates of this PEM file (private CAs, tests). Only as anchors: the server "
                            + "must still send every intermediate. Amazon trusts public CAs only.")
    List<Path> trustCa = new ArrayList<>();

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "15",
            description = "Per-request timeout; default 15")
    int timeout;

    @Option(names = "--json", description = "Print the report as JSON")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The environment variable read for --client-secret when --client-id is given without it. */
    public static final String CLIENT_SECRET_VARIABLE = "ALEXA_CLIENT_SECRET";
    /** The environment variable read for --password when --username is given without it. */
    public static final String TEST_PASSWORD_VARIABLE = "ALEXA_TEST_PASSWORD";

    private final Map<String, String> environment;

    CheckerCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command as main does, writing to the given streams; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, out, err, System.getenv());
    }

    /** Runs the command with this environment in place of the process's (for the secret and the password). */
    static int execute(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment) {
        // Amazon's clients never download missing intermediates; neither may the JDK (off by default, made sure here).
        System.setProperty("com.sun.security.enableAIAcaIssuers", "false");
        CommandLine command = new CommandLine(new CheckerCommand(environment))
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true);
        command.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof InvalidInputException) {
                line.getErr().println("alexa-linking-checker: " + Failures.message(e));
                line.getErr().println("Run with --help for the options.");
                return USAGE;
            }
            throw e;
        });
        return command.execute(args);
    }

    @Override
    public Integer call() {
        List<X509Certificate> extra = new ArrayList<>();
        trustCa.forEach(file -> extra.addAll(TrustStore.readCertificates(file, "--trust-ca")));
        Target target = Target.of(
                issuer,
                clientId,
                orEnvironment(clientSecret, clientId, CLIENT_SECRET_VARIABLE),
                username,
                orEnvironment(password, username, TEST_PASSWORD_VARIABLE),
                vendorId,
                scope,
                clientAuth(clientAuth),
                extra,
                timeout);
        Report report = Checker.run(target, TrustStore.jdkPlus(extra), Instant.now());
        spec.commandLine().getOut().print(json ? report.json() : report.text());
        spec.commandLine().getOut().flush();
        return report.exitCode();
    }

    /**
     * The option as given; when it is not given, the environment variable, but only if the option it belongs with is
     * given: an exported secret or password never counts as an option given on its own.
     */
    private String orEnvironment(String given, String belongsWith, String variable) {
        if (given != null || belongsWith == null || belongsWith.isBlank()) {
            return given;
        }
        return environment.get(variable);
    }

    static Target.ClientAuth clientAuth(String value) {
        return switch (value == null ? "" : value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "basic" -> Target.ClientAuth.BASIC;
            case "body" -> Target.ClientAuth.BODY;
            default ->
                throw new InvalidInputException("--client-auth '" + value
                        + "' must be basic (HTTP Basic) or body (credentials in the request body)");
        };
    }
}
