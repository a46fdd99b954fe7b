package dev.catalyst;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingValueParsers;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Catalyst's embedded Neo4j: opens a Neo4j Community database in a folder and serves it over Bolt on loopback.
 *
 * Usage: {@code java -cp <classes>:<deps> dev.catalyst.Launcher [dataDir] [port]}, or the environment variables
 * NEO4J_DATA_DIR and NEO4J_BOLT_PORT (default 7687). NEO4J_PAGECACHE (default 256m) sizes the page cache and
 * NEO4J_LOG_LEVEL (default WARN) the Neo4j user log.
 *
 * Protocol with the parent process (src/store/embedded-neo4j.ts): stdout carries exactly one line,
 * {@code CATALYST_NEO4J_READY bolt://127.0.0.1:<port> version=<version>}, once the database answers queries;
 * everything else goes to stderr. SIGTERM/SIGINT shut the database down cleanly. Exit codes: 2 bad arguments,
 * 3 port in use, 4 data folder locked by another process, 1 any other start failure.
 *
 * Auth is disabled because Bolt only listens on 127.0.0.1; the HTTP connectors are off.
 */
public final class Launcher {
    private static final String HOST = "127.0.0.1";
    private static final int EXIT_USAGE = 2;
    private static final int EXIT_PORT_IN_USE = 3;
    private static final int EXIT_LOCKED = 4;
    private static final int EXIT_FAILED = 1;

    private static volatile DatabaseManagementService managementService;
    private static volatile Log4jLogProvider userLog;

    private Launcher() {}

    public static void main(String[] args) {
        // Neo4j or a library may print to System.out; the parent reads stdout for the ready line only.
        PrintStream protocolOut = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.setOut(System.err);

        Path dataDir = Path.of(arg(args, 0, "NEO4J_DATA_DIR", "data/neo4j")).toAbsolutePath().normalize();
        int port = parsePort(arg(args, 1, "NEO4J_BOLT_PORT", "7687"));
        long pageCache = parseBytes("NEO4J_PAGECACHE", env("NEO4J_PAGECACHE", "256m"));
        Level logLevel = parseLevel(env("NEO4J_LOG_LEVEL", "WARN"));

        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            fail(EXIT_FAILED, "cannot create data folder " + dataDir + ": " + e.getMessage());
        }
        // Checked up front so a busy port fails in milliseconds rather than after opening the store.
        if (!portIsFree(port)) {
            fail(EXIT_PORT_IN_USE, "port " + port + " on " + HOST + " is already in use; choose another port");
        }
        // Neo4j finds this too, but only after starting the Bolt server and then spends 10 s stopping it again.
        Path storeLock = dataDir.resolve("data").resolve("databases").resolve("store_lock");
        if (isLockedByAnotherProcess(storeLock)) {
            fail(EXIT_LOCKED, "data folder " + dataDir + " is locked: another Neo4j process is using it (" + storeLock
                    + ")");
        }

        Runtime.getRuntime().addShutdownHook(new Thread(Launcher::shutdown, "catalyst-neo4j-shutdown"));

        String version;
        try {
            userLog = new Log4jLogProvider(System.err, logLevel);
            managementService = new DatabaseManagementServiceBuilder(dataDir)
                    .setUserLogProvider(userLog)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port))
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(HttpsConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.auth_enabled, false)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                    // A development database: do not reserve 256 MiB of disk per transaction log file.
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    // Netty's default quiet period (5 s per event loop group) made every shutdown take 10 s;
                    // the databases are already stopped and checkpointed when the Bolt server closes.
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                    .build();
            GraphDatabaseService db = managementService.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            if (!db.isAvailable(TimeUnit.MINUTES.toMillis(5))) {
                fail(EXIT_FAILED, "database in " + dataDir + " did not become available within 5 minutes");
            }
            version = db.executeTransactionally(
                    "CALL dbms.components() YIELD versions RETURN versions[0] AS version",
                    Map.of(),
                    result -> String.valueOf(result.next().get("version")));
        } catch (RuntimeException e) {
            explainStartFailure(e, dataDir, port);
            return;
        }

        protocolOut.println("CATALYST_NEO4J_READY bolt://" + HOST + ":" + port + " version=" + version);
        // Neo4j's non-daemon threads keep the JVM alive until a signal runs the shutdown hook.
    }

    private static void shutdown() {
        DatabaseManagementService service = managementService;
        if (service != null) {
            managementService = null;
            try {
                service.shutdown();
                System.err.println("catalyst-neo4j: database shut down");
            } catch (RuntimeException e) {
                System.err.println("catalyst-neo4j: error during shutdown: " + e);
            }
        }
        Log4jLogProvider log = userLog;
        if (log != null) {
            userLog = null;
            log.close();
        }
    }

    private static void explainStartFailure(RuntimeException e, Path dataDir, int port) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String name = cause.getClass().getSimpleName();
            String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
            if (name.equals("FileLockException") || message.contains("unable to obtain lock")) {
                fail(EXIT_LOCKED, "data folder " + dataDir + " is locked: another Neo4j process is using it ("
                        + cause.getMessage() + ")");
            }
            if (name.equals("PortBindException") || cause instanceof java.net.BindException) {
                fail(EXIT_PORT_IN_USE, "port " + port + " on " + HOST + " is already in use; choose another port ("
                        + cause.getMessage() + ")");
            }
        }
        System.err.println("catalyst-neo4j: failed to start Neo4j in " + dataDir + ":");
        e.printStackTrace(System.err);
        fail(EXIT_FAILED, "failed to start Neo4j: " + e);
    }

    private static boolean portIsFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isLockedByAnotherProcess(Path lockFile) {
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (IOException e) {
            // Not ours to judge: Neo4j reports unreadable or read-only folders with its own message.
            return false;
        }
    }

    private static String arg(String[] args, int index, String envName, String fallback) {
        if (args.length > index && !args[index].isBlank()) {
            return args[index];
        }
        return env(envName, fallback);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        fail(EXIT_USAGE, "invalid Bolt port '" + text + "': expected an integer between 1 and 65535");
        return -1;
    }

    private static long parseBytes(String name, String text) {
        try {
            return SettingValueParsers.BYTES.parse(text);
        } catch (RuntimeException e) {
            fail(EXIT_USAGE, "invalid " + name + " '" + text + "': expected a size such as 256m or 1g");
            return -1;
        }
    }

    private static Level parseLevel(String text) {
        try {
            return Level.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            fail(EXIT_USAGE, "invalid NEO4J_LOG_LEVEL '" + text + "': expected DEBUG, INFO, WARN, ERROR or NONE");
            return Level.WARN;
        }
    }

    private static void fail(int code, String message) {
        System.err.println("catalyst-neo4j: " + message);
        System.err.flush();
        // System.exit runs the shutdown hook, which closes whatever was opened.
        System.exit(code);
    }
}
