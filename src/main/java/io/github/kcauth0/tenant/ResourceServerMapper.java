package io.github.kcauth0.tenant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;

/**
 * Auth0 APIs (resource servers) → client scopes: the API's scope, named by its identifier, with an Audience
 * mapper (README, Audiences), and one client scope per permission, named by the permission as the application
 * requests it ({@code read:orders}). Two APIs with a permission of the same name share its client scope.
 */
final class ResourceServerMapper {

    /** The API's registered {@code authorization_details} types, as Auth0's resource server holds them (RAR). */
    static final String AUTHORIZATION_DETAILS_TYPES = "auth0.authorization_details_types";
    static final String AUDIENCE_MAPPER = "audience";

    record Api(String identifier, String name, List<Permission> permissions, String authorizationDetailsTypes) {
    }

    record Permission(String value, String description) {
    }

    private final List<Api> apis = new ArrayList<>();
    private final List<Auth0Object> systemApis = new ArrayList<>();

    ResourceServerMapper(List<Auth0Object> resourceServers) {
        for (Auth0Object server : resourceServers) {
            String identifier = server.text("identifier");
            if (server.flag("is_system")) {
                systemApis.add(server);
                continue;
            }
            List<Permission> permissions = new ArrayList<>();
            for (Auth0Object scope : server.objects("scopes")) {
                String value = scope.text("value");
                if (value.chars().anyMatch(c -> c <= ' ')) {
                    throw server.invalid("scopes", "holds a permission with a space or control character");
                }
                permissions.add(new Permission(value, scope.optionalText("description").orElse(null)));
            }
            JsonNode details = server.raw("authorization_details");
            String types = null;
            if (details != null && !details.isNull()) {
                if (!details.isArray()) {
                    throw server.invalid("authorization_details", "must be an array of objects with a type");
                }
                server.objects("authorization_details").forEach(detail -> detail.text("type"));
                types = details.toString();
            }
            if (identifier.chars().anyMatch(c -> c <= ' ')) {
                throw server.invalid("identifier", "must not hold a space or control character");
            }
            apis.add(new Api(identifier, server.optionalText("name").orElse(identifier), permissions, types));
        }
    }

    /** Whether the tenant file names this API as a system API (the Management API). */
    boolean isSystemApi(String identifier) {
        return systemApis.stream().anyMatch(api -> api.optionalText("identifier").filter(identifier::equals).isPresent());
    }

    boolean isApi(String identifier) {
        return apis.stream().anyMatch(api -> api.identifier().equals(identifier));
    }

    void apply(ImportContext context) {
        systemApis.forEach(api -> context.report.skipped("resource_server", api.optionalText("identifier").orElse(""),
                "system API (is_system): Keycloak's own APIs take its place"));
        Map<String, List<String>> permissionOwners = new LinkedHashMap<>();
        Map<String, Permission> permissions = new LinkedHashMap<>();
        for (Api api : apis) {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put(ClientScopeModel.INCLUDE_IN_TOKEN_SCOPE, "false");
            attributes.put(ClientScopeModel.DISPLAY_ON_CONSENT_SCREEN, "false");
            attributes.put(AUTHORIZATION_DETAILS_TYPES, api.authorizationDetailsTypes());
            apply(context, api.identifier(), api.name(), attributes, api.identifier(), "resource_server");
            for (Permission permission : api.permissions()) {
                permissionOwners.computeIfAbsent(permission.value(), value -> new ArrayList<>()).add(api.identifier());
                permissions.putIfAbsent(permission.value(), permission);
            }
        }
        permissions.values().forEach(permission -> apply(context, permission.value(), permission.description(),
                Map.of(ClientScopeModel.INCLUDE_IN_TOKEN_SCOPE, "true", ClientScopeModel.DISPLAY_ON_CONSENT_SCREEN, "true"),
                null, "permission"));
        permissionOwners.forEach((value, owners) -> {
            if (owners.size() > 1) {
                context.report.todo("Permission " + value + " belongs to " + String.join(", ", owners)
                        + ": Keycloak keeps one client scope " + value + " for them, so an application that may request it for one of"
                        + " these APIs may request it along with the others in a login; client-credentials tokens keep to each client's grants");
            }
        });
    }

    /** One client scope: created, updated (only when the import created it), or left as it is. */
    private static void apply(ImportContext context, String name, String description, Map<String, String> attributes,
                              String audience, String type) {
        ClientScopeModel scope = context.clientScope(name);
        if (scope != null && !ImportContext.imported(scope.getAttributes())) {
            context.report.skipped(type, name, "a client scope of this name exists and was not created by an import: left as it is");
            return;
        }
        if (scope == null) {
            context.report.created(type, name);
            if (context.dryRun) {
                context.planClientScope(name);
                return;
            }
            scope = context.realm.addClientScope(name);
            scope.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
            scope.setAttribute(ImportContext.IMPORTED, "true");
            context.addClientScope(scope);
            write(scope, description, attributes, audience);
            return;
        }
        if (matches(scope, description, attributes, audience)) {
            context.report.unchanged(type, name);
            return;
        }
        context.report.updated(type, name);
        if (!context.dryRun) {
            write(scope, description, attributes, audience);
        }
    }

    private static boolean matches(ClientScopeModel scope, String description, Map<String, String> attributes, String audience) {
        if (!Objects.equals(scope.getDescription(), description)) {
            return false;
        }
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            if (!Objects.equals(scope.getAttribute(attribute.getKey()), attribute.getValue())) {
                return false;
            }
        }
        ProtocolMapperModel mapper = scope.getProtocolMapperByName(OIDCLoginProtocol.LOGIN_PROTOCOL, AUDIENCE_MAPPER);
        return audience == null ? mapper == null : mapper != null && audienceMapper(audience).getConfig().equals(mapper.getConfig());
    }

    private static void write(ClientScopeModel scope, String description, Map<String, String> attributes, String audience) {
        scope.setDescription(description);
        attributes.forEach((name, value) -> {
            if (value == null) {
                scope.removeAttribute(name);
            } else {
                scope.setAttribute(name, value);
            }
        });
        ProtocolMapperModel mapper = scope.getProtocolMapperByName(OIDCLoginProtocol.LOGIN_PROTOCOL, AUDIENCE_MAPPER);
        if (audience == null) {
            if (mapper != null) {
                scope.removeProtocolMapper(mapper);
            }
        } else if (mapper == null) {
            scope.addProtocolMapper(audienceMapper(audience));
        } else {
            mapper.setConfig(audienceMapper(audience).getConfig());
            scope.updateProtocolMapper(mapper);
        }
    }

    /** The Audience mapper of the README's Audiences section. */
    private static ProtocolMapperModel audienceMapper(String audience) {
        ProtocolMapperModel mapper = new ProtocolMapperModel();
        mapper.setName(AUDIENCE_MAPPER);
        mapper.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        mapper.setProtocolMapper("oidc-audience-mapper");
        Map<String, String> config = new LinkedHashMap<>();
        config.put("included.custom.audience", audience);
        config.put("access.token.claim", "true");
        config.put("id.token.claim", "false");
        config.put("introspection.token.claim", "true");
        config.put("lightweight.claim", "false");
        mapper.setConfig(config);
        return mapper;
    }
}
