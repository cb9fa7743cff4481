package io.certana.deploy.image;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.certana.deploy.DeployPaths;
import io.certana.deploy.manifest.ManifestReader;

/**
 * A database of its own for the services that the image test starts, laid out by the bootstrap SQL
 * of the example CloudNativePG cluster ({@code postInitApplicationSQL} in deploy/postgres), so that
 * the test runs that SQL on a real PostgreSQL with pgvector too. The shared development database
 * could hold migrations of a newer build, which the packaged services would reject.
 *
 * <p>It connects as the superuser that scripts/setup.sh uses ({@code CERTANA_PG_ADMIN}, default
 * postgres, on {@code CERTANA_PG_HOST}:{@code CERTANA_PG_PORT}, default 127.0.0.1:5432). Roles are
 * shared by all databases of a server, so {@code CREATE ROLE} is skipped for roles that exist; on
 * this machine setup.sh created them with LOGIN and a password, as CloudNativePG's managed roles do.
 */
final class ScratchDatabase implements AutoCloseable {

    static final String NAME = "certana_deploy_check";

    private static final Pattern CREATE_ROLE = Pattern.compile("CREATE ROLE (\\w+)\\b.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATABASE_NAME = Pattern.compile("\\bDATABASE certana\\b");

    private final String adminUrl;

    private ScratchDatabase(String adminUrl) {
        this.adminUrl = adminUrl;
    }

    static ScratchDatabase create() throws SQLException {
        String host = System.getenv().getOrDefault("CERTANA_PG_HOST", "127.0.0.1");
        String port = System.getenv().getOrDefault("CERTANA_PG_PORT", "5432");
        String admin = System.getenv().getOrDefault("CERTANA_PG_ADMIN", "postgres");
        ScratchDatabase database = new ScratchDatabase("jdbc:postgresql://" + host + ":" + port + "/%s?user=" + admin);
        database.drop();
        try (Connection connection = database.connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + NAME);
        }
        try (Connection connection = database.connect(NAME); Statement statement = connection.createStatement()) {
            for (String sql : bootstrapStatements()) {
                Matcher createRole = CREATE_ROLE.matcher(sql);
                if (createRole.matches() && roleExists(connection, createRole.group(1))) {
                    continue;
                }
                statement.execute(DATABASE_NAME.matcher(sql).replaceAll("DATABASE " + NAME));
            }
        }
        return database;
    }

    /** Reads the {@code postInitApplicationSQL} statements of deploy/postgres/cluster.yaml, in order. */
    static List<String> bootstrapStatements() {
        Path folder = DeployPaths.deploy().resolve("postgres");
        JsonNode cluster = ManifestReader.read(folder, folder.resolve("cluster.yaml")).get(0).content();
        List<String> statements = new ArrayList<>();
        cluster.at("/spec/bootstrap/initdb/postInitApplicationSQL").forEach(sql -> statements.add(sql.asText()));
        if (statements.isEmpty()) {
            throw new AssertionError("deploy/postgres/cluster.yaml has no postInitApplicationSQL");
        }
        return statements;
    }

    @Override
    public void close() throws SQLException {
        drop();
    }

    private void drop() throws SQLException {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(String.format(adminUrl, database));
    }

    private static boolean roleExists(Connection connection, String role) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            query.setString(1, role);
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }
}
