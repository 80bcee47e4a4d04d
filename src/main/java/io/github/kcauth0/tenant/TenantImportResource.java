package io.github.kcauth0.tenant;

import java.io.IOException;
import java.io.InputStream;

import io.github.kcauth0.oauth.OAuthError;
import io.github.kcauth0.oauth.OAuthErrorResponses;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code POST /admin/realms/{realm}/auth0/import}: an Auth0 tenant's applications, APIs, grants, organizations and
 * connections, as its Management API lists them, brought into the realm in one transaction ({@link TenantImport});
 * {@code ?dry_run=true} answers the same report and writes nothing.
 */
public final class TenantImportResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    TenantImportResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    @POST
    @Path("import")
    public Response importTenant(@QueryParam("dry_run") String dryRun, InputStream body) {
        TenantImport tenantImport = TenantImport.forAdministrator(session, realm, auth, adminEvent);
        try {
            ImportReport report = tenantImport.run(read(body), "true".equals(dryRun));
            return Response.ok(report.toJson(), MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        } catch (OAuthError rejected) {
            session.getTransactionManager().setRollbackOnly();
            return OAuthErrorResponses.of(rejected, null);
        }
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
