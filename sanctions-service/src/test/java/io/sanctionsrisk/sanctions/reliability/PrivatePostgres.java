package io.sanctionsrisk.sanctions.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL cluster of its own (initdb and pg_ctl under a temporary directory, on a free loopback port), so that a
 * test can restart it without touching any shared database server.
 */
final class PrivatePostgres {

    static final String USER = "sanctions";
    static final String DATABASE = "sanctions";

    /** initdb and postgres refuse to run as root; then every command runs as the postgres system user. */
    private static final boolean AS_ROOT = "root".equals(System.getProperty("user.name"));

    private static final Path BIN = Path.of(System.getProperty("restart-test.pg-bin", "/usr/lib/postgresql/15/bin"));

    final int port;
    final Path dir;

    private PrivatePostgres(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    static final String SHARED_PROPERTY = "io.sanctionsrisk.testing.private-postgres";

    /** port|directory, for another class loader of the same JVM to {@link #attach}. */
    String describe() {
        return port + "|" + dir;
    }

    static PrivatePostgres attach(String description) {
        String[] parts = description.split("\\|", 2);
        return new PrivatePostgres(Integer.parseInt(parts[0]), Path.of(parts[1]));
    }

    static PrivatePostgres create() {
        try {
            Path dir = Files.createTempDirectory("sanctions-pg-restart-");
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            PrivatePostgres pg = new PrivatePostgres(port, dir);
            if (AS_ROOT) {
                // PostgreSQL refuses to run as root: the cluster belongs to the postgres system user
                pg.run("chown", "postgres:postgres", dir.toString());
            }
            pg.run(BIN.resolve("initdb").toString(), "-D", pg.data(), "-U", USER, "--auth=trust", "-E", "UTF8");
            pg.start();
            pg.run(
                    BIN.resolve("createdb").toString(),
                    "-h",
                    "127.0.0.1",
                    "-p",
                    String.valueOf(port),
                    "-U",
                    USER,
                    DATABASE);
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    void start() {
        run(pgCtl(), "-D", data(), "-l", dir.resolve("server.log").toString(), "-w", "-o", options(), "start");
    }

    /** {@code pg_ctl restart -m fast}: open connections are cut, in-flight transactions roll back. */
    void restart() {
        run(
                pgCtl(),
                "-D",
                data(),
                "-l",
                dir.resolve("server.log").toString(),
                "-w",
                "-m",
                "fast",
                "-o",
                options(),
                "restart");
    }

    void stop() {
        run(pgCtl(), "-D", data(), "-w", "-m", "fast", "stop");
    }

    private String options() {
        return "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dir;
    }

    private String pgCtl() {
        return BIN.resolve("pg_ctl").toString();
    }

    private String data() {
        return dir.resolve("data").toString();
    }

    private void run(String... command) {
        List<String> args = new ArrayList<>();
        if (AS_ROOT && !command[0].equals("chown")) {
            args.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        args.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(args)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("commands.log").toFile()))
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(
                        String.join(" ", args) + " failed; see " + dir.resolveSibling(dir.getFileName() + ".log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
