package dev.alexalink.reliability;

import dev.alexalink.rules.AlexaRegion;
import dev.alexalink.testkit.client.AccountLinking;
import dev.alexalink.testkit.client.AlexaService;
import dev.alexalink.testkit.client.Phone;
import dev.alexalink.testkit.server.AlexaServer;
import dev.alexalink.testkit.server.Users;
import org.keycloak.admin.client.Keycloak;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Creating users, linking their accounts exactly as the Alexa app and Amazon's servers do (authorize, sign-in,
 * consent, code exchange with HTTP Basic), and refreshing the links as Alexa does, counting every outcome.
 */
final class Links {

    private Links() {}

    /** {@code count} end users with complete profiles, created through the admin API of the node. */
    static List<String> createUsers(Node node, String prefix, int count) {
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> usernames = IntStream.range(0, count)
                .mapToObj(i -> prefix + "-" + run + "-" + i)
                .toList();
        try (Keycloak admin = node.admin()) {
            inParallel(4, usernames, username -> {
                Users.create(Node.realm(admin), username, AlexaServer.USER_PASSWORD, "Durable", username);
                return username;
            });
        }
        return usernames;
    }

    static AlexaRegion regionOf(int index) {
        return AlexaRegion.values()[index % AlexaRegion.values().length];
    }

    /**
     * Links one account: the web view on {@code authorizeRealmUrl}, Amazon's code exchange on
     * {@code exchangeRealmUrl} (another node of a cluster, or the same). Fails unless an offline refresh token came back.
     */
    static AlexaLink link(
            String authorizeRealmUrl, String exchangeRealmUrl, String clientSecret, String username, AlexaRegion region)
            throws IOException, InterruptedException {
        String redirectUri = region.redirectUri(Deployment.VENDOR_ID);
        Phone.Page back = AccountLinking.link(
                authorizeRealmUrl, "alexa-skill", redirectUri, AccountLinking.longState(), "profile", username);
        String code = back.redirectParameters().get("code");
        if (code == null) {
            throw new AssertionError("no code for " + username + ": redirected to " + back.redirectedTo());
        }
        AlexaService.TokenResponse tokens =
                alexa(exchangeRealmUrl, clientSecret).exchangeCode(code, redirectUri);
        return new AlexaLink(username, region, offlineRefreshToken(tokens, "code exchange for " + username));
    }

    /** The refresh token of a successful token response, which must be an offline one (the link outlives SSO). */
    static String offlineRefreshToken(AlexaService.TokenResponse tokens, String what) throws IOException {
        if (tokens.status() != 200 || tokens.field("refresh_token") == null || tokens.field("access_token") == null) {
            throw new AssertionError(what + ": HTTP " + tokens.status() + " " + tokens.body());
        }
        String type =
                AlexaService.claims(tokens.field("refresh_token")).path("typ").asText();
        if (!"Offline".equals(type)) {
            throw new AssertionError(what + ": refresh token of type '" + type + "', not Offline");
        }
        return tokens.field("refresh_token");
    }

    /** Links every user (region by position), {@code threads} at a time; any failure fails the whole call. */
    static List<AlexaLink> linkAll(
            List<String> usernames,
            Function<Integer, String> authorizeRealmUrl,
            Function<Integer, String> exchangeRealmUrl,
            String clientSecret,
            int threads) {
        List<Integer> indexes = IntStream.range(0, usernames.size()).boxed().toList();
        return inParallel(
                threads,
                indexes,
                i -> link(
                        authorizeRealmUrl.apply(i),
                        exchangeRealmUrl.apply(i),
                        clientSecret,
                        usernames.get(i),
                        regionOf(i)));
    }

    static AlexaService alexa(String realmUrl, String clientSecret) {
        return new AlexaService(realmUrl, "alexa-skill", clientSecret, AlexaService.ClientAuthentication.HTTP_BASIC);
    }

    /** What one refresh of a link did. */
    enum Outcome {
        REFRESHED,
        REFUSED,
        UNREACHABLE
    }

    /** One refresh as Alexa does it; on success Alexa keeps the new refresh token. */
    static Outcome refresh(AlexaService alexa, AlexaLink link, List<String> problems) throws InterruptedException {
        try {
            AlexaService.TokenResponse response = alexa.refresh(link.refreshToken());
            if (response.status() == 200
                    && response.field("access_token") != null
                    && response.field("refresh_token") != null
                    && response.field("expires_in") != null) {
                link.received(response.field("refresh_token"));
                return Outcome.REFRESHED;
            }
            problems.add(link + ": HTTP " + response.status() + " " + response.body());
            return Outcome.REFUSED;
        } catch (IOException e) {
            problems.add(link + ": " + e);
            return Outcome.UNREACHABLE;
        }
    }

    /** The result of refreshing every link once. */
    record Check(int refreshed, List<String> failedUsers, List<String> problems) {
        int failed() {
            return failedUsers.size();
        }
    }

    /**
     * Refreshes every link once on {@code realmUrl}. A link that does not refresh is lost: Alexa has nothing else
     * than its refresh token, and the user would have to link again.
     */
    static Check refreshEach(List<AlexaLink> links, String realmUrl, String clientSecret, int threads) {
        List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        AlexaService alexa = alexa(realmUrl, clientSecret);
        List<Outcome> outcomes = inParallel(threads, links, link -> refresh(alexa, link, problems));
        List<String> failed = IntStream.range(0, links.size())
                .filter(i -> outcomes.get(i) != Outcome.REFRESHED)
                .mapToObj(i -> links.get(i).username())
                .toList();
        return new Check(links.size() - failed.size(), failed, List.copyOf(problems));
    }

    /** Runs the task for every item on a pool of {@code threads}; the results in order; the first failure is thrown. */
    static <T, R> List<R> inParallel(int threads, List<T> items, Task<T, R> task) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                Callable<R> call = () -> task.run(item);
                futures.add(pool.submit(call));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> future : futures) {
                results.add(future.get(10, TimeUnit.MINUTES));
            }
            return results;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("a task did not finish within 10 minutes", e);
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    interface Task<T, R> {
        R run(T item) throws Exception;
    }
}
