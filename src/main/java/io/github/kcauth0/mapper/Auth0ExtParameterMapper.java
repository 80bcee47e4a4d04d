package io.github.kcauth0.mapper;

import java.util.ArrayList;
import java.util.List;

import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.endpoints.AuthorizationEndpoint;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

/**
 * Puts an Auth0 {@code ext-*} parameter of the authorization request into a token claim, as an Auth0 Action
 * reading {@code event.request.query} would. Keycloak keeps the request's extra parameters with the client
 * session, where this mapper reads them.
 */
public final class Auth0ExtParameterMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper {

    public static final String PROVIDER_ID = "auth0-ext-parameter-mapper";
    public static final String PARAMETER = "ext.parameter";

    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        ProviderConfigProperty parameter = new ProviderConfigProperty();
        parameter.setName(PARAMETER);
        parameter.setLabel("ext-* parameter");
        parameter.setHelpText("The authorization request parameter to map, such as ext-tenant.");
        parameter.setType(ProviderConfigProperty.STRING_TYPE);
        parameter.setRequired(true);
        CONFIG.add(parameter);
        OIDCAttributeMapperHelper.addAttributeConfig(CONFIG, Auth0ExtParameterMapper.class);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Auth0 ext-* parameter";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "Maps a custom ext-* parameter of the authorization request (Auth0's custom parameters) to a token claim.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mapping, UserSessionModel userSession,
                            KeycloakSession session, ClientSessionContext clientSessionContext) {
        String value = clientSessionContext.getClientSession().getNote(
                AuthorizationEndpoint.LOGIN_SESSION_NOTE_ADDITIONAL_REQ_PARAMS_PREFIX + mapping.getConfig().get(PARAMETER));
        if (value != null) {
            OIDCAttributeMapperHelper.mapClaim(token, mapping, value);
        }
    }
}
