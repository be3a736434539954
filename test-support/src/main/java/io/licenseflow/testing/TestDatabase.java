package io.licenseflow.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads a service's database in the test stack directly, to check what a request did or did not write. */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static long count(String database, String sql, Object... params) {
        return Long.parseLong(text(database, sql, params));
    }

    /** Runs a statement (DDL, a trigger for fault injection, ...). */
    public static void execute(String database, String sql) {
        var env = LocalStack.platform();
        try (Connection c = DriverManager.getConnection(LocalStack.jdbcUrl(database), env.get("LF_PG_USER"), env.get("LF_PG_PASSWORD"));
             var statement = c.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Makes the next {@code times} inserts into {@code table} whose {@code column} equals {@code value} fail, as a
     * database failure would. Counting uses a sequence, which a rollback does not undo. Returns the SQL that
     * removes the fault.
     */
    public static String failInserts(String database, String table, String column, String value, int times) {
        String name = "fault_" + java.util.UUID.randomUUID().toString().replace("-", "");
        execute(database, "CREATE SEQUENCE " + name);
        execute(database, """
                CREATE FUNCTION %1$s() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $f$
                BEGIN
                  IF NEW.%2$s = '%3$s' AND nextval('%1$s') <= %4$d THEN
                    RAISE EXCEPTION 'injected fault %1$s';
                  END IF;
                  RETURN NEW;
                END $f$""".formatted(name, column, value.replace("'", "''"), times));
        execute(database, "CREATE TRIGGER " + name + " BEFORE INSERT ON " + table + " FOR EACH ROW EXECUTE FUNCTION " + name + "()");
        return "DROP TRIGGER " + name + " ON " + table + "; DROP FUNCTION " + name + "(); DROP SEQUENCE " + name;
    }

    /** Every row, each as its columns' text. */
    public static java.util.List<java.util.List<String>> rows(String database, String sql, Object... params) {
        var env = LocalStack.platform();
        try (Connection c = DriverManager.getConnection(LocalStack.jdbcUrl(database), env.get("LF_PG_USER"), env.get("LF_PG_PASSWORD"));
             PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                java.util.List<java.util.List<String>> rows = new java.util.ArrayList<>();
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    java.util.List<String> row = new java.util.ArrayList<>(columns);
                    for (int i = 1; i <= columns; i++) {
                        row.add(rs.getString(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row as text, or null when there is no row. */
    public static String text(String database, String sql, Object... params) {
        java.util.List<java.util.List<String>> rows = rows(database, sql, params);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }
}
