package io.github.kcauth0.rar;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenResponseMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.AccessTokenResponse;
import org.keycloak.representations.IDToken;
import org.keycloak.util.JsonSerialization;

/**
 * Gives the login's {@code authorization_details} back as Auth0 does: the access token's
 * {@code authorization_details} claim and the token response's field, the array whole as the request sent it,
 * at whichever token endpoint the code is redeemed (Keycloak's own too), and again on refresh, since the client
 * session keeps them. It sits on the API's client scope, so it runs when that API is requested.
 */
public final class AuthorizationDetailsMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCAccessTokenResponseMapper, TokenIntrospectionTokenMapper {

    public static final String PROVIDER_ID = "auth0-authorization-details-mapper";
    public static final String CLAIM = "authorization_details";

    private static final List<ProviderConfigProperty> CONFIG = new java.util.ArrayList<>();

    static {
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, AuthorizationDetailsMapper.class);
    }

    /** The mapper as the extension adds it to an API's client scope. */
    public static ProtocolMapperModel model() {
        ProtocolMapperModel mapper = new ProtocolMapperModel();
        mapper.setName("authorization_details");
        mapper.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        mapper.setProtocolMapper(PROVIDER_ID);
        mapper.setConfig(new java.util.HashMap<>(Map.of(
                OIDCAttributeMapperHelper.INCLUDE_IN_ACCESS_TOKEN, "true",
                OIDCAttributeMapperHelper.INCLUDE_IN_ACCESS_TOKEN_RESPONSE, "true",
                OIDCAttributeMapperHelper.INCLUDE_IN_INTROSPECTION, "true")));
        return mapper;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Auth0 authorization_details";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "Puts the authorization_details of the login (Rich Authorization Requests, checked against the API's "
                + "registered types) into the access token and the token response, as Auth0 does.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mapping, UserSessionModel userSession,
                            KeycloakSession session, ClientSessionContext clientSessionContext) {
        JsonNode details = carried(clientSessionContext);
        if (details != null) {
            token.getOtherClaims().put(CLAIM, details);
        }
    }

    @Override
    protected void setClaim(AccessTokenResponse response, ProtocolMapperModel mapping, UserSessionModel userSession,
                            KeycloakSession session, ClientSessionContext clientSessionContext) {
        JsonNode details = carried(clientSessionContext);
        if (details != null) {
            response.getOtherClaims().put(CLAIM, details);
        }
    }

    /**
     * Validated at the push and kept as sent; read as JSON so that it is written as the array, not a string. Checked
     * again here, where they leave: each type must be registered on an API this token is for, so that details that
     * reached the login past the extension's checks (a client sending the carrying parameter to Keycloak's own
     * endpoints) are never handed to an API as granted.
     */
    private static JsonNode carried(ClientSessionContext clientSessionContext) {
        String note = clientSessionContext.getClientSession().getNote(CarriedAuthorizationDetails.NOTE);
        if (note == null) {
            return null;
        }
        try {
            AuthorizationDetails details = AuthorizationDetails.parse(note);
            Set<String> registered = ApiAuthorizationDetailsTypes.ofAll(clientSessionContext);
            return registered.containsAll(details.types()) ? JsonSerialization.mapper.readTree(note) : null;
        } catch (Exception notCheckedDetails) {
            return null;
        }
    }
}
