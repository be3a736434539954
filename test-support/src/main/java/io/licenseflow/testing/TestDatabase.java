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

    /** The first column of the first row as text, or null when there is no row. */
    public static String text(String database, String sql, Object... params) {
        var env = LocalStack.platform();
        try (Connection c = DriverManager.getConnection(LocalStack.jdbcUrl(database), env.get("LF_PG_USER"), env.get("LF_PG_PASSWORD"));
             PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
