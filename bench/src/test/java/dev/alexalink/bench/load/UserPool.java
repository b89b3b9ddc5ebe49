package dev.alexalink.bench.load;

import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.PartialImportRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * End users for the benchmark, each handed out once per client: a link asks for consent only the first time a user
 * links a client, so every measured link needs a user who never linked that client before. The two clients draw from
 * the same users, each with its own cursor. Users are created ahead of the runs, outside the measurement, through the
 * admin API's partial import (Keycloak hashes each password, as it does for sign-up).
 */
public final class UserPool {

    public static final String PASSWORD = "Bench-Password-7";
    private static final int BATCH = 250;

    private final RealmResource realm;
    private final String realmName;
    private final String prefix;
    private final Map<String, Integer> handedOut = new HashMap<>();
    private int created;

    public UserPool(RealmResource realm, String realmName, String prefix) {
        this.realm = realm;
        this.realmName = realmName;
        this.prefix = prefix;
    }

    public static String username(String prefix, int number) {
        return prefix + "-" + String.format("%07d", number);
    }

    public String prefix() {
        return prefix;
    }

    /** Reserves {@code count} users never handed out for this client before; returns the number of the first. */
    public int reserve(String clientId, int count) {
        int first = handedOut.getOrDefault(clientId, 0);
        ensureCreated(first + count);
        handedOut.put(clientId, first + count);
        return first;
    }

    /** Creates users now, so that the next runs of both clients find them (creation loads the server). */
    public void ensureAvailable(int count) {
        int furthest =
                handedOut.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        ensureCreated(furthest + count);
    }

    private void ensureCreated(int total) {
        if (total <= created) {
            return;
        }
        List<int[]> batches = new ArrayList<>();
        for (int start = created; start < total; start += BATCH) {
            batches.add(new int[] {start, Math.min(total, start + BATCH)});
        }
        // Two imports at a time: password hashing is the cost, and it uses one core per request.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int[] batch : batches) {
                results.add(pool.submit(() -> importUsers(batch[0], batch[1])));
            }
            for (Future<?> result : results) {
                result.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(
                    "Creating benchmark users " + username(prefix, created) + " to " + username(prefix, total - 1)
                            + " failed: " + e.getMessage(),
                    e);
        } finally {
            pool.shutdown();
        }
        created = total;
    }

    private void importUsers(int from, int to) {
        List<UserRepresentation> users = new ArrayList<>();
        for (int number = from; number < to; number++) {
            String username = username(prefix, number);
            UserRepresentation user = new UserRepresentation();
            user.setUsername(username);
            user.setEmail(username + "@bench.example.com");
            user.setFirstName("Bench");
            user.setLastName(String.valueOf(number));
            user.setEnabled(true);
            user.setEmailVerified(true);
            // Unlike POST /users, a partial import grants no roles by itself; the default roles hold offline_access.
            user.setRealmRoles(List.of("default-roles-" + realmName));
            CredentialRepresentation password = new CredentialRepresentation();
            password.setType(CredentialRepresentation.PASSWORD);
            password.setValue(PASSWORD);
            password.setTemporary(false);
            user.setCredentials(List.of(password));
            users.add(user);
        }
        PartialImportRepresentation batch = new PartialImportRepresentation();
        batch.setIfResourceExists(PartialImportRepresentation.Policy.FAIL.name());
        batch.setUsers(users);
        try (Response response = realm.partialImport(batch)) {
            if (response.getStatus() != 200) {
                throw new IllegalStateException("partial import of " + users.size() + " users: HTTP "
                        + response.getStatus() + " " + response.readEntity(String.class));
            }
        }
    }
}
