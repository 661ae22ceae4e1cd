package dev.dossier.benchmark;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The event store a user would build on SQLite instead (as one of the seed plans does): an events table
 * with a unique (aggregate id, version) key, WAL mode, synchronous=FULL so every committed transaction is
 * durable, indexes on event type and timestamp. One connection per thread.
 */
final class SqliteSubject implements Subject {
    private final Path root;
    private final boolean durable;
    private final ThreadLocal<Connection> connections;
    private final List<Connection> opened = new java.util.concurrent.CopyOnWriteArrayList<>();

    SqliteSubject(Path root, boolean durable) {
        this.root = root;
        this.durable = durable;
        this.connections = ThreadLocal.withInitial(this::connect);
        try (Statement st = connections.get().createStatement()) {
            st.executeUpdate("CREATE TABLE IF NOT EXISTS events (global_position INTEGER PRIMARY KEY AUTOINCREMENT,"
                    + " event_id TEXT NOT NULL UNIQUE, aggregate_type TEXT NOT NULL, aggregate_id TEXT NOT NULL,"
                    + " version INTEGER NOT NULL, event_type TEXT NOT NULL, timestamp INTEGER NOT NULL,"
                    + " metadata TEXT NOT NULL, data TEXT NOT NULL, UNIQUE (aggregate_id, version))");
            st.executeUpdate("CREATE INDEX IF NOT EXISTS events_by_type ON events (event_type, global_position)");
            st.executeUpdate("CREATE INDEX IF NOT EXISTS events_by_time ON events (timestamp)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection connect() {
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + root.resolve("events.db"));
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA synchronous=" + (durable ? "FULL" : "OFF"));
                st.execute("PRAGMA busy_timeout=60000");
            }
            opened.add(c);
            return c;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public void append(String aggregateId, long expectedVersion, String eventType, String json) {
        appendBatch(aggregateId, expectedVersion, eventType, List.of(json));
    }

    @Override
    public void appendBatch(String aggregateId, long expectedVersion, String eventType, List<String> jsons) {
        Connection c = connections.get();
        try {
            try (Statement st = c.createStatement()) {
                st.execute("BEGIN IMMEDIATE");
            }
            try {
                long current;
                try (PreparedStatement q = c.prepareStatement(
                        "SELECT COALESCE(MAX(version), 0) FROM events WHERE aggregate_id = ?")) {
                    q.setString(1, aggregateId);
                    try (ResultSet rs = q.executeQuery()) {
                        rs.next();
                        current = rs.getLong(1);
                    }
                }
                if (current != expectedVersion) {
                    throw new IllegalStateException("conflict on " + aggregateId + ": " + current);
                }
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO events (event_id, aggregate_type,"
                        + " aggregate_id, version, event_type, timestamp, metadata, data) VALUES (?,?,?,?,?,?,?,?)")) {
                    long now = System.currentTimeMillis();
                    for (String json : jsons) {
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, "order");
                        insert.setString(3, aggregateId);
                        insert.setLong(4, ++current);
                        insert.setString(5, eventType);
                        insert.setLong(6, now);
                        insert.setString(7, "{}");
                        insert.setString(8, json);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                try (Statement st = c.createStatement()) {
                    st.execute("COMMIT");
                }
            } catch (SQLException | RuntimeException e) {
                try (Statement st = c.createStatement()) {
                    st.execute("ROLLBACK");
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int load(String aggregateId) {
        return query("SELECT data FROM events WHERE aggregate_id = ? ORDER BY version", aggregateId);
    }

    @Override
    public long readAll() {
        return query("SELECT data FROM events ORDER BY global_position");
    }

    @Override
    public int byType(String eventType) {
        return query("SELECT data FROM events WHERE event_type = ? ORDER BY global_position", eventType);
    }

    @Override
    public int byTime(Instant from, Instant to) {
        return query("SELECT data FROM events WHERE timestamp >= ? AND timestamp < ? ORDER BY global_position",
                from.toEpochMilli(), to.toEpochMilli());
    }

    private int query(String sql, Object... args) {
        try (PreparedStatement q = connections.get().prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                q.setObject(i + 1, args[i]);
            }
            int count = 0;
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    Payloads.parse(rs.getString(1));
                    count++;
                }
            }
            return count;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public long diskBytes() {
        try (Statement st = connections.get().createStatement()) {
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return DiskUsage.of(root);
    }

    @Override
    public void compact(int keep) {
        try (Statement st = connections.get().createStatement()) {
            st.execute("VACUUM");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        for (Connection c : opened) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing at the end of a run
            }
        }
    }
}
