package io.github.kcauth0.rar;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.github.kcauth0.oauth.OAuthError;
import io.github.kcauth0.pages.ExtensionTexts;

import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.rar.AuthorizationDetails;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.util.TokenUtil;

/**
 * The consent page's lines for a login that carries an API's {@code authorization_details}: one more line per API,
 * beside the API's own, naming the types the request carries for it ("Authorization details: payment_initiation").
 * Keycloak's consent template prints each requested client scope's consent text; the added line is a client scope
 * of the page's list whose consent text is that sentence, so that every theme built on Keycloak's shows it.
 */
public final class AuthorizationDetailsConsent {

    static final String TEXT = "auth0ParConsentAuthorizationDetails";

    private AuthorizationDetailsConsent() {
    }

    /** Keycloak's lines, and after them a line for each requested API that registers a carried type. */
    static List<AuthorizationDetails> lines(KeycloakSession session, AuthenticationSessionModel login, List<AuthorizationDetails> keycloaks) {
        List<String> carried = carriedTypes(login);
        if (carried.isEmpty()) {
            return keycloaks;
        }
        List<AuthorizationDetails> lines = new ArrayList<>(keycloaks);
        RealmModel realm = login.getRealm();
        // The scopes this login asked for, by id: never a walk of the realm's scopes.
        login.getClientScopes().stream()
                .map(realm::getClientScopeById)
                .filter(Objects::nonNull)
                .forEach(api -> {
                    Set<String> registered = ApiAuthorizationDetailsTypes.of(api);
                    List<String> types = carried.stream().filter(registered::contains).distinct().toList();
                    if (!types.isEmpty()) {
                        String text = ExtensionTexts.text(session, login.getAuthenticatedUser(), TEXT, String.join(", ", types));
                        lines.add(new AuthorizationDetails(withConsentText(api, text)));
                    }
                });
        return lines;
    }

    /**
     * A login that carries an API's details asks a client's user for consent again (its {@code prompt} gains
     * {@code consent}), for a request Keycloak set up without the extension's mapping: a pushed request object, whose
     * claims Keycloak reads and nothing beside them. A silent request ({@code prompt=none}) was answered already.
     */
    public static void askAgain(KeycloakSession session, AuthenticationSessionModel login) {
        if (login == null || !login.getClient().isConsentRequired() || !carriesAnApisDetails(session, login)) {
            return;
        }
        String prompt = login.getClientNote(OIDCLoginProtocol.PROMPT_PARAM);
        if (prompt == null || prompt.isBlank()) {
            login.setClientNote(OIDCLoginProtocol.PROMPT_PARAM, OIDCLoginProtocol.PROMPT_VALUE_CONSENT);
        } else if (!TokenUtil.hasPrompt(prompt, OIDCLoginProtocol.PROMPT_VALUE_CONSENT) && !TokenUtil.hasPrompt(prompt, OIDCLoginProtocol.PROMPT_VALUE_NONE)) {
            login.setClientNote(OIDCLoginProtocol.PROMPT_PARAM, prompt + " " + OIDCLoginProtocol.PROMPT_VALUE_CONSENT);
        }
    }

    private static boolean carriesAnApisDetails(KeycloakSession session, AuthenticationSessionModel login) {
        return login.getClientNote(CarriedAuthorizationDetails.NOTE) != null
                || !CarriedAuthorizationDetails.processedByKeycloak(session).containsAll(carriedTypes(login));
    }

    /**
     * The types of the details the login carries: the extension's note, else what Keycloak 26.4 and 26.5 kept of a
     * request object's claim (carried on when the login completes); only those an API of the login registers are shown.
     */
    private static List<String> carriedTypes(AuthenticationSessionModel login) {
        for (String note : List.of(CarriedAuthorizationDetails.NOTE, CarriedAuthorizationDetails.KEYCLOAKS_NOTE)) {
            String carried = login.getClientNote(note);
            if (carried != null) {
                try {
                    return io.github.kcauth0.rar.AuthorizationDetails.parse(carried).types();
                } catch (OAuthError checkedWhenPushed) {
                    return List.of();
                }
            }
        }
        return List.of();
    }

    /**
     * The API's client scope, read through a view whose consent text is the given one. A view of the interface
     * rather than a class of ours implementing it: {@code ClientScopeModel} gains methods from release to release.
     */
    private static ClientScopeModel withConsentText(ClientScopeModel api, String text) {
        return (ClientScopeModel) Proxy.newProxyInstance(ClientScopeModel.class.getClassLoader(), new Class<?>[]{ClientScopeModel.class},
                (view, method, arguments) -> switch (method.getName()) {
                    case "getConsentScreenText" -> text;
                    case "isDynamicScope", "isParameterizedScope" -> false;
                    default -> delegate(api, method, arguments);
                });
    }

    private static Object delegate(ClientScopeModel api, Method method, Object[] arguments) throws Throwable {
        try {
            return method.invoke(api, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
