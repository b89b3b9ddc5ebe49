package dev.alexalink.keycloak.events;

import dev.alexalink.keycloak.compat.KeycloakApi;
import dev.alexalink.rules.LinkMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.BaseUnits;
import org.keycloak.Config;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The event listener {@value #PROVIDER_ID}: enabled per realm (Realm settings, Events, Event listeners), it gives the
 * link events of Alexa clients their Alexa context and counts them.
 */
public class AlexaLinkEventListenerProviderFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "alexa-linking";

    private Meter.MeterProvider<Counter> counters;

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return KeycloakApi.UNSUPPORTED.isPresent() ? INERT : new AlexaLinkEventListenerProvider(session, counters);
    }

    /** On an unsupported Keycloak version, which the startup log names. */
    private static final EventListenerProvider INERT = new EventListenerProvider() {
        @Override
        public void onEvent(Event event) {}

        @Override
        public void onEvent(AdminEvent event, boolean includeRepresentation) {}

        @Override
        public void close() {}
    };

    /**
     * Keycloak's Micrometer registry (Quarkus) is part of the global registry, which /metrics on the management port
     * shows when metrics are enabled. Without metrics, the global registry has no registry and counting does nothing.
     */
    @Override
    public void init(Config.Scope config) {
        counters = Counter.builder(LinkMetrics.NAME)
                .description(LinkMetrics.DESCRIPTION)
                .baseUnit(BaseUnits.EVENTS)
                .withRegistry(Metrics.globalRegistry);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    /** Keycloak deletes a user's offline sessions before the event that records the deletion: see {@link DeletedUserLinks}. */
    public static void userBeingRemoved(KeycloakSession session, RealmModel realm, UserModel user) {
        DeletedUserLinks.remember(session, realm, user);
    }

    @Override
    public void close() {}

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
