package dev.alexalink.keycloak.events;

import dev.alexalink.keycloak.clientpolicy.AlexaClientCondition;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.util.List;

/**
 * The skills a user was linked to, kept from just before the user is deleted until the event that records the
 * deletion, which Keycloak sends once the links are gone. A link is the offline session in which Alexa holds its
 * refresh token.
 * <p>
 * Consents are not read here: loading a user's consent entities before Keycloak's JPA user store deletes them with a
 * bulk query makes its flush fail (TransientPropertyValueException on UserConsentEntity.user), so the deletion fails.
 * Offline session entities have no association to the user entity.
 */
final class DeletedUserLinks {

    private static final String ATTRIBUTE = "dev.alexalink.links-of-deleted-user.";

    private DeletedUserLinks() {}

    static void remember(KeycloakSession session, RealmModel realm, UserModel user) {
        if (realm.getEventsListenersStream().noneMatch(AlexaLinkEventListenerProviderFactory.PROVIDER_ID::equals)) {
            return;
        }
        List<String> skills = session.sessions()
                .getOfflineUserSessionsStream(realm, user)
                .flatMap(userSession -> userSession.getAuthenticatedClientSessions().values().stream())
                .map(AuthenticatedClientSessionModel::getClient)
                .filter(AlexaClientCondition::isAlexaClient)
                .map(ClientModel::getClientId)
                .distinct()
                .toList();
        if (!skills.isEmpty()) {
            session.setAttribute(ATTRIBUTE + user.getId(), skills);
        }
    }

    /** The skills of a user deleted in this session; empty when the user had none, or was not deleted. */
    static List<String> of(KeycloakSession session, String userId) {
        List<?> skills = session.getAttribute(ATTRIBUTE + userId, List.class);
        return skills == null
                ? List.of()
                : skills.stream().map(String.class::cast).toList();
    }
}
