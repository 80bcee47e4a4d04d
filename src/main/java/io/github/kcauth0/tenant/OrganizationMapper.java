package io.github.kcauth0.tenant;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.ModelException;
import org.keycloak.models.OrganizationModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * Auth0 organizations → Keycloak organizations with alias = Auth0's {@code name}, name = {@code display_name} and
 * Keycloak's id = Auth0's {@code org_…} id, so that {@code org_id} in ID tokens stays what applications stored.
 * Metadata become attributes; an enabled connection links the identity provider of its alias, which Keycloak
 * allows for one organization only.
 */
final class OrganizationMapper {

    record Organization(String id, String alias, String name, Map<String, String> metadata,
                        List<EnabledConnection> connections) {
    }

    record EnabledConnection(String connectionId, String name) {
    }

    private final List<Organization> organizations = new ArrayList<>();

    OrganizationMapper(List<Auth0Object> input) {
        Set<String> ids = new LinkedHashSet<>();
        Set<String> aliases = new LinkedHashSet<>();
        for (Auth0Object organization : input) {
            String id = organization.text("id");
            String alias = organization.text("name");
            if (!id.matches("[A-Za-z0-9_-]{1,36}")) {
                throw organization.invalid("id", "must be an Auth0 organization id (org_…, at most 36 characters)");
            }
            if (!alias.matches("[a-z0-9][a-z0-9_-]{0,49}")) {
                throw organization.invalid("name", "must be an Auth0 organization name (lower case letters, digits, - and _)");
            }
            if (!ids.add(id)) {
                throw organization.invalid("id", "appears twice in organizations");
            }
            if (!aliases.add(alias)) {
                throw organization.invalid("name", "appears twice in organizations");
            }
            List<EnabledConnection> connections = new ArrayList<>();
            for (Auth0Object enabled : organization.objects("enabled_connections")) {
                String connectionName = enabled.object("connection").optionalText("name").orElse(null);
                String connectionId = enabled.optionalText("connection_id").orElse(null);
                if (connectionName == null && connectionId == null) {
                    throw organization.invalid("enabled_connections", "holds an entry with neither connection_id nor connection.name");
                }
                connections.add(new EnabledConnection(connectionId, connectionName));
            }
            Map<String, String> metadata = organization.stringMap("metadata");
            organizations.add(new Organization(id, alias, organization.optionalText("display_name").orElse(alias),
                    metadata, connections));
        }
    }

    void apply(ImportContext context, ConnectionMapper connections) {
        if (organizations.isEmpty()) {
            return;
        }
        if (!context.realm.isOrganizationsEnabled()) {
            context.report.updated("realm", context.realm.getName() + ": Organizations turned on");
            if (!context.dryRun) {
                context.realm.setOrganizationsEnabled(true);
            }
        }
        OrganizationProvider provider = context.session.getProvider(OrganizationProvider.class);
        Map<String, String> linkedHere = new HashMap<>();
        for (Organization organization : organizations) {
            OrganizationModel existing = context.realm.isOrganizationsEnabled() ? provider.getByAlias(organization.alias()) : null;
            if (existing != null && !ImportContext.imported(single(existing.getAttributes()))) {
                context.report.skipped("organization", organization.alias(), "an organization with this alias exists and was not created by an import: left as it is");
                continue;
            }
            OrganizationModel sameId;
            try {
                sameId = context.realm.isOrganizationsEnabled() ? provider.getById(organization.id()) : null;
            } catch (ModelException ofAnotherRealm) {
                // Keycloak's organization ids are unique across realms, and the lookup refuses another realm's
                context.report.skipped("organization", organization.alias(), "another realm of this Keycloak has an organization with"
                        + " the id " + organization.id() + ": ids are unique across realms");
                continue;
            }
            if (existing == null && sameId != null) {
                context.report.skipped("organization", organization.alias(), "Keycloak has organization " + organization.id()
                        + " under the alias " + sameId.getAlias() + ", and an alias cannot change");
                continue;
            }
            if (existing != null && !existing.getId().equals(organization.id())) {
                context.report.skipped("organization", organization.alias(), "the organization of this alias has another id, "
                        + existing.getId() + ": remove it to import Auth0's id");
                continue;
            }
            Map<String, List<String>> attributes = attributes(organization);
            if (existing == null) {
                context.report.created("organization", organization.alias());
                if (!context.dryRun) {
                    existing = provider.create(organization.id(), organization.name(), organization.alias());
                    existing.setAttributes(attributes);
                }
            } else if (existing.getName().equals(organization.name()) && existing.getAttributes().equals(attributes) && existing.isEnabled()) {
                context.report.unchanged("organization", organization.alias());
            } else {
                context.report.updated("organization", organization.alias());
                if (!context.dryRun) {
                    existing.setName(organization.name());
                    existing.setAttributes(attributes);
                    existing.setEnabled(true);
                }
            }
            for (EnabledConnection enabled : organization.connections()) {
                link(context, provider, existing, organization, enabled, connections, linkedHere);
            }
        }
    }

    private static void link(ImportContext context, OrganizationProvider provider, OrganizationModel model, Organization organization,
                             EnabledConnection enabled, ConnectionMapper connections, Map<String, String> linkedHere) {
        String alias = connections.aliasOf(enabled.connectionId(), enabled.name());
        String key = organization.alias() + " → " + (alias == null ? enabled.connectionId() : alias);
        if (connections.isDatabase(enabled.connectionId(), enabled.name())) {
            context.report.skipped("organization_connection", key, "a database connection: add the organization's members in Keycloak");
            return;
        }
        IdentityProviderModel identityProvider = alias == null ? null : context.session.identityProviders().getByAlias(alias);
        String claimedBy = linkedHere.get(alias);
        if (claimedBy == null && identityProvider != null) {
            claimedBy = identityProvider.getOrganizationId();
        }
        if (claimedBy != null && !claimedBy.equals(organization.id())) {
            context.report.skipped("organization_connection", key, "Keycloak links an identity provider to one organization only,"
                    + " and " + alias + " is linked to organization " + claimedBy);
            context.report.todo("organization " + organization.alias() + ": its members who log in with " + alias
                    + " are not sent there through the organization; link another identity provider, or add them as members");
            return;
        }
        if (claimedBy != null) {
            context.report.unchanged("organization_connection", key);
            return;
        }
        if (identityProvider == null && !(context.dryRun && alias != null && connectionPlanned(context, alias))) {
            context.report.skipped("organization_connection", key, "no identity provider of this alias");
            return;
        }
        linkedHere.put(alias, organization.id());
        context.report.created("organization_connection", key);
        if (!context.dryRun) {
            provider.addIdentityProvider(model, identityProvider);
        }
    }

    private static boolean connectionPlanned(ImportContext context, String alias) {
        return context.report.plannedConnection(alias);
    }

    private static Map<String, List<String>> attributes(Organization organization) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        organization.metadata().forEach((key, value) -> attributes.put(key, List.of(value)));
        attributes.put(ImportContext.IMPORTED, List.of("true"));
        return attributes;
    }

    private static Map<String, String> single(Map<String, List<String>> attributes) {
        Map<String, String> single = new HashMap<>();
        attributes.forEach((key, values) -> {
            if (values != null && !values.isEmpty()) {
                single.put(key, values.get(0));
            }
        });
        return single;
    }
}
