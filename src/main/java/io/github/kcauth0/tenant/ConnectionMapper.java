package io.github.kcauth0.tenant;

import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.utils.RepresentationToModel;
import org.keycloak.representations.idm.IdentityProviderRepresentation;

/**
 * Auth0 connections → identity providers, alias = the connection's {@code name}, for the strategies Keycloak has a
 * provider for. One without its secret in Auth0's answer is created disabled; a database connection has no
 * counterpart, and the report says how its users can move.
 */
final class ConnectionMapper {

    /** Auth0 strategy → Keycloak identity provider id. */
    static final Map<String, String> PROVIDERS = Map.ofEntries(
            Map.entry("oidc", "oidc"), Map.entry("samlp", "saml"), Map.entry("google-oauth2", "google"),
            Map.entry("github", "github"), Map.entry("windowslive", "microsoft"), Map.entry("facebook", "facebook"),
            Map.entry("linkedin", "linkedin-openid-connect"), Map.entry("gitlab", "gitlab"), Map.entry("bitbucket", "bitbucket"),
            Map.entry("paypal", "paypal"), Map.entry("twitter", "twitter"));
    private static final String SECRET = "clientSecret";

    record Connection(String id, String name, String strategy, String providerId, String displayName,
                      Map<String, String> config, boolean complete, String missing) {
    }

    private final List<Connection> connections = new ArrayList<>();
    private final List<Auth0Object> databases = new ArrayList<>();
    private final List<Auth0Object> unsupported = new ArrayList<>();

    ConnectionMapper(List<Auth0Object> input) {
        Set<String> names = new LinkedHashSet<>();
        for (Auth0Object connection : input) {
            String name = connection.text("name");
            String strategy = connection.text("strategy");
            if (!names.add(name)) {
                throw connection.invalid("name", "appears twice in connections");
            }
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,127}")) {
                throw connection.invalid("name", "must be letters, digits, - and _ (an Auth0 connection name)");
            }
            if (strategy.equals("auth0")) {
                databases.add(connection);
            } else if (PROVIDERS.containsKey(strategy)) {
                connections.add(read(connection, name, strategy));
            } else {
                unsupported.add(connection);
            }
        }
    }

    private static Connection read(Auth0Object connection, String name, String strategy) {
        Auth0Object options = connection.object("options");
        Map<String, String> config = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        if (strategy.equals("samlp")) {
            put(config, "singleSignOnServiceUrl", url(options, "signInEndpoint"));
            put(config, "singleLogoutServiceUrl", url(options, "signOutEndpoint"));
            options.optionalText("signingCert").map(cert -> certificate(options, cert)).ifPresent(cert -> {
                config.put("signingCertificate", cert);
                config.put("validateSignature", "true");
            });
            config.put("postBindingAuthnRequest", Boolean.toString(options.optionalText("protocolBinding").orElse("").endsWith("HTTP-POST")));
            config.put("postBindingResponse", "true");
            if (!config.containsKey("singleSignOnServiceUrl")) {
                missing.add("options.signInEndpoint");
            }
            if (!config.containsKey("signingCertificate")) {
                missing.add("options.signingCert");
            }
        } else {
            put(config, "clientId", options.optionalText("client_id").orElse(null));
            put(config, SECRET, options.optionalText("client_secret").orElse(null));
            if (strategy.equals("oidc")) {
                put(config, "issuer", options.optionalText("issuer").orElse(null));
                put(config, "authorizationUrl", url(options, "authorization_endpoint"));
                put(config, "tokenUrl", url(options, "token_endpoint"));
                put(config, "userInfoUrl", url(options, "userinfo_endpoint"));
                put(config, "jwksUrl", url(options, "jwks_uri"));
                config.put("useJwksUrl", "true");
                config.put("validateSignature", "true");
                config.put("clientAuthMethod", "client_secret_post");
                config.put("pkceEnabled", "true");
                config.put("pkceMethod", "S256");
                put(config, "defaultScope", options.optionalText("scope").orElse("openid profile email"));
                for (String required : List.of("authorizationUrl", "tokenUrl", "jwksUrl")) {
                    if (!config.containsKey(required)) {
                        missing.add("options." + Map.of("authorizationUrl", "authorization_endpoint", "tokenUrl", "token_endpoint", "jwksUrl", "jwks_uri").get(required));
                    }
                }
            }
            if (!config.containsKey("clientId")) {
                missing.add("options.client_id");
            }
            if (!config.containsKey(SECRET)) {
                missing.add("options.client_secret");
            }
        }
        return new Connection(connection.optionalText("id").orElse(null), name, strategy, PROVIDERS.get(strategy),
                connection.optionalText("display_name").orElse(null), config, missing.isEmpty(), String.join(", ", missing));
    }

    private static void put(Map<String, String> config, String key, String value) {
        if (value != null && !value.isBlank()) {
            config.put(key, value);
        }
    }

    private static String url(Auth0Object options, String field) {
        return options.optionalText(field).filter(value -> !value.isBlank()).map(value -> {
            try {
                URI uri = new URI(value);
                if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                    return value;
                }
            } catch (Exception notUri) {
                // answered below
            }
            throw options.invalid("options." + field, "must be an http(s) URL");
        }).orElse(null);
    }

    /** Auth0 holds the signing certificate as Base64 of its PEM; Keycloak wants Base64 of its DER. */
    private static String certificate(Auth0Object options, String value) {
        try {
            String text = value.contains("BEGIN CERTIFICATE") ? value : new String(Base64.getMimeDecoder().decode(value));
            if (text.contains("BEGIN CERTIFICATE")) {
                text = text.replaceAll("-----(BEGIN|END) CERTIFICATE-----", "");
                return Base64.getEncoder().encodeToString(Base64.getMimeDecoder().decode(text.replaceAll("\\s", "")));
            }
            return Base64.getEncoder().encodeToString(Base64.getMimeDecoder().decode(value.replaceAll("\\s", "")));
        } catch (IllegalArgumentException notBase64) {
            throw options.invalid("options.signingCert", "must be a certificate (PEM, or Base64)");
        }
    }

    /** The identity provider alias of an Auth0 connection, looked up by connection id or name. */
    String aliasOf(String connectionId, String connectionName) {
        for (Connection connection : connections) {
            if (connection.name().equals(connectionName) || (connectionId != null && connectionId.equals(connection.id()))) {
                return connection.name();
            }
        }
        return connectionName;
    }

    boolean isDatabase(String connectionId, String connectionName) {
        return databases.stream().anyMatch(database -> database.optionalText("name").filter(name -> name.equals(connectionName)).isPresent()
                || (connectionId != null && database.optionalText("id").filter(connectionId::equals).isPresent()));
    }

    void apply(ImportContext context) {
        databases.forEach(database -> {
            String name = database.optionalText("name").orElse("");
            context.report.skipped("connection", name, "a database connection: Keycloak keeps users in the realm itself");
            context.report.todo("users of the database connection " + name + ": move them with Keycloak's realm import"
                    + " (users with credentials; Auth0 hands out password hashes, bcrypt, only through its support, and Keycloak"
                    + " needs a bcrypt hash provider for them) or lazily, with a user storage provider that checks each"
                    + " password once against Auth0 and then keeps the user; without hashes, users reset their passwords");
        });
        unsupported.forEach(connection -> context.report.skipped("connection", connection.optionalText("name").orElse(""),
                "strategy " + connection.optionalText("strategy").orElse("") + " has no Keycloak identity provider type:"
                        + " create an OpenID Connect or SAML identity provider by hand"));
        for (Connection connection : connections) {
            IdentityProviderModel existing = context.session.identityProviders().getByAlias(connection.name());
            if (existing != null && !"true".equals(existing.getConfig().get(ImportContext.IMPORTED))) {
                context.report.skipped("connection", connection.name(), "an identity provider with this alias exists and was not created by an import: left as it is");
                continue;
            }
            if (!connection.complete()) {
                context.report.todo("identity provider " + connection.name() + " is disabled: the tenant file lacks "
                        + connection.missing() + "; add it, then enable the provider");
            }
            if (connection.strategy().equals("samlp")) {
                context.report.todo("identity provider " + connection.name() + " (SAML): the identity provider must now trust"
                        + " Keycloak's service provider, whose metadata is at /realms/" + context.realm.getName()
                        + "/broker/" + connection.name() + "/endpoint/descriptor");
            }
            if (existing == null) {
                context.report.created("connection", connection.name());
                if (!context.dryRun) {
                    context.session.identityProviders().create(RepresentationToModel.toModel(context.realm, representation(connection), context.session));
                }
            } else if (matches(existing, connection)) {
                context.report.unchanged("connection", connection.name());
            } else {
                context.report.updated("connection", connection.name());
                if (!context.dryRun) {
                    existing.setProviderId(connection.providerId());
                    existing.setDisplayName(connection.displayName());
                    existing.setEnabled(connection.complete());
                    existing.getConfig().putAll(connection.config());
                    context.session.identityProviders().update(existing);
                }
            }
        }
    }

    private static boolean matches(IdentityProviderModel existing, Connection connection) {
        return existing.getProviderId().equals(connection.providerId()) && existing.isEnabled() == connection.complete()
                && Objects.equals(existing.getDisplayName(), connection.displayName())
                && connection.config().entrySet().stream().allMatch(entry -> entry.getValue().equals(existing.getConfig().get(entry.getKey())));
    }

    private static IdentityProviderRepresentation representation(Connection connection) {
        IdentityProviderRepresentation representation = new IdentityProviderRepresentation();
        representation.setAlias(connection.name());
        representation.setProviderId(connection.providerId());
        representation.setDisplayName(connection.displayName());
        representation.setEnabled(connection.complete());
        Map<String, String> config = new LinkedHashMap<>(connection.config());
        config.put(ImportContext.IMPORTED, "true");
        representation.setConfig(config);
        return representation;
    }
}
