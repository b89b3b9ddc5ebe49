package dev.alexalink.keycloak.events;

import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.events.Event;
import org.keycloak.events.EventStoreProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.jpa.AdminEventEntity;
import org.keycloak.events.jpa.EventEntity;
import org.keycloak.events.jpa.JpaEventStoreProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.util.JsonSerialization;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Writes an event's details, with the Alexa context added, into the row the event store has just stored for it.
 * <p>
 * Keycloak hands an event to its store before its listeners (EventBuilder.sendNow, AdminEventBuilder.send), and the
 * JPA store turns the details into JSON at once. So a listener cannot add details before the event is stored; it can
 * only change the stored entity, which is still in this session's persistence context and transaction, before the
 * commit writes it. With another event store, the stored events stay as Keycloak wrote them (logged once).
 */
final class StoredEventDetails {

    private static final Logger LOG = Logger.getLogger("dev.alexalink.events");
    private static final AtomicBoolean OTHER_STORE_REPORTED = new AtomicBoolean();

    private StoredEventDetails() {
    }

    static void update(KeycloakSession session, RealmModel realm, Event event) {
        if (!isStored(realm, event)) {
            return;
        }
        EntityManager entityManager = jpaEntityManager(session);
        EventEntity stored = entityManager == null ? null : entityManager.find(EventEntity.class, event.getId());
        if (stored != null) {
            stored.setDetailsJson(json(event.getDetails()));
        }
    }

    static void update(KeycloakSession session, RealmModel realm, AdminEvent event) {
        if (!realm.isAdminEventsEnabled()) {
            return;
        }
        EntityManager entityManager = jpaEntityManager(session);
        AdminEventEntity stored = entityManager == null ? null : entityManager.find(AdminEventEntity.class, event.getId());
        if (stored != null) {
            stored.setDetailsJson(json(event.getDetails()));
        }
    }

    /** Whether the store kept this event: the rule of EventBuilder.sendNow. */
    private static boolean isStored(RealmModel realm, Event event) {
        if (!realm.isEventsEnabled()) {
            return false;
        }
        Set<String> enabledTypes = realm.getEnabledEventTypesStream().collect(Collectors.toSet());
        return enabledTypes.isEmpty() ? event.getType().isSaveByDefault() : enabledTypes.contains(event.getType().name());
    }

    private static EntityManager jpaEntityManager(KeycloakSession session) {
        EventStoreProvider store = session.getProvider(EventStoreProvider.class);
        if (!(store instanceof JpaEventStoreProvider)) {
            if (store != null && OTHER_STORE_REPORTED.compareAndSet(false, true)) {
                LOG.warnf("The event store is %s, not Keycloak's JPA store: stored events do not get the Alexa context;"
                        + " the log category dev.alexalink.events and the metrics still have it", store.getClass().getName());
            }
            return null;
        }
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    private static String json(Map<String, String> details) {
        try {
            return JsonSerialization.writeValueAsString(details);
        } catch (IOException e) {
            throw new UncheckedIOException("event details " + details.keySet() + " cannot be written as JSON", e);
        }
    }
}
