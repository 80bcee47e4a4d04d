package io.github.kcauth0.tenant;

import java.util.Map;

import io.github.kcauth0.oauth.OAuthError;
import org.jboss.logging.Logger;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * One import of a tenant file into a realm, for an administrator allowed to make it: the Admin REST endpoint
 * ({@link TenantImportResource}) and the console tab ({@link TenantImportTab}) both run it. The whole file is read
 * and checked before anything is written; a dry run answers the same report and writes nothing.
 */
final class TenantImport {

    /** Where the admin event of an import points, whichever way the file came. */
    static final String EVENT_PATH = "auth0/import";

    private static final Logger LOG = Logger.getLogger(TenantImport.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    private TenantImport(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent.resource(ResourceType.REALM);
    }

    /**
     * An import for this administrator, who must hold {@code manage-clients} and {@code manage-realm}
     * (organizations); {@code manage-identity-providers} is checked with the file. Otherwise Keycloak's 403.
     */
    static TenantImport forAdministrator(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        auth.clients().requireManage();
        auth.realm().requireManageRealm();
        return new TenantImport(session, realm, auth, adminEvent);
    }

    /** The report, or an {@link OAuthError} naming what is wrong with the file, with nothing written. */
    ImportReport run(byte[] file, boolean dryRun) {
        TenantFile tenant = TenantFile.parse(file);
        if (!tenant.connections().isEmpty()) {
            auth.realm().requireManageIdentityProviders();
        }
        // every mapper reads and checks its whole list before anything is written
        ResourceServerMapper apis = new ResourceServerMapper(tenant.resourceServers());
        ClientMapper clients = new ClientMapper(tenant.clients());
        ClientGrantMapper grants = new ClientGrantMapper(tenant.clientGrants());
        ConnectionMapper connections = new ConnectionMapper(tenant.connections());
        OrganizationMapper organizations = new OrganizationMapper(tenant.organizations());

        ImportContext context = new ImportContext(session, realm, dryRun);
        try {
            apis.apply(context);
            clients.apply(context);
            grants.apply(context, clients, apis);
            connections.apply(context);
            organizations.apply(context, connections);
        } catch (ModelException | IllegalArgumentException refusedByKeycloak) {
            // a check Keycloak's model makes that the file's checks did not foresee: nothing of the import stays
            session.getTransactionManager().setRollbackOnly();
            LOG.debugf("auth0 tenant import into realm %s refused by Keycloak: %s", realm.getName(), refusedByKeycloak.getClass().getName());
            throw OAuthError.invalidRequest("Keycloak refused an object of the tenant file; nothing was imported");
        }

        Map<String, Object> report = context.report.toJson();
        if (!dryRun) {
            adminEvent.operation(OperationType.ACTION).resourcePath(EVENT_PATH).representation(report).success();
        }
        LOG.debugf("auth0 tenant import into realm %s: %s", realm.getName(), report.get("summary"));
        return context.report;
    }
}
