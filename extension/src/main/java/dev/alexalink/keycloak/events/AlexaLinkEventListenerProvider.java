package dev.alexalink.keycloak.events;

import dev.alexalink.keycloak.clientpolicy.AlexaClientCondition;
import dev.alexalink.keycloak.compat.KeycloakApi;
import dev.alexalink.rules.CodeReplayRule;
import dev.alexalink.rules.LinkAction;
import dev.alexalink.rules.LinkEvent;
import dev.alexalink.rules.LinkEvents;
import dev.alexalink.rules.LinkFailureFixes;
import dev.alexalink.rules.LinkMetrics;
import dev.alexalink.rules.RepeatedLines;
import dev.alexalink.rules.SafeText;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import org.jboss.logging.Logger;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Gives the link events of Alexa clients ({@link LinkEvents}) their Alexa context: skill, step and region. Once the
 * transaction has committed, each link step is counted ({@link LinkMetrics}) and logged in the category
 * {@code dev.alexalink.events}: failures as warnings, refreshes (one per linked user and access-token lifetime) at
 * debug level, everything else as info. The context is also added to the event's details ({@code alexa_skill},
 * {@code alexa_action}, {@code alexa_region}) for the listeners after this one; Keycloak has stored the event before
 * its listeners see it, so stored events keep Keycloak's own details.
 */
public class AlexaLinkEventListenerProvider implements EventListenerProvider {

    private static final Logger LOG = Logger.getLogger("dev.alexalink.events");

    private final KeycloakSession session;
    private final Meter.MeterProvider<Counter> counters;
    private final List<Runnable> afterCommit = new ArrayList<>();

    AlexaLinkEventListenerProvider(KeycloakSession session, Meter.MeterProvider<Counter> counters) {
        this.session = session;
        this.counters = counters;
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                afterCommit.forEach(Runnable::run);
            }

            @Override
            protected void rollbackImpl() {
                afterCommit.clear();
            }
        });
    }

    @Override
    public void onEvent(Event event) {
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        if (realm == null) {
            return;
        }
        List<LinkEvent> links = linkEvents(realm)
                .of(
                        new LinkEvents.UserEvent(
                                event.getType().name(),
                                event.getClientId(),
                                event.getUserId(),
                                event.getDetails(),
                                event.getError()),
                        this::currentRequest);
        if (links.isEmpty()) {
            return;
        }
        Map<String, String> details = withLinkDetails(event.getDetails(), links);
        event.setDetails(details);
        if (CodeReplayRule.revokesFirstExchange(event.getType().name(), event.getError(), event.getSessionId())) {
            revokeFirstExchange(realm, event.getClientId(), event.getSessionId());
        }

        String source = "event " + event.getType() + " (id " + event.getId() + ", user " + event.getUserId() + ")";
        String reason = details.getOrDefault(KeycloakApi.CLIENT_POLICY_ERROR_DETAIL, details.get(Details.REASON));
        afterCommit.add(() -> links.forEach(link -> report(realm.getName(), link, source, reason)));
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        if (realm == null) {
            return;
        }
        List<LinkEvent> links = linkEvents(realm)
                .of(new LinkEvents.AdminEvent(
                        String.valueOf(event.getOperationType()),
                        event.getResourceTypeAsString(),
                        event.getResourcePath()));
        if (links.isEmpty()) {
            return;
        }
        Map<String, String> details = withLinkDetails(event.getDetails(), links);
        event.setDetails(details);

        String admin =
                event.getAuthDetails() == null ? null : event.getAuthDetails().getUserId();
        String source = "admin event " + event.getOperationType() + " " + SafeText.of(event.getResourcePath()) + " (id "
                + event.getId() + ", admin " + admin + ")";
        afterCommit.add(() -> links.forEach(link -> report(realm.getName(), link, source, null)));
    }

    /**
     * A replayed code: the tokens of its first exchange live in the offline session of the code's user session
     * (Keycloak detached only the online client session). Its client session for this skill goes, in the same
     * transaction, so the first exchange's access and refresh tokens stop working.
     */
    private void revokeFirstExchange(RealmModel realm, String clientId, String userSessionId) {
        ClientModel client = realm.getClientByClientId(clientId);
        UserSessionModel offline =
                client == null ? null : session.sessions().getOfflineUserSession(realm, userSessionId);
        AuthenticatedClientSessionModel clientSession =
                offline == null ? null : offline.getAuthenticatedClientSessionByClient(client.getId());
        if (clientSession == null) {
            return;
        }
        clientSession.detachFromUserSession();
        LOG.warnf(
                "Alexa rule %s: an authorization code of skill '%s' in realm '%s' was used again; the tokens of its first"
                        + " exchange are revoked (offline session %s, user %s)",
                CodeReplayRule.NAME,
                SafeText.of(clientId),
                SafeText.of(realm.getName()),
                SafeText.of(userSessionId),
                offline.getUser().getId());
    }

    /** The event's details with the Alexa context added ({@link LinkEvents#details}). */
    private static Map<String, String> withLinkDetails(Map<String, String> details, List<LinkEvent> links) {
        Map<String, String> merged = details == null ? new HashMap<>() : details;
        merged.putAll(LinkEvents.details(links));
        return merged;
    }

    private LinkEvents linkEvents(RealmModel realm) {
        return new LinkEvents(
                clientId -> AlexaClientCondition.isAlexaClient(realm.getClientByClientId(clientId)),
                userId -> DeletedUserLinks.of(session, userId));
    }

    /** The client_id and redirect_uri parameters of the request being served (form parameters first). */
    private LinkEvents.Request currentRequest() {
        HttpRequest request;
        try {
            request = session.getContext().getHttpRequest();
        } catch (RuntimeException noRequest) {
            // Keycloak raises no sign-in or code exchange outside an HTTP request; if it did, there is nothing to read.
            LOG.debugf(noRequest, "no HTTP request to read client_id and redirect_uri from");
            return LinkEvents.Request.NONE;
        }
        return new LinkEvents.Request(parameter(request, "client_id"), parameter(request, "redirect_uri"));
    }

    private static String parameter(HttpRequest request, String name) {
        String value = request.getDecodedFormParameters().getFirst(name);
        return value != null ? value : request.getUri().getQueryParameters().getFirst(name);
    }

    /**
     * A flood of one failure (wrong secrets sent through Amazon, a broken client) logs one line a second, not one per
     * request; the metric counts every one.
     */
    static final long FAILURE_LINE_PERIOD_MILLIS = 1_000;

    private static final RepeatedLines FAILURE_LINES = new RepeatedLines(FAILURE_LINE_PERIOD_MILLIS);

    private void report(String realm, LinkEvent link, String source, String reason) {
        List<Tag> tags = LinkMetrics.tags(realm, link).entrySet().stream()
                .map(tag -> Tag.of(tag.getKey(), tag.getValue()))
                .toList();
        counters.withTags(tags).increment();

        String region =
                link.region() == null ? "" : " from region " + link.region().id();
        if (link.failed()) {
            OptionalLong heldBack = FAILURE_LINES.write(
                    realm + '/' + link.skill() + '/' + link.action().id() + '/' + link.error() + region,
                    System.currentTimeMillis());
            if (heldBack.isEmpty()) {
                return;
            }
            String fix = LinkFailureFixes.fixFor(link, reason)
                    .map(text -> "; fix: " + text)
                    .orElse("");
            String repeats = heldBack.getAsLong() == 0
                    ? ""
                    : " (" + heldBack.getAsLong() + " more like it in the last " + FAILURE_LINE_PERIOD_MILLIS / 1000
                            + " s not logged)";
            LOG.warnf(
                    "Alexa link step %s of skill '%s' in realm '%s' failed with %s%s: %s%s; Keycloak %s%s",
                    link.action().id(),
                    SafeText.of(link.skill()),
                    SafeText.of(realm),
                    SafeText.of(link.error()),
                    region,
                    reason == null ? "no reason given" : SafeText.of(reason),
                    fix,
                    source,
                    repeats);
        } else if (link.action() == LinkAction.REFRESH) {
            LOG.debugf(
                    "Alexa link step %s of skill '%s' in realm '%s'; Keycloak %s",
                    link.action().id(), SafeText.of(link.skill()), SafeText.of(realm), source);
        } else {
            LOG.infof(
                    "Alexa link step %s of skill '%s' in realm '%s'%s; Keycloak %s",
                    link.action().id(), SafeText.of(link.skill()), SafeText.of(realm), region, source);
        }
    }

    @Override
    public void close() {}
}
