package io.firecheck.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * A longer network timeout than the service's 1 s socketTimeout for one use of a pooled connection (a
 * cursor over a whole city, a large result written once), given back as it was when closed.
 */
public final class NetworkTimeout implements AutoCloseable {
    private static final Executor DIRECT = Runnable::run;

    private final Connection connection;
    private final int before;

    public NetworkTimeout(Connection connection, Duration timeout) throws SQLException {
        this.connection = connection;
        this.before = connection.getNetworkTimeout();
        connection.setNetworkTimeout(DIRECT, (int) timeout.toMillis());
    }

    @Override
    public void close() throws SQLException {
        connection.setNetworkTimeout(DIRECT, before);
    }
}
