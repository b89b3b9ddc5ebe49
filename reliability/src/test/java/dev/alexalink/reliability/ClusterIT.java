package dev.alexalink.reliability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes of the same distribution on this machine, sharing one PostgreSQL, clustered by Keycloak itself: production
 * mode with the default embedded Infinispan ({@code --cache=ispn}) and its default JDBC discovery (stack
 * {@code jdbc-ping}), JGroups bound to 127.0.0.1 on a port of each node's own. Links made across the nodes work
 * (authorize on node 1, code redeemed on node 2, refreshed on node 1), and when node 1 is killed during a refresh burst
 * over both nodes, every link keeps refreshing on node 2.
 *
 * <p>Both nodes are given one public URL ({@code --hostname}), as nodes behind a load balancer are: Keycloak names it
 * as the issuer of every token and refuses a refresh token whose issuer is another URL. That URL is node 1's address;
 * the test talks to each node directly on its own port, and after node 1 dies only to node 2.
 */
/** A bound well above a run on a busy 2-core machine (the harness's default is 5 minutes per test). */
@Timeout(value = 25, unit = TimeUnit.MINUTES)
class ClusterIT {

    static final int LINKS = 100;
    static final int WORKERS = 8;
    static final int REFRESHES_BEFORE_KILL = 300;
    static final int REFRESHES_AFTER_KILL = 300;
    /** ISPN000094, logged by every node when the cluster's membership changes: "... (2) [node-a, node-b]". */
    static final Pattern TWO_MEMBER_VIEW = Pattern.compile(
            "ISPN000094: Received new cluster view for channel \\S+: \\[[^\\]]*\\] \\(2\\) \\[[^\\]]*\\]");

    @Test
    void linksWorkAcrossNodesAndSurviveTheCrashOfOne() throws Exception {
        SuiteReport report = new SuiteReport("ClusterIT");
        String outcome = "failed";
        try (Deployment deployment = Deployment.onPostgres("cluster")) {
            int publicPort = dev.alexalink.testkit.server.KeycloakServer.freePort();
            String publicUrl = "http://localhost:" + publicPort;
            Node node1 = deployment.node("node1", publicPort, clusterOptions(publicUrl, Deployment.jgroupsPort()));
            Node node2 = deployment.node(
                    "node2",
                    dev.alexalink.testkit.server.KeycloakServer.freePort(),
                    clusterOptions(publicUrl, Deployment.jgroupsPort()));
            report.put("database", deployment.databaseDescription());
            report.put("node options", String.join(" ", node1.options()));
            // One after the other: the first start imports the realm, which the second then finds.
            node1.start();
            node2.start();
            String view = awaitTwoMemberView(node1, node2);
            report.put("cluster view", view);

            String secret = deployment.clientSecret();
            List<String> users = Links.createUsers(node1, "cluster", LINKS);
            List<AlexaLink> links = Links.linkAll(users, i -> node1.realmUrl(), i -> node2.realmUrl(), secret, WORKERS);
            report.put("links made (authorized on node 1, code redeemed on node 2)", links.size());
            Links.Check onNode1 = Links.refreshEach(links, node1.realmUrl(), secret, WORKERS);
            assertThat(onNode1.problems())
                    .as("refreshes on node 1 of tokens issued by node 2")
                    .isEmpty();
            report.put("refreshed on node 1 (tokens from node 2)", onNode1.refreshed());
            Links.Check onNode2 = Links.refreshEach(links, node2.realmUrl(), secret, WORKERS);
            assertThat(onNode2.problems())
                    .as("refreshes on node 2 of tokens issued by node 1")
                    .isEmpty();
            report.put("refreshed on node 2 (tokens from node 1)", onNode2.refreshed());

            // The load balancer: every request to the next live node in turn.
            List<String> live = new CopyOnWriteArrayList<>(List.of(node1.realmUrl(), node2.realmUrl()));
            AtomicInteger turn = new AtomicInteger();
            try (RefreshBurst burst = new RefreshBurst(
                            links,
                            () -> live.get(Math.floorMod(turn.getAndIncrement(), live.size())),
                            secret,
                            WORKERS,
                            100)
                    .start()) {
                assertThat(burst.awaitRefreshed(REFRESHES_BEFORE_KILL, Duration.ofMinutes(3)))
                        .as("burst over both nodes before the kill: " + burst.problems())
                        .isTrue();
                assertThat(burst.problems())
                        .as("refreshes that failed before the kill")
                        .isEmpty();
                int refreshedBeforeKill = burst.refreshed();
                int inFlight = burst.inFlight();
                List<Long> killed = node1.crash();
                // The load balancer notices node 1 is gone.
                live.remove(node1.realmUrl());
                assertThat(killed).as("node 1's Java process killed").isNotEmpty();
                boolean continued =
                        burst.awaitRefreshed(refreshedBeforeKill + REFRESHES_AFTER_KILL, Duration.ofMinutes(3));
                burst.stop();
                report.put("burst refreshes before the kill", refreshedBeforeKill)
                        .put("burst requests in flight at the kill", inFlight)
                        .put(
                                "burst refreshes failed at node 1 during its kill (expected)",
                                burst.failedAt(node1.realmUrl()))
                        .put("burst refreshes after the kill", burst.refreshed() - refreshedBeforeKill)
                        .put("burst refreshes failed at node 2", burst.failedAt(node2.realmUrl()));
                assertThat(continued)
                        .as("node 2 kept refreshing after node 1 was killed: " + burst.problems())
                        .isTrue();
                assertThat(burst.failedAt(node2.realmUrl()))
                        .as("refreshes that failed on node 2: " + burst.problems())
                        .isZero();
            }
            Links.Check after = Links.refreshEach(links, node2.realmUrl(), secret, WORKERS);
            report.put("refreshed on node 2 after node 1's crash", after.refreshed())
                    .put("links lost", after.failed());
            assertThat(after.problems())
                    .as("links that no longer refresh on node 2")
                    .isEmpty();
            report.put("failover", "node 1 killed (SIGKILL); every link refreshed on node 2");
            outcome = "passed";
        } finally {
            report.write(outcome);
        }
    }

    private static List<String> clusterOptions(String publicUrl, int jgroupsPort) {
        return List.of(
                "--cache=ispn",
                "--cache-stack=jdbc-ping",
                "--cache-embedded-network-bind-address=127.0.0.1",
                "--cache-embedded-network-bind-port=" + jgroupsPort,
                "--hostname=" + publicUrl);
    }

    /** Waits (bounded) until a node logs a cluster view of two members; returns that log line. */
    private static String awaitTwoMemberView(Node... nodes) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            for (Node node : nodes) {
                Matcher view = TWO_MEMBER_VIEW.matcher(node.logText());
                if (view.find()) {
                    return node.name() + ": " + view.group();
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError(
                "no cluster view of 2 members logged within 2 minutes; node 2's log:\n" + nodes[1].logText());
    }
}
