package io.github.kcauth0.wellknown;

import java.util.function.Supplier;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.wellknown.WellKnownProvider;
import org.keycloak.wellknown.WellKnownProviderFactory;

/** A well-known document of this extension: Keycloak serves it at {@code /realms/{realm}/.well-known/{alias}}. */
abstract class WellKnownDocumentFactory implements WellKnownProviderFactory {

    /** A provider whose document is computed when Keycloak asks for it. */
    static WellKnownProvider document(Supplier<Object> document) {
        return new WellKnownProvider() {
            @Override
            public Object getConfig() {
                return document.get();
            }

            @Override
            public void close() {
            }
        };
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
