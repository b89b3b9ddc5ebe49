package dev.alexalink.reliability;

import dev.alexalink.testkit.client.AlexaService;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Several Alexa workers refreshing the links in a loop, as the Alexa service does all day, while a suite restarts or
 * kills nodes under them. Each worker owns its share of the links (a link's token chain is never refreshed twice at
 * once here). Bounded: every worker stops after {@code maxRounds} passes over its share, or when stopped.
 */
final class RefreshBurst implements AutoCloseable {

    private final List<AlexaLink> links;
    private final Supplier<String> realmUrl;
    private final String clientSecret;
    private final int workers;
    private final int maxRounds;
    private final ExecutorService pool;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger refreshed = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger unreachable = new AtomicInteger();
    private final Map<String, AtomicInteger> failuresByTarget = new ConcurrentHashMap<>();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());

    /** {@code realmUrl} is asked before every request: where the load balancer sends it. */
    RefreshBurst(List<AlexaLink> links, Supplier<String> realmUrl, String clientSecret, int workers, int maxRounds) {
        this.links = links;
        this.realmUrl = realmUrl;
        this.clientSecret = clientSecret;
        this.workers = workers;
        this.maxRounds = maxRounds;
        this.pool = Executors.newFixedThreadPool(workers);
    }

    RefreshBurst start() {
        for (int worker = 0; worker < workers; worker++) {
            List<AlexaLink> share = new ArrayList<>();
            for (int i = worker; i < links.size(); i += workers) {
                share.add(links.get(i));
            }
            pool.submit(() -> work(share));
        }
        return this;
    }

    private Void work(List<AlexaLink> share) throws InterruptedException {
        for (int round = 0; round < maxRounds && !stopped.get(); round++) {
            for (AlexaLink link : share) {
                if (stopped.get()) {
                    return null;
                }
                String target = realmUrl.get();
                AlexaService alexa = Links.alexa(target, clientSecret);
                inFlight.incrementAndGet();
                Links.Outcome outcome = Links.refresh(alexa, link, problems);
                inFlight.decrementAndGet();
                switch (outcome) {
                    case REFRESHED -> refreshed.incrementAndGet();
                    case REFUSED -> refused.incrementAndGet();
                    case UNREACHABLE -> unreachable.incrementAndGet();
                }
                if (outcome != Links.Outcome.REFRESHED) {
                    failuresByTarget
                            .computeIfAbsent(target, key -> new AtomicInteger())
                            .incrementAndGet();
                }
            }
        }
        return null;
    }

    /** Waits (bounded) until the burst has refreshed at least {@code count} times in all; false if it never did. */
    boolean awaitRefreshed(int count, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (refreshed.get() < count && Instant.now().isBefore(deadline) && !finished()) {
            Thread.sleep(50);
        }
        return refreshed.get() >= count;
    }

    private boolean finished() {
        return pool.isTerminated();
    }

    int inFlight() {
        return inFlight.get();
    }

    int refreshed() {
        return refreshed.get();
    }

    int refused() {
        return refused.get();
    }

    int unreachable() {
        return unreachable.get();
    }

    int failed() {
        return refused.get() + unreachable.get();
    }

    /** Failed refreshes sent to one realm URL (one node). */
    int failedAt(String target) {
        AtomicInteger count = failuresByTarget.get(target);
        return count == null ? 0 : count.get();
    }

    List<String> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }

    /** Stops the workers after their current request and waits for them. */
    void stop() throws InterruptedException {
        stopped.set(true);
        pool.shutdown();
        if (!pool.awaitTermination(2, TimeUnit.MINUTES)) {
            pool.shutdownNow();
        }
    }

    @Override
    public void close() {
        stopped.set(true);
        pool.shutdownNow();
    }
}
