package io.github.kcauth0.store;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * The extension's own SPI, so that {@link ExpiredEntriesPassFactory} is started once per node and takes its option
 * as {@code --spi-auth0-par-expired-entries--default--period-seconds}. Its provider does nothing per session.
 */
public final class ExpiredEntriesSpi implements Spi {

    public static final String NAME = "auth0-par-expired-entries";

    /** Nothing to do per session: the work is the factory's timer. */
    public interface Pass extends Provider {
    }

    public interface Factory extends ProviderFactory<Pass> {
    }

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return Pass.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return Factory.class;
    }
}
