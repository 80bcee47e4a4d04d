package io.github.kcauth0.tenant;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import io.github.kcauth0.oauth.OAuthError;
import io.github.kcauth0.oauth.OAuthErrorResponses;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code POST /admin/realms/{realm}/auth0/import}: an Auth0 tenant's applications, APIs, grants, organizations and
 * connections, as its Management API lists them, brought into the realm in one transaction. The whole file is
 * read and checked before anything is written; {@code ?dry_run=true} answers the same report and writes nothing.
 */
public final class TenantImportResource {

    private static final Logger LOG = Logger.getLogger(TenantImportResource.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    TenantImportResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent.resource(ResourceType.REALM);
    }

    @POST
    @Path("import")
    public Response importTenant(@QueryParam("dry_run") String dryRun, InputStream body) {
        requireAdministrator();
        try {
            TenantFile tenant = TenantFile.parse(read(body));
            if (!tenant.connections().isEmpty()) {
                auth.realm().requireManageIdentityProviders();
            }
            // every mapper reads and checks its whole list before anything is written
            ResourceServerMapper apis = new ResourceServerMapper(tenant.resourceServers());
            ClientMapper clients = new ClientMapper(tenant.clients());
            ClientGrantMapper grants = new ClientGrantMapper(tenant.clientGrants());
            ConnectionMapper connections = new ConnectionMapper(tenant.connections());
            OrganizationMapper organizations = new OrganizationMapper(tenant.organizations());

            ImportContext context = new ImportContext(session, realm, "true".equals(dryRun));
            apis.apply(context);
            clients.apply(context);
            grants.apply(context, clients, apis);
            connections.apply(context);
            organizations.apply(context, connections);

            Map<String, Object> report = context.report.toJson();
            if (!context.dryRun) {
                adminEvent.operation(OperationType.ACTION).resourcePath(session.getContext().getUri()).representation(report).success();
            }
            LOG.debugf("auth0 tenant import into realm %s: %s", realm.getName(), report.get("summary"));
            return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        } catch (OAuthError rejected) {
            session.getTransactionManager().setRollbackOnly();
            return OAuthErrorResponses.of(rejected, null);
        } catch (ModelException | IllegalArgumentException refusedByKeycloak) {
            // a check Keycloak's model makes that the file's checks did not foresee: nothing of the import stays
            session.getTransactionManager().setRollbackOnly();
            LOG.debugf("auth0 tenant import into realm %s refused by Keycloak: %s", realm.getName(), refusedByKeycloak.getClass().getName());
            return OAuthErrorResponses.of(OAuthError.invalidRequest("Keycloak refused an object of the tenant file; nothing was imported"), null);
        }
    }

    /** {@code manage-clients} and {@code manage-realm} (organizations); identity providers are checked with the file. */
    private void requireAdministrator() {
        auth.clients().requireManage();
        auth.realm().requireManageRealm();
    }

    /** At most {@link TenantFile#MAX_BYTES}, whatever the request's Content-Length says. */
    private static byte[] read(InputStream body) {
        if (body == null) {
            return new byte[0];
        }
        try {
            byte[] bytes = body.readNBytes(TenantFile.MAX_BYTES + 1);
            if (bytes.length > TenantFile.MAX_BYTES) {
                throw new OAuthError(413, OAuthError.INVALID_REQUEST, "The tenant file is larger than " + TenantFile.MAX_BYTES + " bytes");
            }
            return bytes;
        } catch (IOException unreadable) {
            throw OAuthError.invalidRequest("Invalid tenant file: the body could not be read");
        }
    }
}
