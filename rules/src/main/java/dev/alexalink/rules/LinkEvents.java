package dev.alexalink.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides which Keycloak events are steps of an Alexa account link, and for which skill. Events are described by the
 * names Keycloak stores (event types such as {@code CODE_TO_TOKEN_ERROR}, admin operations and resource paths), so
 * that this class needs no Keycloak types.
 */
public final class LinkEvents {

    /** Details added to Keycloak's events. Several skills (a deleted user's links) are joined with "::", as Keycloak does. */
    public static final String SKILL_DETAIL = "alexa_skill";

    public static final String ACTION_DETAIL = "alexa_action";
    public static final String REGION_DETAIL = "alexa_region";

    /** Keycloak's error code for a failed step whose event names none, as Keycloak's own event metrics do. */
    public static final String UNKNOWN_ERROR = "unknown";

    private static final String ERROR_SUFFIX = "_ERROR";
    private static final String REVOKED_CLIENT_DETAIL = "revoked_client";
    private static final String REDIRECT_URI_DETAIL = "redirect_uri";
    private static final Pattern CONSENT_PATH = Pattern.compile("users/([^/]+)/consents/(.+)");
    private static final Pattern USER_PATH = Pattern.compile("users/([^/]+)");

    /**
     * A user event as Keycloak stores it.
     *
     * @param type     the event type, e.g. {@code LOGIN} or {@code REFRESH_TOKEN_ERROR}
     * @param clientId the client the event names, or null
     * @param userId   the user the event names, or null
     * @param details  the event's details (may be null)
     * @param error    the error code of a failure, or null
     */
    public record UserEvent(String type, String clientId, String userId, Map<String, String> details, String error) {
        public UserEvent {
            Objects.requireNonNull(type, "type");
            details = details == null ? Map.of() : details;
        }
    }

    /**
     * The parameters of the HTTP request an event comes from, for what Keycloak leaves out of the event: a refused
     * authorization request is recorded before its client is, and a code exchange does not record its redirect URI.
     */
    public record Request(String clientId, String redirectUri) {
        public static final Request NONE = new Request(null, null);
    }

    /**
     * An admin event as Keycloak stores it.
     *
     * @param operation    {@code CREATE}, {@code UPDATE}, {@code DELETE} or {@code ACTION}
     * @param resourceType e.g. {@code USER}
     * @param resourcePath e.g. {@code users/{id}/consents/{clientId}}
     */
    public record AdminEvent(String operation, String resourceType, String resourcePath) {}

    private final Predicate<String> isAlexaClient;
    private final Function<String, List<String>> linksOfDeletedUser;

    /**
     * @param isAlexaClient      whether a client ID (of the event's realm) names an Alexa skill client
     * @param linksOfDeletedUser the skills a user deleted in this request was linked to (held offline tokens of), by
     *                           user ID; empty when none, or when the user was not deleted
     */
    public LinkEvents(Predicate<String> isAlexaClient, Function<String, List<String>> linksOfDeletedUser) {
        this.isAlexaClient = Objects.requireNonNull(isAlexaClient, "isAlexaClient");
        this.linksOfDeletedUser = Objects.requireNonNull(linksOfDeletedUser, "linksOfDeletedUser");
    }

    /**
     * The link steps a user event records: none for events that do not concern an Alexa skill.
     *
     * @param request the parameters of the request the event comes from; asked for only by sign-ins and code exchanges
     */
    public List<LinkEvent> of(UserEvent event, Supplier<Request> request) {
        boolean failed = event.type().endsWith(ERROR_SUFFIX);
        String type = failed ? event.type().substring(0, event.type().length() - ERROR_SUFFIX.length()) : event.type();
        String error = failed ? errorOf(event) : null;
        switch (type) {
            case "LOGIN": {
                Request from = request.get();
                return alexa(
                        LinkAction.SIGN_IN,
                        event.clientId() != null ? event.clientId() : from.clientId(),
                        region(event, from),
                        error);
            }
            case "CODE_TO_TOKEN":
                return alexa(LinkAction.LINK, event.clientId(), region(event, request.get()), error);
            case "REFRESH_TOKEN":
                return alexa(LinkAction.REFRESH, event.clientId(), null, error);
            case "REVOKE_GRANT": {
                String revoked = event.details().get(REVOKED_CLIENT_DETAIL);
                if (revoked != null) {
                    // The account console names the revoked client; a skill revoking its own token names itself.
                    return alexa(
                            revoked.equals(event.clientId()) ? LinkAction.UNLINK_BY_SKILL : LinkAction.UNLINK_BY_USER,
                            revoked,
                            null,
                            error);
                }
                // Without a revoked client, a revocation either failed before naming one, or revoked an access token
                // only.
                return failed ? alexa(LinkAction.UNLINK_BY_SKILL, event.clientId(), null, error) : List.of();
            }
            case "DELETE_ACCOUNT":
                return failed ? List.of() : deletedUsersLinks(event.userId());
            default:
                return List.of();
        }
    }

    /** The link steps an admin event records: revoking a user's consent for a skill, and deleting a linked user. */
    public List<LinkEvent> of(AdminEvent event) {
        if (!"USER".equals(event.resourceType()) || event.resourcePath() == null) {
            return List.of();
        }
        Matcher consent = CONSENT_PATH.matcher(event.resourcePath());
        if ("ACTION".equals(event.operation()) && consent.matches()) {
            return alexa(LinkAction.UNLINK_BY_ADMIN, consent.group(2), null, null);
        }
        Matcher user = USER_PATH.matcher(event.resourcePath());
        if ("DELETE".equals(event.operation()) && user.matches()) {
            return deletedUsersLinks(user.group(1));
        }
        return List.of();
    }

    /**
     * The details that give a Keycloak event its Alexa context: skill, action and, when known, region. Empty when the
     * event is no link step.
     */
    public static Map<String, String> details(List<LinkEvent> events) {
        Map<String, String> details = new LinkedHashMap<>();
        if (events.isEmpty()) {
            return details;
        }
        details.put(SKILL_DETAIL, joined(events.stream().map(LinkEvent::skill).toList()));
        details.put(
                ACTION_DETAIL, joined(events.stream().map(e -> e.action().id()).toList()));
        List<String> regions = events.stream()
                .filter(e -> e.region() != null)
                .map(e -> e.region().id())
                .toList();
        if (!regions.isEmpty()) {
            details.put(REGION_DETAIL, joined(regions));
        }
        return details;
    }

    private List<LinkEvent> deletedUsersLinks(String userId) {
        if (userId == null) {
            return List.of();
        }
        List<LinkEvent> events = new ArrayList<>();
        for (String skill : new LinkedHashSet<>(linksOfDeletedUser.apply(userId))) {
            events.addAll(alexa(LinkAction.UNLINK_BY_USER_DELETION, skill, null, null));
        }
        return events;
    }

    private List<LinkEvent> alexa(LinkAction action, String skill, AlexaRegion region, String error) {
        if (skill == null || !isAlexaClient.test(skill)) {
            return List.of();
        }
        return List.of(new LinkEvent(action, skill, region, error));
    }

    private static AlexaRegion region(UserEvent event, Request request) {
        String redirectUri = event.details().get(REDIRECT_URI_DETAIL);
        return AlexaRegion.ofRedirectUri(redirectUri != null ? redirectUri : request.redirectUri())
                .orElse(null);
    }

    private static String errorOf(UserEvent event) {
        return event.error() == null || event.error().isBlank() ? UNKNOWN_ERROR : event.error();
    }

    private static String joined(List<String> values) {
        Set<String> distinct = new LinkedHashSet<>(values);
        return distinct.stream().collect(Collectors.joining("::"));
    }
}
