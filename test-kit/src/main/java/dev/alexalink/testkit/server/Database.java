package dev.alexalink.testkit.server;

import java.nio.file.Path;

/**
 * Where a Keycloak under test keeps its data: an empty database on a new PostgreSQL server from Debian's packages,
 * or an H2 file in a directory of its own. Closing it stops PostgreSQL.
 */
public final class Database implements AutoCloseable {

    private final PostgresServer postgres;
    private final PostgresServer.Database database;
    private final Path h2;

    private Database(PostgresServer postgres, PostgresServer.Database database, Path h2) {
        this.postgres = postgres;
        this.database = database;
        this.h2 = h2;
    }

    /** A new PostgreSQL server in the directory, with an empty database {@code keycloak}. */
    public static Database postgres(Path directory) {
        PostgresServer postgres = PostgresServer.start(directory);
        try {
            return new Database(postgres, postgres.createDatabase("keycloak"), null);
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    /** An H2 file database in the directory. */
    public static Database h2(Path directory) {
        return new Database(null, null, directory);
    }

    public boolean isPostgres() {
        return postgres != null;
    }

    /** Points the server at this database. */
    public KeycloakServer.Builder configure(KeycloakServer.Builder builder) {
        return postgres != null ? builder.postgres(database) : builder.databaseIn(h2);
    }

    /** For reports: "PostgreSQL 16 (Debian package)" or "H2 file". */
    public String description() {
        return postgres != null
                ? "PostgreSQL "
                        + PostgresServer.binaries()
                                .map(bin -> bin.getParent().getFileName().toString())
                                .orElse("?") + " (Debian package)"
                : "H2 file";
    }

    @Override
    public void close() {
        if (postgres != null) {
            postgres.close();
        }
    }
}
