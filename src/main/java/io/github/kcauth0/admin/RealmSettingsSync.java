package io.github.kcauth0.admin;

import java.util.Map;
import java.util.Objects;

import io.github.kcauth0.rar.AuthorizationDetailsMapperSync;
import io.github.kcauth0.realm.Auth0ParSettings;
import org.keycloak.Config;
import org.keycloak.common.Profile;
import org.keycloak.component.ComponentModel;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ui.extend.UiTabProvider;

/**
 * Keeps the "Auth0 PAR" tab's stored values equal to the realm attributes, which are what is in force: a global
 * admin-event listener (it needs no realm configuration) sees every realm update made through the Admin REST API.
 * It also hands every client-scope change to {@link AuthorizationDetailsMapperSync}.
 */
public final class RealmSettingsSync implements EventListenerProviderFactory, EventListenerProvider {

    public static final String ID = "auth0-par-settings-sync";

    private final KeycloakSession session;

    public RealmSettingsSync() {
        this(null);
    }

    private RealmSettingsSync(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        if (event.getResourceType() == ResourceType.REALM && event.getOperationType() == OperationType.UPDATE) {
            RealmModel realm = session.realms().getRealm(event.getRealmId());
            if (realm != null) {
                showAttributesInTab(realm);
            }
        }
        AuthorizationDetailsMapperSync.onAdminEvent(session, event);
    }

    @Override
    public void onEvent(Event event) {
    }

    static void writeAttributes(RealmModel realm, ComponentModel tab) {
        Map<String, String> values = tabValues(tab);
        setIfChanged(realm, Auth0ParSettings.ENABLED, values.get(Auth0ParTab.ENABLED));
        setIfChanged(realm, Auth0ParSettings.RATE_LIMIT, values.get(Auth0ParTab.RATE_LIMIT));
        setIfChanged(realm, Auth0ParSettings.DISCOVERY, values.get(Auth0ParTab.DISCOVERY));
        setIfChanged(realm, Auth0ParSettings.FAILED_AUTHENTICATION_LIMIT, values.get(Auth0ParTab.FAILED_AUTHENTICATION_LIMIT));
    }

    private static void setIfChanged(RealmModel realm, String attribute, String value) {
        if (!Objects.equals(value, realm.getAttribute(attribute))) {
            realm.setAttribute(attribute, value);
        }
    }

    static void showAttributesInTab(RealmModel realm) {
        if (!Profile.isFeatureEnabled(Profile.Feature.DECLARATIVE_UI)) {
            return;
        }
        Map<String, String> inForce = Map.of(
                Auth0ParTab.ENABLED, String.valueOf(Auth0ParSettings.isEnabled(realm)),
                Auth0ParTab.RATE_LIMIT, String.valueOf(Auth0ParSettings.rateLimit(realm)),
                Auth0ParTab.DISCOVERY, String.valueOf(Auth0ParSettings.parseDiscovery(realm.getAttribute(Auth0ParSettings.DISCOVERY))),
                Auth0ParTab.FAILED_AUTHENTICATION_LIMIT, String.valueOf(Auth0ParSettings.failedAuthenticationLimit(realm)));
        ComponentModel tab = realm.getComponentsStream(realm.getId(), UiTabProvider.class.getName())
                .filter(component -> Auth0ParTab.ID.equals(component.getProviderId()))
                .findFirst()
                .orElse(null);
        if (tab == null) {
            tab = new ComponentModel();
            tab.setName(Auth0ParTab.ID);
            tab.setProviderId(Auth0ParTab.ID);
            tab.setProviderType(UiTabProvider.class.getName());
            tab.setParentId(realm.getId());
            inForce.forEach(tab::put);
            realm.addComponentModel(tab);
        } else if (!tabValues(tab).equals(inForce)) {
            inForce.forEach(tab::put);
            realm.updateComponent(tab);
        }
    }

    private static Map<String, String> tabValues(ComponentModel tab) {
        return Map.of(
                Auth0ParTab.ENABLED, String.valueOf(Boolean.parseBoolean(tab.get(Auth0ParTab.ENABLED))),
                Auth0ParTab.RATE_LIMIT, String.valueOf(Math.max(0, Auth0ParSettings.parseRateLimit(tab.get(Auth0ParTab.RATE_LIMIT)))),
                Auth0ParTab.DISCOVERY, String.valueOf(Auth0ParSettings.parseDiscovery(tab.get(Auth0ParTab.DISCOVERY))),
                Auth0ParTab.FAILED_AUTHENTICATION_LIMIT,
                String.valueOf(Math.max(0, Auth0ParSettings.parseRateLimit(tab.get(Auth0ParTab.FAILED_AUTHENTICATION_LIMIT)))));
    }

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new RealmSettingsSync(session);
    }

    @Override
    public boolean isGlobal() {
        return true;
    }

    @Override
    public String getId() {
        return ID;
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
