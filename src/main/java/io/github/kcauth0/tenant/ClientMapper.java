package io.github.kcauth0.tenant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.managers.ClientManager;
import org.keycloak.services.managers.RealmManager;

/**
 * Auth0 applications → clients with the same {@code client_id} and secret. What has no counterpart is reported,
 * never widened: a wildcard URL is left out, keys Auth0 does not hand out are asked for.
 */
final class ClientMapper {

    static final String POST_LOGOUT_REDIRECT_URIS = "post.logout.redirect.uris";
    static final String REQUIRE_PAR = "require.pushed.authorization.requests";
    static final String ID_TOKEN_ALG = "id.token.signed.response.alg";
    static final String USE_REFRESH_TOKENS = "use.refresh.tokens";
    static final String ORGANIZATION_SCOPE = "organization";

    /** What the client should look like; {@code secret} is null when Auth0's answer lacks it. */
    record Application(String clientId, String name, String description, String secret, boolean publicClient,
                       String authenticator, Set<String> redirectUris, String postLogoutRedirectUris, Set<String> webOrigins,
                       boolean standardFlow, boolean implicitFlow, boolean directGrants, boolean serviceAccount,
                       boolean refreshTokens, String idTokenAlgorithm, boolean requirePar, boolean organizations,
                       List<String> todo) {
    }

    private final List<Application> applications = new ArrayList<>();
    private final List<Auth0Object> globalClients = new ArrayList<>();

    ClientMapper(List<Auth0Object> clients) {
        Set<String> seen = new LinkedHashSet<>();
        for (Auth0Object client : clients) {
            String clientId = client.text("client_id");
            if (!seen.add(clientId)) {
                throw client.invalid("client_id", "appears twice in clients");
            }
            if (client.flag("global")) {
                globalClients.add(client);
                continue;
            }
            applications.add(read(client, clientId));
        }
    }

    List<Application> applications() {
        return applications;
    }

    boolean isGlobal(String clientId) {
        return globalClients.stream().anyMatch(client -> client.optionalText("client_id").filter(clientId::equals).isPresent());
    }

    boolean isApplication(String clientId) {
        return applications.stream().anyMatch(application -> application.clientId().equals(clientId));
    }

    private static Application read(Auth0Object client, String clientId) {
        List<String> todo = new ArrayList<>();
        String name = client.optionalText("name").orElse(clientId);
        String appType = client.optionalText("app_type").orElse("regular_web");
        String method = client.optionalText("token_endpoint_auth_method").orElse(null);
        Auth0Object methods = client.object("client_authentication_methods");
        String secret = client.optionalText("client_secret").orElse(null);

        boolean privateKeyJwt = methods.has("private_key_jwt");
        boolean publicClient = !privateKeyJwt && ("none".equals(method)
                || (method == null && (appType.equals("spa") || appType.equals("native"))));
        String authenticator = privateKeyJwt ? "client-jwt" : "client-secret";
        if (privateKeyJwt) {
            todo.add("client " + clientId + " authenticates with private_key_jwt: Auth0's answer has no public keys;"
                    + " add them under Clients → " + clientId + " → Keys (JWKS URL or certificate)");
        } else if (!publicClient && secret == null) {
            todo.add("client " + clientId + " has no client_secret in the tenant file (fetch clients with read:client_keys):"
                    + " Keycloak made a new secret; hand it to the application, or import again with the secret");
        }
        if (methods.has("tls_client_auth") || methods.has("self_signed_tls_client_auth")) {
            todo.add("client " + clientId + " uses mTLS client authentication, which the import does not map");
        }

        Set<String> grants = new LinkedHashSet<>(client.optionalTexts("grant_types")
                .orElse(appType.equals("non_interactive") ? List.of("client_credentials")
                        : List.of("authorization_code", "implicit", "refresh_token")));
        boolean serviceAccount = grants.remove("client_credentials") && !publicClient;
        boolean standardFlow = grants.remove("authorization_code");
        boolean implicitFlow = grants.remove("implicit");
        boolean refreshTokens = grants.remove("refresh_token");
        boolean directGrants = grants.remove("password") | grants.remove("http://auth0.com/oauth/grant-type/password-realm");
        grants.forEach(grant -> todo.add("client " + clientId + ": grant type " + grant + " has no counterpart and was left out"));

        String idTokenAlgorithm = client.object("jwt_configuration").optionalText("alg").orElse("RS256");
        if (!Set.of("RS256", "PS256").contains(idTokenAlgorithm)) {
            todo.add("client " + clientId + ": ID tokens signed with " + idTokenAlgorithm
                    + " (Auth0 signs HS256 with the client secret); Keycloak signs them with RS256");
            idTokenAlgorithm = "RS256";
        }
        if ("rotating".equals(client.object("refresh_token").optionalText("rotation_type").orElse(null))) {
            todo.add("client " + clientId + " rotates refresh tokens: in Keycloak that is a realm setting"
                    + " (Realm settings → Sessions/Tokens → Revoke refresh token)");
        }
        String organizationUsage = client.optionalText("organization_usage").orElse("deny");
        boolean organizations = !organizationUsage.equals("deny");
        if (organizationUsage.equals("require")) {
            todo.add("client " + clientId + " requires an organization: Keycloak lets a user log in without one;"
                    + " the application must send organization (or Keycloak's organization scope) and check org_id");
        }
        return new Application(clientId, name, client.optionalText("description").orElse(null), secret, publicClient,
                authenticator, urls(client, clientId, "callbacks", todo),
                String.join("##", urls(client, clientId, "allowed_logout_urls", todo)),
                origins(client, clientId, todo), standardFlow, implicitFlow, directGrants, serviceAccount, refreshTokens,
                idTokenAlgorithm, client.flag("require_pushed_authorization_requests"), organizations, todo);
    }

    /** URLs as Keycloak matches them: a wildcard in a host (Auth0's {@code https://*.example.com/cb}) is reported, not widened. */
    private static Set<String> urls(Auth0Object client, String clientId, String field, List<String> todo) {
        Set<String> urls = new LinkedHashSet<>();
        for (String url : client.texts(field)) {
            if (url.contains("*")) {
                todo.add("client " + clientId + ": " + field + " entry " + url + " has a wildcard Keycloak cannot express;"
                        + " it was left out: add each URL it stood for");
            } else if (url.contains("##") || url.chars().anyMatch(c -> c < ' ')) {
                throw client.invalid(field, "holds a URL with ## or a control character");
            } else {
                urls.add(url.trim());
            }
        }
        return urls;
    }

    private static Set<String> origins(Auth0Object client, String clientId, List<String> todo) {
        Set<String> origins = urls(client, clientId, "web_origins", todo);
        origins.addAll(urls(client, clientId, "allowed_origins", todo));
        return origins;
    }

    void apply(ImportContext context) {
        globalClients.forEach(client -> context.report.skipped("client", client.optionalText("client_id").orElse(""),
                "the tenant's global client (global: true) holds tenant settings, not an application"));
        for (Application application : applications) {
            application.todo().forEach(context.report::todo);
            if (application.organizations() && context.clientScope(ORGANIZATION_SCOPE) == null) {
                context.report.todo("client " + application.clientId() + " logs in for organizations, and the realm has no"
                        + " client scope organization: add Keycloak's organization client scope to the realm and the client");
            }
            ClientModel client = context.realm.getClientByClientId(application.clientId());
            if (client != null && !ImportContext.imported(client.getAttributes())) {
                context.report.skipped("client", application.clientId(), "a client with this client_id exists and was not created by an import: left as it is");
                continue;
            }
            context.importedClients.add(application.clientId());
            if (client == null) {
                context.report.created("client", application.clientId());
                context.createdClients.add(application.clientId());
                if (!context.dryRun) {
                    write(context, create(context, application), application);
                }
            } else if (matches(context, client, application)) {
                context.report.unchanged("client", application.clientId());
            } else {
                context.report.updated("client", application.clientId());
                if (!context.dryRun) {
                    write(context, client, application);
                }
            }
        }
    }

    private static ClientModel create(ImportContext context, Application application) {
        ClientRepresentation representation = new ClientRepresentation();
        representation.setClientId(application.clientId());
        representation.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        representation.setPublicClient(application.publicClient());
        representation.setAttributes(Map.of(ImportContext.IMPORTED, "true"));
        ClientModel client = ClientManager.createClient(context.session, context.realm, representation);
        if (!application.publicClient() && application.secret() == null) {
            KeycloakModelUtils.generateSecret(client);
        }
        return client;
    }

    private static Map<String, Object> settings(ClientModel client) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("name", client.getName());
        settings.put("description", client.getDescription());
        settings.put("publicClient", client.isPublicClient());
        settings.put("authenticator", client.getClientAuthenticatorType());
        settings.put("redirectUris", client.getRedirectUris());
        settings.put("postLogout", Objects.toString(client.getAttribute(POST_LOGOUT_REDIRECT_URIS), ""));
        settings.put("webOrigins", client.getWebOrigins());
        settings.put("standardFlow", client.isStandardFlowEnabled());
        settings.put("implicit", client.isImplicitFlowEnabled());
        settings.put("directGrants", client.isDirectAccessGrantsEnabled());
        settings.put("serviceAccount", client.isServiceAccountsEnabled());
        settings.put("refresh", Objects.toString(client.getAttribute(USE_REFRESH_TOKENS), "true"));
        settings.put("idTokenAlg", client.getAttribute(ID_TOKEN_ALG));
        settings.put("par", Objects.toString(client.getAttribute(REQUIRE_PAR), "false"));
        settings.put("organization", client.getClientScopes(false).containsKey(ORGANIZATION_SCOPE)
                || client.getClientScopes(true).containsKey(ORGANIZATION_SCOPE));
        return settings;
    }

    private static Map<String, Object> settings(ImportContext context, Application application) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("name", application.name());
        settings.put("description", application.description());
        settings.put("publicClient", application.publicClient());
        settings.put("authenticator", application.authenticator());
        settings.put("redirectUris", application.redirectUris());
        settings.put("postLogout", application.postLogoutRedirectUris());
        settings.put("webOrigins", application.webOrigins());
        settings.put("standardFlow", application.standardFlow());
        settings.put("implicit", application.implicitFlow());
        settings.put("directGrants", application.directGrants());
        settings.put("serviceAccount", application.serviceAccount());
        settings.put("refresh", Boolean.toString(application.refreshTokens()));
        settings.put("idTokenAlg", application.idTokenAlgorithm());
        settings.put("par", Boolean.toString(application.requirePar()));
        settings.put("organization", application.organizations() && context.clientScope(ORGANIZATION_SCOPE) != null);
        return settings;
    }

    private static boolean matches(ImportContext context, ClientModel client, Application application) {
        return settings(client).equals(settings(context, application))
                && (application.secret() == null || application.secret().equals(client.getSecret()));
    }

    private static void write(ImportContext context, ClientModel client, Application application) {
        client.setName(application.name());
        client.setDescription(application.description());
        client.setPublicClient(application.publicClient());
        client.setClientAuthenticatorType(application.authenticator());
        if (application.secret() != null) {
            client.setSecret(application.secret());
        }
        client.setRedirectUris(application.redirectUris());
        client.setAttribute(POST_LOGOUT_REDIRECT_URIS, application.postLogoutRedirectUris());
        client.setWebOrigins(application.webOrigins());
        client.setStandardFlowEnabled(application.standardFlow());
        client.setImplicitFlowEnabled(application.implicitFlow());
        client.setDirectAccessGrantsEnabled(application.directGrants());
        if (application.serviceAccount() && !client.isServiceAccountsEnabled()) {
            new ClientManager(new RealmManager(context.session)).enableServiceAccount(client);
        } else if (!application.serviceAccount()) {
            client.setServiceAccountsEnabled(false);
        }
        client.setAttribute(USE_REFRESH_TOKENS, Boolean.toString(application.refreshTokens()));
        client.setAttribute(ID_TOKEN_ALG, application.idTokenAlgorithm());
        client.setAttribute(REQUIRE_PAR, Boolean.toString(application.requirePar()));
        ClientScopeModel organization = context.clientScope(ORGANIZATION_SCOPE);
        if (application.organizations()) {
            if (organization != null && !client.getClientScopes(false).containsKey(ORGANIZATION_SCOPE)
                    && !client.getClientScopes(true).containsKey(ORGANIZATION_SCOPE)) {
                client.addClientScope(organization, false);
            }
        } else if (organization != null) {
            client.removeClientScope(organization);
        }
    }
}
