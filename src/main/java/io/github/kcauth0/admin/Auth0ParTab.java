package io.github.kcauth0.admin;

import java.util.List;
import java.util.Map;

import io.github.kcauth0.realm.Auth0ParSettings;
import org.keycloak.Config;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.ui.extend.UiTabProvider;
import org.keycloak.services.ui.extend.UiTabProviderFactory;

/**
 * The "Auth0 PAR" tab in the admin console's realm settings (Keycloak's admin-console extension SPI, feature
 * {@code declarative-ui}). The console keeps a tab's values in a realm component; saving the tab writes them to
 * the realm attributes the extension reads, and {@link RealmSettingsSync} copies attribute changes made
 * elsewhere (Admin REST API, realm import) back into the component, so that the console shows what is in force.
 */
public final class Auth0ParTab implements UiTabProvider, UiTabProviderFactory<ComponentModel> {

    public static final String ID = "Auth0 PAR";
    /**
     * The tab's field names. The console cannot save fields whose names contain dots, so they are not the
     * attribute names themselves.
     */
    static final String ENABLED = "enabled";
    static final String RATE_LIMIT = "rateLimit";
    static final String DISCOVERY = "discovery";
    static final String FAILED_AUTHENTICATION_LIMIT = "failedAuthenticationLimit";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getHelpText() {
        return "Serve Auth0's API (/oauth/par, /authorize, /oauth/token, /userinfo, logout) in this realm";
    }

    @Override
    public String getPath() {
        return "/:realm/realm-settings/:tab?";
    }

    @Override
    public Map<String, String> getParams() {
        return Map.of("tab", "auth0-par");
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(ENABLED).label("Serve Auth0's PAR API")
                .helpText("On: /realms/{realm}/oauth/par, /authorize and /oauth/token answer as Auth0 does. Off: 404.")
                .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("false").add()
                .property().name(RATE_LIMIT).label("Rate limit (requests per second)")
                .helpText("Pushed requests per client per second on each Keycloak node, counted once the client "
                        + "authenticated; 0 for no limit. Over it, 429 with X-RateLimit-* headers, as Auth0 answers.")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue("0").add()
                .property().name(FAILED_AUTHENTICATION_LIMIT).label("Failed authentications per address (per second)")
                .helpText("Failed client authentications at /oauth/par and /oauth/token per source address per second on "
                        + "each node; an address over it gets 429 until its bucket refills. 0 for no limit.")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue("0").add()
                .property().name(DISCOVERY).label("Discovery leads to /oauth/par")
                .helpText("On: the realm's .well-known/openid-configuration lists /oauth/par as its pushed authorization "
                        + "request endpoint, so that Auth0's discovery-based SDKs keep Auth0's parameters. Off: Keycloak's document, unchanged.")
                .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("true").add()
                .build();
    }

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model) {
        if (Auth0ParSettings.parseRateLimit(model.get(RATE_LIMIT)) < 0
                || Auth0ParSettings.parseRateLimit(model.get(FAILED_AUTHENTICATION_LIMIT)) < 0) {
            throw new ComponentValidationException("The rate limits must be whole numbers from 0 up");
        }
    }

    @Override
    public void onCreate(KeycloakSession session, RealmModel realm, ComponentModel model) {
        RealmSettingsSync.writeAttributes(realm, model);
    }

    @Override
    public void onUpdate(KeycloakSession session, RealmModel realm, ComponentModel oldModel, ComponentModel newModel) {
        RealmSettingsSync.writeAttributes(realm, newModel);
    }

    @Override
    public void init(Config.Scope config) {
    }

    /** Realms imported, created, or existing before the extension was installed show their settings too. */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof RealmModel.RealmPostCreateEvent created) {
                RealmSettingsSync.showAttributesInTab(created.getCreatedRealm());
            } else if (event instanceof PostMigrationEvent) {
                KeycloakModelUtils.runJobInTransaction(factory, session ->
                        session.realms().getRealmsStream().forEach(RealmSettingsSync::showAttributesInTab));
            }
        });
    }

    @Override
    public void close() {
    }
}
