package dev.alexalink.bench.cost;

import dev.alexalink.bench.load.BenchServer;
import dev.alexalink.bench.load.ClientUnderTest;
import dev.alexalink.bench.load.UserPool;
import dev.alexalink.testkit.client.AccountLinking;
import dev.alexalink.testkit.client.AlexaService;
import dev.alexalink.testkit.client.Phone;
import dev.alexalink.webview.AccountConsoleClient;
import dev.alexalink.webview.Forms;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The requests of each scenario, as the Alexa app's web view and Amazon's servers send them. What a block measures is
 * the work of its requests only: users, signed-in sessions and linked accounts are made before, in {@link #prepare}.
 */
final class Workloads {

    /** One scenario for one client: prepared once, then run for any number of iterations by one thread. */
    interface Workload {
        /** Runs {@code iterations} iterations with the users of {@code thread}; throws at the first failure. */
        void run(int thread, int iterations) throws Exception;
    }

    private static final String SCOPE = "openid profile offline_access";
    private static final String STATE = AccountLinking.longState();

    private final BenchServer server;
    private final CostPlan plan;
    private final UserPool users;

    Workloads(BenchServer server, CostPlan plan) {
        this.server = server;
        this.plan = plan;
        this.users = new UserPool(server.realm(), BenchServer.REALM, "cost");
    }

    private String realmUrl() {
        return server.baseUrl() + "/realms/" + BenchServer.REALM;
    }

    /** Makes what the scenario needs for this client: new users for links, signed-in or linked users otherwise. */
    Workload prepare(CostScenario scenario, ClientUnderTest client, int iterations) throws Exception {
        return switch (scenario) {
            case LINK -> link(client, iterations);
            case EXCHANGE -> exchange(client);
            case REFRESH -> refresh(client);
        };
    }

    /** Every link is a user's first with this client, so that the consent page is always shown. */
    private Workload link(ClientUnderTest client, int iterations) {
        // Thread t takes the users first + t, first + t + threads, …: a block's iterations are split evenly.
        int first = users.reserve(client.clientId(), iterations + plan.threads());
        AlexaService amazon = amazon(client);
        int[] done = new int[plan.threads()];
        return (thread, count) -> {
            for (int i = 0; i < count; i++) {
                int number = first + thread + plan.threads() * done[thread]++;
                String code = signInAndConsent(new Phone(server.baseUrl()), client, UserPool.username("cost", number));
                exchange(amazon, client, code);
            }
        };
    }

    /**
     * A pool of signed-in users, each with a web view holding its SSO session (signed in through the account console:
     * Keycloak ends a session made for an offline token once it is issued) and consent given once.
     */
    private Workload exchange(ClientUnderTest client) throws Exception {
        AlexaService amazon = amazon(client);
        List<Phone> phones = new ArrayList<>();
        int first = users.reserve(client.clientId(), plan.users());
        for (int i = 0; i < plan.users(); i++) {
            Phone phone = new Phone(server.baseUrl());
            signInToAccountConsole(phone, UserPool.username("cost", first + i));
            Phone.Page consent = phone.open(authorizationUrl(client));
            Phone.Page redirect = phone.submit(consent, AccountLinking.CONSENT_FORM, Map.of(), "accept");
            exchange(amazon, client, code(redirect, client));
            phones.add(phone);
        }
        int[] done = new int[plan.threads()];
        return (thread, count) -> {
            for (int i = 0; i < count; i++) {
                Phone phone = phones.get(own(thread, done[thread]++));
                exchange(amazon, client, code(phone.open(authorizationUrl(client)), client));
            }
        };
    }

    /** Amazon refreshing the offline tokens of linked users, each thread its own users and their latest token. */
    private Workload refresh(ClientUnderTest client) throws Exception {
        AlexaService amazon = amazon(client);
        int first = users.reserve(client.clientId(), plan.users());
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < plan.users(); i++) {
            String code = signInAndConsent(new Phone(server.baseUrl()), client, UserPool.username("cost", first + i));
            tokens.add(exchange(amazon, client, code).field("refresh_token"));
        }
        int[] done = new int[plan.threads()];
        return (thread, count) -> {
            for (int i = 0; i < count; i++) {
                int index = own(thread, done[thread]++);
                AlexaService.TokenResponse refreshed = amazon.refresh(tokens.get(index));
                if (refreshed.status() != 200 || refreshed.field("refresh_token") == null) {
                    throw new IllegalStateException(
                            client.label() + " refresh: HTTP " + refreshed.status() + " " + refreshed.body());
                }
                tokens.set(index, refreshed.field("refresh_token"));
            }
        };
    }

    /** The n-th user of a thread's own share of the pool, round-robin: no two threads share a user. */
    private int own(int thread, int n) {
        int share = plan.users() / plan.threads();
        return thread * share + n % share;
    }

    private String signInAndConsent(Phone phone, ClientUnderTest client, String username) throws Exception {
        Phone.Page login = phone.open(authorizationUrl(client));
        Phone.Page consent = phone.submit(
                login, AccountLinking.LOGIN_FORM, Map.of("username", username, "password", UserPool.PASSWORD), null);
        return code(phone.submit(consent, AccountLinking.CONSENT_FORM, Map.of(), "accept"), client);
    }

    private void signInToAccountConsole(Phone phone, String username) throws Exception {
        AccountConsoleClient console = new AccountConsoleClient(realmUrl(), Duration.ofSeconds(30));
        URI url = console.authorizationUrl(URI.create(realmUrl() + "/protocol/openid-connect/auth"), "cost");
        Phone.Page page = phone.submit(
                phone.open(url),
                AccountLinking.LOGIN_FORM,
                Map.of("username", username, "password", UserPool.PASSWORD),
                null);
        if (Forms.query(page.uri()).get("code") == null) {
            throw new IllegalStateException("Signing " + username + " in to the account console: " + page.describe());
        }
    }

    private String authorizationUrl(ClientUnderTest client) {
        return AccountLinking.authorizationUrl(realmUrl(), client.clientId(), client.redirectUri(), STATE, SCOPE);
    }

    private static String code(Phone.Page page, ClientUnderTest client) {
        String code = page.leftServer() ? page.redirectParameters().get("code") : null;
        if (code == null) {
            throw new IllegalStateException(
                    client.label() + ": expected a redirect with a code, got " + page.describe());
        }
        return code;
    }

    private AlexaService amazon(ClientUnderTest client) {
        return new AlexaService(
                realmUrl(), client.clientId(), client.secret(), AlexaService.ClientAuthentication.HTTP_BASIC);
    }

    private static AlexaService.TokenResponse exchange(AlexaService amazon, ClientUnderTest client, String code)
            throws Exception {
        AlexaService.TokenResponse tokens = amazon.exchangeCode(code, client.redirectUri());
        if (tokens.status() != 200 || tokens.field("refresh_token") == null) {
            throw new IllegalStateException(
                    client.label() + " code exchange: HTTP " + tokens.status() + " " + tokens.body());
        }
        return tokens;
    }
}
