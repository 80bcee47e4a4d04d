package io.github.kcauth0.tenant;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.github.kcauth0.oauth.OAuthError;
import jakarta.ws.rs.ForbiddenException;
import org.keycloak.Config;
import org.keycloak.common.util.Encode;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissions;
import org.keycloak.services.ui.extend.UiTabProvider;
import org.keycloak.services.ui.extend.UiTabProviderFactory;

/**
 * The "Auth0 tenant import" tab in the admin console's realm settings (feature {@code declarative-ui}): the tenant
 * file, a dry-run switch and the report of the last run. The console saves a tab as a realm component; Keycloak
 * checks a component with {@link #validateConfiguration} before it stores exactly the model that method was given,
 * so the import runs there, for the administrator who saved, and the file is taken out of the model before
 * anything is stored. A file the import rejects fails the save, and the console shows the import's message.
 */
public final class TenantImportTab implements UiTabProvider, UiTabProviderFactory<ComponentModel> {

    public static final String ID = "Auth0 tenant import";
    static final String FILE = "tenantFile";
    static final String DRY_RUN = "dryRun";
    static final String REPORT = "report";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getHelpText() {
        return "Import an Auth0 tenant's applications, APIs, grants, organizations and connections into this realm";
    }

    @Override
    public String getPath() {
        return "/:realm/realm-settings/:tab?";
    }

    @Override
    public Map<String, String> getParams() {
        return Map.of("tab", "auth0-tenant-import");
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(FILE).label("Tenant file")
                .helpText("The JSON file of the tenant's Management API lists (README: Moving an Auth0 tenant). It holds "
                        + "client secrets: Keycloak reads it for this save only and never stores it.")
                // secret: Keycloak masks it in the admin event it records for the save
                .type(ProviderConfigProperty.FILE_TYPE).secret(true).add()
                .property().name(DRY_RUN).label("Dry run")
                .helpText("On: save shows what the import would do and writes nothing. Off: save imports. "
                        + "It is on again after an import.")
                .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("true").add()
                .property().name(REPORT).label("Report of the last run")
                .helpText("What the last dry run or import did and what is left to do by hand. Each save with a "
                        + "tenant file replaces it: reload the page after saving to see it.")
                .type(ProviderConfigProperty.TEXT_TYPE).add()
                .build();
    }

    /** Runs the dry run or the import of the file just uploaded; the model then holds its report, never the file. */
    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model) {
        String file = model.get(FILE);
        // first, whatever follows: on an update Keycloak has written the request into its cached component itself
        model.getConfig().remove(FILE);
        keepStoredReport(realm, model);
        if (file == null || file.isEmpty()) {
            return;
        }
        ImportReport report = run(session, session.realms().getRealm(realm.getId()), file.getBytes(StandardCharsets.UTF_8),
                !"false".equals(model.get(DRY_RUN)));
        model.put(REPORT, report.toText());
        model.put(DRY_RUN, "true");
    }

    /** The report is written by imports only: what the console sends back in its field is not kept. */
    private static void keepStoredReport(RealmModel realm, ComponentModel model) {
        ComponentModel stored = model.getId() == null ? null : realm.getComponent(model.getId());
        if (stored != null) {
            model.getConfig().remove(REPORT);
            if (stored.get(REPORT) != null) {
                model.put(REPORT, stored.get(REPORT));
            }
        }
    }

    private static ImportReport run(KeycloakSession session, RealmModel realm, byte[] file, boolean dryRun) {
        AdminAuth administrator = administrator(session);
        try {
            return TenantImport.forAdministrator(session, realm, AdminPermissions.evaluator(session, realm, administrator),
                    new AdminEventBuilder(realm, administrator, session, session.getContext().getConnection())).run(file, dryRun);
        } catch (OAuthError rejected) {
            // the description as a parameter: Keycloak formats the message with MessageFormat, which would eat quotes
            throw new ComponentValidationException("{0}", rejected.description());
        }
    }

    /** The administrator whose Admin REST request (the console's save) Keycloak has authenticated. */
    private static AdminAuth administrator(KeycloakSession session) {
        if (!(session.getContext().getBearerToken() instanceof AccessToken token)) {
            throw new ForbiddenException();
        }
        String issuer = token.getIssuer();
        RealmModel adminRealm = session.realms().getRealmByName(Encode.decodePath(issuer.substring(issuer.lastIndexOf('/') + 1)));
        if (adminRealm == null) {
            throw new ForbiddenException();
        }
        return new AdminAuth(adminRealm, token, session.getContext().getUser(), adminRealm.getClientByClientId(token.getIssuedFor()));
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
