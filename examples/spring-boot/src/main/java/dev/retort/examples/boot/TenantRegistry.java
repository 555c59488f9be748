package dev.retort.examples.boot;

import dev.retort.spring.TenantSource;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The application's tenants, one row each in {@code public.tenants}: Retort's tenant source. It reads
 * with plain JDBC because Retort asks it before JPA (and JdbcTemplate) may start.
 */
@Component
public class TenantRegistry implements TenantSource {
    /** The registry is the application's own table in public, outside the tenant schemas Retort migrates. */
    static final String TABLE = "CREATE TABLE IF NOT EXISTS public.tenants (schema_name varchar(63) PRIMARY KEY,"
            + " created_at timestamptz NOT NULL DEFAULT now())";

    private final DataSource dataSource;

    public TenantRegistry(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<String> tenants() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute(TABLE);
            List<String> names = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT schema_name FROM public.tenants ORDER BY schema_name")) {
                while (rs.next()) names.add(rs.getString(1));
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the tenant registry: " + e.getMessage(), e);
        }
    }

    /** Registers a tenant; false when it was registered already. */
    public boolean add(String tenant) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             PreparedStatement insert = c.prepareStatement("INSERT INTO public.tenants (schema_name) VALUES (?) ON CONFLICT DO NOTHING")) {
            st.execute(TABLE);
            insert.setString(1, tenant);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot register tenant " + tenant + ": " + e.getMessage(), e);
        }
    }
}
