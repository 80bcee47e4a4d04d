package io.github.kcauth0.par;

import java.util.Optional;

import io.github.kcauth0.rar.AuthorizationDetailsRealm;

/**
 * What the parameter mapping asks of the realm, once Keycloak has authenticated the client: each answer is one
 * indexed lookup, whatever the realm's size, and tells the client nothing about what it may not use.
 */
public interface RealmLookups extends AuthorizationDetailsRealm {

    /** Whether the client may request this client scope: one of its own default or optional scopes. */
    boolean clientMayRequestScope(String name);

    /** The alias of the realm's enabled organization with this alias (Auth0's organization name) or id. */
    Optional<String> organizationAlias(String idOrAlias);
}
