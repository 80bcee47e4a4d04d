package io.github.kcauth0.par;

import java.util.Optional;
import java.util.Set;

/** What the parameter mapping asks of the realm. */
public interface RealmLookups {

    boolean clientScopeExists(String name);

    /** The alias of the realm's organization with this id, alias or name. */
    Optional<String> organizationAlias(String idAliasOrName);

    /** The {@code authorization_details} types this Keycloak can process. */
    Set<String> authorizationDetailsTypes();
}
