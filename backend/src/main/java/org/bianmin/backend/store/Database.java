package org.bianmin.backend.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The backend's relational store: a pooled connection to H2 or PostgreSQL, migrated by Flyway on open.
 *
 * <p>Both engines run the same migrations; H2 URLs get PostgreSQL compatibility mode so the SQL stays one dialect.
 */
public final class Database implements AutoCloseable {

    /** The engines the backend supports. */
    public enum Engine { H2, POSTGRESQL }

    static final String MIGRATIONS = "classpath:org/bianmin/backend/store/migration";
    private static final String H2_COMPATIBILITY = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private final HikariDataSource dataSource;
    private final Engine engine;
    private final String jdbcUrl;
    private final Jdbi jdbi;

    private Database(HikariDataSource dataSource, Engine engine, String jdbcUrl) {
        this.dataSource = dataSource;
        this.engine = engine;
        this.jdbcUrl = jdbcUrl;
        this.jdbi = Jdbi.create(dataSource);
    }

    /**
     * Connects to {@code jdbcUrl} ({@code jdbc:h2:…} or {@code jdbc:postgresql://…}) and applies pending migrations.
     *
     * @throws StoreException if the URL names another engine or the database cannot be reached or migrated
     */
    public static Database open(String jdbcUrl) {
        Engine engine = engineOf(jdbcUrl);
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(engine == Engine.H2 ? withH2Compatibility(jdbcUrl) : jdbcUrl);
        hikari.setPoolName("bianmin-backend");
        hikari.setMaximumPoolSize(engine == Engine.H2 ? 4 : 10);
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new StoreException("cannot connect to the database at " + redact(jdbcUrl) + ": " + rootMessage(e), e);
        }
        try {
            migrate(ds);
        } catch (RuntimeException e) {
            ds.close();
            throw new StoreException("cannot migrate the database at " + redact(jdbcUrl) + ": " + rootMessage(e), e);
        }
        return new Database(ds, engine, jdbcUrl);
    }

    static Engine engineOf(String jdbcUrl) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new StoreException("no JDBC URL given; use jdbc:h2:… or jdbc:postgresql://…");
        }
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) {
            return Engine.H2;
        }
        if (lower.startsWith("jdbc:postgresql://")) {
            return Engine.POSTGRESQL;
        }
        throw new StoreException("unsupported JDBC URL " + redact(jdbcUrl)
                + "; the backend runs on H2 (jdbc:h2:…) or PostgreSQL (jdbc:postgresql://host:port/db)");
    }

    private static String withH2Compatibility(String url) {
        return url.toUpperCase(Locale.ROOT).contains(";MODE=") ? url : url + H2_COMPATIBILITY;
    }

    private static void migrate(DataSource ds) {
        Flyway.configure().dataSource(ds).locations(MIGRATIONS).load().migrate();
    }

    /** The URL without its query string and parameters, which may hold a password. */
    static String redact(String jdbcUrl) {
        int cut = jdbcUrl.length();
        for (char c : new char[] {'?', ';'}) {
            int i = jdbcUrl.indexOf(c);
            if (i >= 0) {
                cut = Math.min(cut, i);
            }
        }
        return jdbcUrl.substring(0, cut);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    public Engine engine() {
        return engine;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * A connection of its own, outside the pool, for a session that lives long (PostgreSQL LISTEN); the caller closes it.
     *
     * @throws SQLException if the database cannot be reached
     */
    public Connection dedicatedConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
