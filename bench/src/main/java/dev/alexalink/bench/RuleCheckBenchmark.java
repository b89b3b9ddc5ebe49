package dev.alexalink.bench;

import dev.alexalink.rules.AlexaClientRule;
import dev.alexalink.rules.AlexaRegion;
import dev.alexalink.rules.ClientShapeRule;
import dev.alexalink.rules.RedirectUriRule;
import dev.alexalink.rules.ScopeRule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What each Alexa rule check costs per request, beside a control: the least work that answers the same question
 * (a set lookup or a field read), so that the difference is what the rule adds. The rules are built once, as the
 * executors build them from their configuration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RuleCheckBenchmark {

    private static final String VENDOR = "M2AAAAAAAAAAAA";

    private final RedirectUriRule redirectUris = new RedirectUriRule(List.of(VENDOR), List.of(), List.of(), false);
    private final Set<String> allowedUris = redirectUris.allowedRedirectUris();
    private final String laylaUri = AlexaRegion.EUROPE.redirectUri(VENDOR);
    private final String forgedUri = "https://layla.amazon.com.evil.example/api/skill/link/" + VENDOR;

    private final ScopeRule scopes = new ScopeRule(List.of("profile", "orders:read"));
    private final Set<String> allowedScopes = Set.of("profile", "orders:read");

    private final ClientShapeRule shape = new ClientShapeRule(true, false, false);
    private final ClientShapeRule.Shape alexaShape =
            new ClientShapeRule.Shape(false, false, "client-secret", true, false, false, true);

    private final List<String> clientRedirectUris =
            List.of(AlexaRegion.NORTH_AMERICA.redirectUri(VENDOR), laylaUri, AlexaRegion.FAR_EAST.redirectUri(VENDOR));
    private final Map<String, String> clientAttributes = Map.of("login_theme", "alexa", "use.refresh.tokens", "true");

    @Benchmark
    public Optional<?> redirectUriAllowed() {
        return redirectUris.check(laylaUri);
    }

    @Benchmark
    public boolean redirectUriControl() {
        return allowedUris.contains(laylaUri);
    }

    /** The refusal path: it works out and writes the reason, which only a forged request pays for. */
    @Benchmark
    public Optional<?> redirectUriForged() {
        return redirectUris.check(forgedUri);
    }

    @Benchmark
    public Optional<?> scopeSetAllowed() {
        return scopes.checkRequested("profile orders:read");
    }

    @Benchmark
    public boolean scopeSetControl() {
        return allowedScopes.contains("profile") && allowedScopes.contains("orders:read");
    }

    @Benchmark
    public ClientShapeRule.Result clientShape() {
        return shape.evaluate(alexaShape);
    }

    @Benchmark
    public boolean clientShapeControl() {
        return !alexaShape.publicClient() && alexaShape.standardFlowEnabled() && alexaShape.consentRequired();
    }

    /** The alexa-client condition's question, asked for every client on every client-policy event. */
    @Benchmark
    public boolean isAlexaClient() {
        return AlexaClientRule.isAlexaClient(clientRedirectUris, clientAttributes);
    }

    @Benchmark
    public boolean isAlexaClientControl() {
        return "true".equals(clientAttributes.get(AlexaClientRule.MARKER_ATTRIBUTE));
    }
}
