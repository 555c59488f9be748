package dev.retort.postgres.conformance;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RenameAnnotationsTest {

    @Test
    void readsTableAndColumnAnnotationsAsPostgresSpellsTheNames() {
        RenameAnnotations r = RenameAnnotations.of("""
                CREATE TABLE "UserAccounts" ( -- @renamed from=user_accounts
                  id bigint NOT NULL,
                  user_name text, -- @renamed from=username
                  "NewName" text -- @renamed from="Old Name"
                );
                CREATE TABLE new_users /* @renamed from=old_users */ (
                  CONSTRAINT unique_email UNIQUE (email) -- @renamed from=old_unique_email
                );
                CREATE TYPE order_status /* @renamed from=order_state */ AS ENUM ('pending');
                """);
        assertThat(r.tables()).isEqualTo(Map.of("UserAccounts", "user_accounts", "new_users", "old_users"));
        assertThat(r.columns()).isEqualTo(Map.of("UserAccounts", Map.of("user_name", "username", "NewName", "Old Name")));
    }

    @Test
    void aScriptWithoutAnnotationsDeclaresNothing() {
        assertThat(RenameAnnotations.of("CREATE TABLE t (a int); -- a comment").isEmpty()).isTrue();
    }
}
