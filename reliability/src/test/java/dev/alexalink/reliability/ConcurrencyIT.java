package dev.alexalink.reliability;

import dev.alexalink.rules.AlexaRegion;
import dev.alexalink.testkit.client.AccountLinking;
import dev.alexalink.testkit.client.AlexaService;
import dev.alexalink.testkit.client.Phone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many links at once, and Alexa's duplicate refreshes, on one production-mode node on PostgreSQL. 200 users (created
 * beforehand through the admin API) link concurrently, all 200 flows open together: each step (authorize, sign-in,
 * consent, code exchange, first refresh) runs for all 200 before the next starts, on a pool of 48 threads. Then one
 * refresh token is sent 2, 3, 4 and 5 times at once (released together by a barrier), as Alexa's retries do: every
 * answer is a success and the link goes on refreshing.
 */
/** A bound well above a run on a busy 2-core machine (the harness's default is 5 minutes per test). */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConcurrencyIT {

    static final int LINKINGS = 200;
    static final int THREADS = 48;
    static final int LINKS_PER_DUPLICATE_COUNT = 5;

    private static Deployment deployment;
    private static Node node;
    private static final List<AlexaLink> links = Collections.synchronizedList(new ArrayList<>());
    private static final SuiteReport report = new SuiteReport("ConcurrencyIT");
    private static final List<String> outcomes = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void startServer() {
        deployment = Deployment.onPostgres("concurrency");
        try {
            node = deployment.node("node").start();
        } catch (RuntimeException e) {
            deployment.close();
            throw e;
        }
        report.put("database", deployment.databaseDescription()).put("threads", THREADS);
    }

    @AfterAll
    static void stopServer() {
        try {
            if (deployment != null) {
                deployment.close();
            }
        } finally {
            report.write(
                    outcomes.size() == 2 && outcomes.stream().allMatch("passed"::equals)
                            ? "passed"
                            : "failed " + outcomes);
        }
    }

    /** One user's link in progress, step by step. */
    private static final class Flow {
        final int index;
        final String username;
        final AlexaRegion region;
        final String state;
        final Phone phone;
        Phone.Page page;
        String code;
        String refreshToken;

        Flow(int index, String username, String realmUrl) {
            this.index = index;
            this.username = username;
            this.region = Links.regionOf(index);
            this.state = AccountLinking.longState() + "-" + index;
            this.phone = new Phone(realmUrl);
        }
    }

    @Test
    @Order(1)
    void twoHundredConcurrentLinkingsAllSucceed() throws Exception {
        String outcome = "failed";
        try {
            List<String> usernames = Links.createUsers(node, "concurrent", LINKINGS);
            report.put("users created beforehand", usernames.size());
            String realmUrl = node.realmUrl();
            String secret = deployment.clientSecret();
            List<Flow> flows = IntStream.range(0, LINKINGS)
                    .mapToObj(i -> new Flow(i, usernames.get(i), realmUrl))
                    .toList();
            List<String> errors = Collections.synchronizedList(new ArrayList<>());

            step("authorize", flows, errors, flow -> {
                flow.page = flow.phone.open(AccountLinking.authorizationUrl(
                        realmUrl, "alexa-skill", flow.region.redirectUri(Deployment.VENDOR_ID), flow.state, "profile"));
                assertThat(flow.page.document().select(AccountLinking.LOGIN_FORM))
                        .as("login form")
                        .isNotEmpty();
            });
            step("sign-in", flows, errors, flow -> {
                flow.page = AccountLinking.signIn(flow.phone, flow.page, flow.username);
                assertThat(flow.page.document().select(AccountLinking.CONSENT_FORM))
                        .as("consent form")
                        .isNotEmpty();
            });
            step("consent", flows, errors, flow -> {
                flow.page = AccountLinking.answerConsent(flow.phone, flow.page, true);
                assertThat(flow.page.leftServer()).as("redirected to Amazon").isTrue();
                assertThat(flow.page.redirectParameters())
                        .containsEntry("state", flow.state)
                        .containsKey("code");
                flow.code = flow.page.redirectParameters().get("code");
            });
            step("code exchange", flows, errors, flow -> {
                AlexaService.TokenResponse tokens = Links.alexa(realmUrl, secret)
                        .exchangeCode(flow.code, flow.region.redirectUri(Deployment.VENDOR_ID));
                flow.refreshToken = Links.offlineRefreshToken(tokens, "code exchange for " + flow.username);
            });
            step("first refresh", flows, errors, flow -> {
                AlexaService.TokenResponse tokens =
                        Links.alexa(realmUrl, secret).refresh(flow.refreshToken);
                flow.refreshToken = Links.offlineRefreshToken(tokens, "refresh for " + flow.username);
                links.add(new AlexaLink(flow.username, flow.region, flow.refreshToken));
            });

            Set<String> codes = new HashSet<>();
            flows.stream().filter(flow -> flow.code != null).forEach(flow -> codes.add(flow.code));
            report.put("linkings tried", LINKINGS)
                    .put("linkings with errors", errors.size())
                    .put("distinct codes", codes.size())
                    .put(
                            "code exchanges with an offline refresh token",
                            flows.stream()
                                    .filter(flow -> flow.refreshToken != null)
                                    .count())
                    .put("links refreshing", links.size());
            assertThat(errors).as("errors of the concurrent linkings").isEmpty();
            assertThat(codes).hasSize(LINKINGS);
            assertThat(links).hasSize(LINKINGS);
            outcome = "passed";
        } finally {
            outcomes.add(outcome);
        }
    }

    @FunctionalInterface
    private interface Step {
        void run(Flow flow) throws Exception;
    }

    /** One step of every flow, all at once on the pool; a flow that failed an earlier step sits the rest out. */
    private static void step(String name, List<Flow> flows, List<String> errors, Step step) {
        Links.inParallel(THREADS, flows, flow -> {
            if (flow.page == null && !name.equals("authorize")) {
                return null;
            }
            try {
                step.run(flow);
            } catch (Exception | AssertionError e) {
                flow.page = null;
                errors.add(name + " for " + flow.username + ": " + e);
            }
            return null;
        });
        report.put(
                "step " + name + " errors",
                errors.stream().filter(error -> error.startsWith(name + " ")).count());
    }

    @Test
    @Order(2)
    void duplicateConcurrentRefreshesAllSucceedAndKeepTheLink() throws Exception {
        String outcome = "failed";
        try {
            assertThat(links)
                    .as("links from the concurrent linkings")
                    .hasSizeGreaterThanOrEqualTo(4 * LINKS_PER_DUPLICATE_COUNT);
            String realmUrl = node.realmUrl();
            String secret = deployment.clientSecret();
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            int next = 0;
            for (int duplicates = 2; duplicates <= 5; duplicates++) {
                for (int l = 0; l < LINKS_PER_DUPLICATE_COUNT; l++) {
                    AlexaLink link = links.get(next++);
                    String token = link.refreshToken();
                    CyclicBarrier together = new CyclicBarrier(duplicates);
                    List<AlexaService.TokenResponse> answers =
                            Links.inParallel(duplicates, Collections.nCopies(duplicates, token), same -> {
                                together.await(1, TimeUnit.MINUTES);
                                return Links.alexa(realmUrl, secret).refresh(same);
                            });
                    report.add("duplicate refreshes sent", duplicates).add("cases of " + duplicates + " at once", 1);
                    for (AlexaService.TokenResponse answer : answers) {
                        if (answer.status() != 200 || answer.field("refresh_token") == null) {
                            failures.add(duplicates + " at once, " + link + ": HTTP " + answer.status() + " "
                                    + answer.body());
                        }
                    }
                    // Afterwards the link refreshes with whichever answer Alexa kept, each of them.
                    for (AlexaService.TokenResponse answer : answers) {
                        if (answer.field("refresh_token") == null) {
                            continue;
                        }
                        AlexaService.TokenResponse later =
                                Links.alexa(realmUrl, secret).refresh(answer.field("refresh_token"));
                        report.add("refreshes afterwards", 1);
                        if (later.status() != 200) {
                            failures.add("after " + duplicates + " at once, " + link + ": HTTP " + later.status() + " "
                                    + later.body());
                        }
                    }
                }
            }
            report.put("duplicate refresh failures", failures.size());
            assertThat(failures)
                    .as("failed duplicate refreshes or refreshes after them")
                    .isEmpty();
            outcome = "passed";
        } finally {
            outcomes.add(outcome);
        }
    }
}
