package dev.alexalink.reliability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No link is lost across restarts: 100 accounts linked, Keycloak stopped (SIGTERM) and started again on the same
 * database ten times, and after every restart every link refreshes. In production mode on PostgreSQL (as the image
 * runs) and in development mode on the H2 file database.
 */
/** A bound well above a run on a busy 2-core machine (the harness's default is 5 minutes per test). */
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class DurabilityIT {

    static final int LINKS = 100;
    static final int RESTARTS = 10;
    static final int THREADS = 8;

    @Test
    void everyLinkRefreshesAfterTenRestartsOnPostgresInProductionMode() throws Exception {
        survivesRestarts("DurabilityIT-postgres", () -> Deployment.onPostgres("durability-postgres"));
    }

    @Test
    void everyLinkRefreshesAfterTenRestartsOnH2InDevelopmentMode() throws Exception {
        survivesRestarts("DurabilityIT-h2", () -> Deployment.onH2("durability-h2"));
    }

    private static void survivesRestarts(String suite, Supplier<Deployment> deployments) {
        SuiteReport report = new SuiteReport(suite);
        String outcome = "failed";
        try (Deployment deployment = deployments.get()) {
            report.put("database", deployment.databaseDescription());
            Node node = deployment.node("node").start();
            List<String> users = Links.createUsers(node, "durable", LINKS);
            List<AlexaLink> links = Links.linkAll(
                    users, i -> node.realmUrl(), i -> node.realmUrl(), deployment.clientSecret(), THREADS);
            report.put("links made", links.size());

            Links.Check first = Links.refreshEach(links, node.realmUrl(), deployment.clientSecret(), THREADS);
            assertThat(first.problems()).as("refreshes before any restart").isEmpty();
            report.put("refreshes before the first restart", first.refreshed());

            Set<String> lost = new LinkedHashSet<>();
            Set<String> lostLinks = new LinkedHashSet<>();
            for (int restart = 1; restart <= RESTARTS; restart++) {
                node.stop();
                node.start();
                Links.Check check = Links.refreshEach(links, node.realmUrl(), deployment.clientSecret(), THREADS);
                report.add("refreshes after restarts", check.refreshed())
                        .add("failed refreshes after restarts", check.failed());
                int number = restart;
                check.problems().forEach(problem -> lost.add("after restart " + number + ": " + problem));
                lostLinks.addAll(check.failedUsers());
                report.put("links lost", lostLinks.size());
                if (check.failed() == 0) {
                    report.add("restarts survived (every link refreshed)", 1);
                }
                report.put("restarts", restart);
            }
            assertThat(lost).as("refreshes that failed after a restart").isEmpty();
            assertThat(report.get("refreshes after restarts")).isEqualTo((long) LINKS * RESTARTS);
            outcome = "passed";
        } finally {
            report.write(outcome);
        }
    }
}
