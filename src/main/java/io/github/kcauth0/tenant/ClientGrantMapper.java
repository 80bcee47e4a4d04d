package io.github.kcauth0.tenant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;

/**
 * Auth0 client grants → the API's client scope and the granted permissions as optional client scopes of the
 * client, so that it gets only what it was granted; the grants themselves are kept on the client
 * ({@link ClientGrants#ATTRIBUTE}) for the client-credentials grant, which must tell which API a permission was
 * granted for.
 */
final class ClientGrantMapper {

    record Grant(String clientId, String audience, List<String> permissions, boolean forClientCredentials) {
        String key() {
            return clientId + " → " + audience;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<Grant> grants = new ArrayList<>();

    ClientGrantMapper(List<Auth0Object> clientGrants) {
        for (Auth0Object grant : clientGrants) {
            String subjectType = grant.optionalText("subject_type").orElse("client");
            grants.add(new Grant(grant.text("client_id"), grant.text("audience"), grant.texts("scope"), !"user".equals(subjectType)));
        }
    }

    void apply(ImportContext context, ClientMapper clients, ResourceServerMapper apis) {
        Map<String, Map<String, List<String>>> byClient = new LinkedHashMap<>();
        for (Grant grant : grants) {
            if (clients.isGlobal(grant.clientId()) || apis.isSystemApi(grant.audience())) {
                context.report.skipped("client_grant", grant.key(), "a grant of the global client or to a system API");
                continue;
            }
            if (!context.importedClients.contains(grant.clientId())) {
                context.report.skipped("client_grant", grant.key(), "its client is not one the import created");
                continue;
            }
            List<String> missing = new ArrayList<>();
            if (!context.hasClientScope(grant.audience())) {
                missing.add(grant.audience());
            }
            grant.permissions().stream().filter(permission -> !context.hasClientScope(permission)).forEach(missing::add);
            if (!missing.isEmpty()) {
                context.report.skipped("client_grant", grant.key(), "the realm has no client scope " + String.join(", ", missing)
                        + " (an API or permission not in resource_servers)");
                continue;
            }
            if (grant.forClientCredentials()) {
                byClient.computeIfAbsent(grant.clientId(), id -> new TreeMap<>())
                        .computeIfAbsent(grant.audience(), audience -> new ArrayList<>()).addAll(grant.permissions());
            } else {
                byClient.computeIfAbsent(grant.clientId(), id -> new TreeMap<>());
            }
            apply(context, grant);
        }
        if (!context.dryRun) {
            byClient.forEach((clientId, granted) -> {
                ClientModel client = context.realm.getClientByClientId(clientId);
                String value = granted.isEmpty() ? null : write(granted);
                if (!Objects.equals(client.getAttribute(ClientGrants.ATTRIBUTE), value)) {
                    if (value == null) {
                        client.removeAttribute(ClientGrants.ATTRIBUTE);
                    } else {
                        client.setAttribute(ClientGrants.ATTRIBUTE, value);
                    }
                }
            });
        }
    }

    /** Whether the client already has the grant's scopes and, for client credentials, the grant recorded. */
    private static void apply(ImportContext context, Grant grant) {
        ClientModel client = context.realm.getClientByClientId(grant.clientId());
        Set<String> scopes = new LinkedHashSet<>();
        scopes.add(grant.audience());
        scopes.addAll(grant.permissions());
        if (client == null) {
            context.report.created("client_grant", grant.key());
            return;
        }
        Set<String> missing = new LinkedHashSet<>(scopes);
        missing.removeAll(client.getClientScopes(true).keySet());
        missing.removeAll(client.getClientScopes(false).keySet());
        boolean recorded = !grant.forClientCredentials()
                || Objects.equals(ClientGrants.granted(client, grant.audience()), new LinkedHashSet<>(grant.permissions()));
        if (missing.isEmpty() && recorded) {
            context.report.unchanged("client_grant", grant.key());
            return;
        }
        if (context.createdClients.contains(grant.clientId())) {
            context.report.created("client_grant", grant.key());
        } else {
            context.report.updated("client_grant", grant.key());
        }
        if (!context.dryRun) {
            for (String name : missing) {
                ClientScopeModel scope = context.clientScope(name);
                client.addClientScope(scope, false);
            }
        }
    }

    private static String write(Map<String, List<String>> granted) {
        Map<String, List<String>> sorted = new TreeMap<>();
        granted.forEach((audience, permissions) -> sorted.put(audience, new ArrayList<>(new LinkedHashSet<>(permissions))));
        try {
            return JSON.writeValueAsString(sorted);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
