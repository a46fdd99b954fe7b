package dev.catalyst;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;

/**
 * Neo4j's bulk importer ({@code neo4j-admin database import full}) in a JVM that is started, and warmed up, while the
 * caller is still writing the CSV files.
 *
 * Usage: {@code java -cp <classes>:<deps> dev.catalyst.BulkImporter <warmUpDir>}. It first imports a two-node file
 * into {@code warmUpDir} with its output discarded, which loads and initialises the importer's classes (most of a
 * cold importer's first seconds). Then it reads its standard input to the end: the first line is the NEO4J_HOME to
 * import into, every further line one argument of {@code neo4j-admin} (for example {@code database}, {@code import},
 * {@code full}, ...). It runs the importer with them, its output on stdout/stderr as neo4j-admin prints it, and exits
 * with the importer's exit code. Standard input closed without a home (the caller gave up): exit 2 without importing.
 *
 * The caller (src/store/bulk-import.ts) removes {@code warmUpDir}. A failed warm-up is reported on stderr and does
 * not stop the real import, which then only runs cold.
 */
public final class BulkImporter {
    private static final int EXIT_NO_REQUEST = 2;

    private BulkImporter() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: BulkImporter <warmUpDir>, then NEO4J_HOME and the arguments on stdin, one per line");
            System.exit(EXIT_NO_REQUEST);
        }
        warmUp(Path.of(args[0]));

        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) lines.add(line);
        }
        if (lines.isEmpty() || lines.get(0).isEmpty()) System.exit(EXIT_NO_REQUEST);
        Path home = Path.of(lines.get(0)).toAbsolutePath();
        String[] adminArgs = lines.subList(1, lines.size()).toArray(String[]::new);
        int code = AdminTool.execute(new ExecutionContext(home, home.resolve("conf")), adminArgs);
        System.exit(code);
    }

    /** A tiny import with every column type Catalyst writes, its output discarded. */
    private static void warmUp(Path dir) {
        try {
            Files.createDirectories(dir);
            Path people = dir.resolve("people.csv");
            Path knows = dir.resolve("knows.csv");
            Files.writeString(people, "id:ID(Person),name,sectors:string[],score:double\na,A,x\u001fy,0.5\nb,\"B, b\",,\n");
            Files.writeString(
                knows,
                ":START_ID(Person),:END_ID(Person),id,trust:double,since:datetime\na,b,a->b,0.5,2020-01-01T00:00:00.000Z\n");
            PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
            Path home = dir.resolve("home");
            ExecutionContext context = new ExecutionContext(
                home, home.resolve("conf"), discard, discard, InputStream.nullInputStream(), new DefaultFileSystemAbstraction());
            int code = AdminTool.execute(
                context,
                "database", "import", "full", "neo4j", "--array-delimiter=U+001F",
                "--nodes=Person=" + people, "--relationships=KNOWS=" + knows);
            if (code != 0) System.err.println("BulkImporter: the warm-up import failed (exit " + code + "); importing cold");
        } catch (IOException | RuntimeException e) {
            System.err.println("BulkImporter: the warm-up import failed (" + e + "); importing cold");
        }
    }
}
