package dev.alexalink.reliability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No link is lost when Keycloak crashes: in production mode on PostgreSQL, 100 linked accounts are refreshed in a loop
 * by several Alexa workers, the Java process is killed with SIGKILL in the middle of it, and after the restart every
 * link refreshes. Requests in flight during the kill fail (expected: Alexa retries them with the token it still has).
 */
/** A bound well above a run on a busy 2-core machine (the harness's default is 5 minutes per test). */
@Timeout(value = 25, unit = TimeUnit.MINUTES)
class CrashRecoveryIT {

    static final int LINKS = 100;
    static final int CRASHES = 2;
    static final int WORKERS = 8;
    /** Refreshes the burst makes before each kill, so that the kill falls in its middle. */
    static final int REFRESHES_BEFORE_KILL = 300;

    @Test
    void everyLinkRefreshesAfterKeycloakIsKilledDuringARefreshBurst() throws Exception {
        SuiteReport report = new SuiteReport("CrashRecoveryIT");
        String outcome = "failed";
        try (Deployment deployment = Deployment.onPostgres("crash")) {
            report.put("database", deployment.databaseDescription());
            Node node = deployment.node("node").start();
            String secret = deployment.clientSecret();
            List<AlexaLink> links = Links.linkAll(
                    Links.createUsers(node, "crash", LINKS), i -> node.realmUrl(), i -> node.realmUrl(), secret, 8);
            report.put("links made", links.size());

            List<String> lost = new ArrayList<>();
            Set<String> lostLinks = new LinkedHashSet<>();
            for (int crash = 1; crash <= CRASHES; crash++) {
                List<Long> killed;
                int inFlightAtKill;
                try (RefreshBurst burst = new RefreshBurst(links, node::realmUrl, secret, WORKERS, 100).start()) {
                    assertThat(burst.awaitRefreshed(REFRESHES_BEFORE_KILL, Duration.ofMinutes(3)))
                            .as("the burst refreshed " + REFRESHES_BEFORE_KILL + " times before the kill: "
                                    + burst.problems())
                            .isTrue();
                    int failedBeforeKill = burst.failed();
                    inFlightAtKill = burst.inFlight();
                    killed = node.crash();
                    burst.stop();
                    assertThat(failedBeforeKill)
                            .as("refreshes that failed before the kill: " + burst.problems())
                            .isZero();
                    report.add("burst refreshes", burst.refreshed())
                            .add(
                                    "burst refreshes failed during the kill (in flight, or refused while the server was down; expected)",
                                    burst.failed())
                            .add("burst requests in flight at the kill", inFlightAtKill);
                }
                assertThat(killed).as("Java processes killed").isNotEmpty();
                assertThat(node.isRunning())
                        .as("kc.sh gone with its Java process")
                        .isFalse();
                report.add("SIGKILLs of the Java process", 1);

                node.start();
                Links.Check check = Links.refreshEach(links, node.realmUrl(), secret, WORKERS);
                int number = crash;
                check.problems().forEach(problem -> lost.add("after crash " + number + ": " + problem));
                report.add("refreshes after restarts", check.refreshed())
                        .add("failed refreshes after restarts", check.failed());
                lostLinks.addAll(check.failedUsers());
                report.put("links lost", lostLinks.size());
                if (check.failed() == 0) {
                    report.add("crashes survived (every link refreshed)", 1);
                }
            }
            assertThat(lost).as("links that did not refresh after a crash").isEmpty();
            assertThat(report.get("refreshes after restarts")).isEqualTo((long) LINKS * CRASHES);
            outcome = "passed";
        } finally {
            report.write(outcome);
        }
    }
}
