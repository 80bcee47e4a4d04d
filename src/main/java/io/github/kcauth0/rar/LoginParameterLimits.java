package io.github.kcauth0.rar;

import java.util.Set;

import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.LoginProtocol;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.OIDCProviderConfig;
import org.keycloak.protocol.oidc.endpoints.request.AuthzEndpointRequestParser;

/**
 * Keycloak's limits on the parameters of an authorization request it does not know, which it keeps as notes of
 * the login ({@code add-req-params-max-number}, {@code -max-size}, {@code -max-overall-size} of the
 * {@code openid-connect} login protocol; the same names and defaults, 5 and 2,000 characters, in 26.4 to 26.7).
 * Beyond them Keycloak drops a parameter silently, so a push that would lose its details is refused instead.
 *
 * @param maxLength       the longest value Keycloak keeps
 * @param maxCount        how many such parameters Keycloak keeps
 * @param known           the parameters Keycloak knows, which do not count
 * @param addedByKeycloak how many Keycloak adds to a pushed request's by itself ({@code par.created.time},
 *                        {@code par.dpop.proof.jkt}) and this extension's {@code auth0_par_binding}; 0 without a push
 */
public record LoginParameterLimits(int maxLength, int maxCount, Set<String> known, int addedByKeycloak) {

    /** Keycloak's {@code par.created.time} and {@code par.dpop.proof.jkt}, and the extension's binding. */
    public static final int ADDED_TO_A_PUSH = 3;

    public static LoginParameterLimits of(KeycloakSession session, boolean pushed) {
        OIDCProviderConfig config = ((OIDCLoginProtocol) session.getProvider(LoginProtocol.class, OIDCLoginProtocol.LOGIN_PROTOCOL)).getConfig();
        return new LoginParameterLimits(Math.min(config.getAdditionalReqParamsMaxSize(), config.getAdditionalReqParamsMaxOverallSize()),
                config.getAdditionalReqParamsMaxNumber(), AuthzEndpointRequestParser.KNOWN_REQ_PARAMS, pushed ? ADDED_TO_A_PUSH : 0);
    }
}
