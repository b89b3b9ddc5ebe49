package dev.alexalink.keycloak.events;

import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SelfDirtinessTracker;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
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
import java.util.function.Consumer;
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
        if (isStored(realm, event)) {
            rewrite(session, EventEntity.class, event.getId(), stored -> stored.setDetailsJson(json(event.getDetails())));
        }
    }

    static void update(KeycloakSession session, RealmModel realm, AdminEvent event) {
        if (realm.isAdminEventsEnabled()) {
            rewrite(session, AdminEventEntity.class, event.getId(), stored -> stored.setDetailsJson(json(event.getDetails())));
        }
    }

    /** Applies the change to the entity the JPA store has just persisted for this event, if it is the store in use. */
    private static <T> void rewrite(KeycloakSession session, Class<T> entityType, String eventId, Consumer<T> change) {
        EntityManager entityManager = jpaEntityManager(session);
        T stored = entityManager == null ? null : entityManager.find(entityType, eventId);
        if (stored != null) {
            change.accept(stored);
            joinPendingInsert(entityManager, stored);
        }
    }

    /**
     * Puts the new details into the INSERT the store has queued, so each event is still written with one statement.
     * Hibernate queues an insert with the entity's state at {@code persist}, and that same array is the entity's
     * loaded state: changing only the entity would make the flush write the row, then UPDATE it (the load benchmark
     * saw one extra UPDATE per Alexa event). Writing the array too makes the insert carry the details, and clearing
     * the enhanced entity's change record leaves nothing dirty. Once the insert has run (a flush came first), both
     * are left alone and the UPDATE follows. AlexaEventsIT reads the stored details back, so a Hibernate upgrade that
     * changes this shows there.
     */
    private static void joinPendingInsert(EntityManager entityManager, Object stored) {
        EntityEntry entry = entityManager.unwrap(SharedSessionContractImplementor.class).getPersistenceContextInternal().getEntry(stored);
        Object[] queued = entry == null ? null : entry.getLoadedState();
        if (queued != null && !entry.isExistsInDatabase()) {
            Object[] current = entry.getPersister().getValues(stored);
            System.arraycopy(current, 0, queued, 0, Math.min(current.length, queued.length));
            if (stored instanceof SelfDirtinessTracker tracker) {
                // Keycloak's entities are bytecode-enhanced: the setter also recorded the change here.
                tracker.$$_hibernate_clearDirtyAttributes();
            }
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
