package dev.retort.postgres.conformance;

import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schema pairs written by hand as a DBA writes them (not from Retort's rendering), one per kind of
 * object beyond tables, columns, keys and indexes: the diff of each pair, applied, must make the
 * catalogs agree both ways, and a second diff must be empty ({@link Convergence}, as for the sqldef corpus, with the same oracle).
 */
class HandWrittenSchemasTest {
    private static Convergence convergence;

    record Pair(String name, String current, String desired) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Pair> pairs() {
        return List.of(
                new Pair("domains", """
                        CREATE DOMAIN us_postal_code AS text CHECK (VALUE ~ '^\\d{5}$' OR VALUE ~ '^\\d{5}-\\d{4}$');
                        CREATE DOMAIN positive_int AS integer NOT NULL CONSTRAINT positive CHECK (VALUE > 0);
                        CREATE DOMAIN legacy_flag AS char(1) DEFAULT 'N';
                        CREATE DOMAIN short_code AS varchar(8) COLLATE "C";
                        CREATE TABLE address (id serial PRIMARY KEY, zip us_postal_code, qty positive_int, code short_code);
                        COMMENT ON DOMAIN positive_int IS 'strictly positive';
                        """, """
                        CREATE DOMAIN us_postal_code AS text
                            CONSTRAINT us_postal_code_check CHECK (VALUE ~ '^\\d{5}$' OR VALUE ~ '^\\d{5}-\\d{4}$')
                            CONSTRAINT not_blank CHECK (VALUE <> '');
                        CREATE DOMAIN positive_int AS integer DEFAULT 1 CONSTRAINT positive CHECK (VALUE >= 1);
                        CREATE DOMAIN short_code AS varchar(8) COLLATE "C";
                        CREATE DOMAIN email AS text CHECK (position('@' in VALUE) > 1);
                        CREATE DOMAIN quantity AS positive_int CHECK (VALUE < 1000);
                        CREATE TABLE address (id serial PRIMARY KEY, zip us_postal_code NOT NULL, qty quantity, code short_code,
                                              contact email);
                        COMMENT ON DOMAIN positive_int IS 'at least one';
                        """),
                new Pair("exclusion constraints", """
                        CREATE TABLE room_booking (id serial PRIMARY KEY, room int NOT NULL, during tstzrange NOT NULL,
                                                   cancelled boolean NOT NULL DEFAULT false,
                                                   EXCLUDE USING gist (during WITH &&) WHERE (NOT cancelled));
                        CREATE TABLE ticket (id int PRIMARY KEY, code text);
                        """, """
                        CREATE TABLE room_booking (id serial PRIMARY KEY, room int NOT NULL, during tstzrange NOT NULL,
                                                   cancelled boolean NOT NULL DEFAULT false,
                                                   CONSTRAINT no_double_booking
                                                       EXCLUDE USING gist (int4range(room, room, '[]') WITH =, during WITH &&)
                                                       WHERE (NOT cancelled) DEFERRABLE INITIALLY DEFERRED);
                        CREATE TABLE ticket (id int PRIMARY KEY, code text);
                        ALTER TABLE ticket ADD CONSTRAINT one_code EXCLUDE (lower(code) WITH =);
                        """),
                new Pair("views", """
                        CREATE TABLE account (id serial PRIMARY KEY, email varchar(200) NOT NULL, active boolean DEFAULT true,
                                              balance numeric(12,2));
                        CREATE TABLE payment (id bigserial PRIMARY KEY, account_id int REFERENCES account(id), amount numeric(12,2));
                        CREATE VIEW active_accounts AS SELECT id, email FROM account WHERE active;
                        CREATE VIEW big_payers AS
                            SELECT a.id, a.email, sum(p.amount) AS total
                            FROM active_accounts a JOIN payment p ON p.account_id = a.id
                            GROUP BY a.id, a.email HAVING sum(p.amount) > 1000;
                        CREATE MATERIALIZED VIEW payment_totals AS SELECT account_id, sum(amount) AS total FROM payment GROUP BY account_id;
                        CREATE UNIQUE INDEX payment_totals_account ON payment_totals (account_id);
                        CREATE VIEW old_report AS SELECT count(*) AS n FROM account;
                        COMMENT ON VIEW active_accounts IS 'accounts in use';
                        """, """
                        CREATE TABLE account (id serial PRIMARY KEY, email text NOT NULL, active boolean DEFAULT true,
                                              balance numeric(14,2));
                        CREATE TABLE payment (id bigserial PRIMARY KEY, account_id int REFERENCES account(id), amount numeric(14,2));
                        CREATE OR REPLACE VIEW active_accounts WITH (security_barrier) AS
                            SELECT id, email, balance FROM account WHERE active IS TRUE;
                        CREATE VIEW big_payers AS
                            SELECT a.id, a.email, sum(p.amount) AS total
                            FROM active_accounts a JOIN payment p ON p.account_id = a.id
                            GROUP BY a.id, a.email HAVING sum(p.amount) > 1000;
                        CREATE MATERIALIZED VIEW payment_totals AS SELECT account_id, sum(amount) AS total FROM payment GROUP BY account_id;
                        CREATE INDEX payment_totals_total ON payment_totals (total DESC);
                        CREATE VIEW writable_accounts AS SELECT id, email, active FROM account WHERE active WITH CASCADED CHECK OPTION;
                        COMMENT ON VIEW active_accounts IS 'accounts in use, with their balance';
                        COMMENT ON MATERIALIZED VIEW payment_totals IS 'refreshed nightly';
                        """),
                new Pair("functions and procedures", """
                        CREATE FUNCTION add_tax(amount numeric, rate numeric DEFAULT 0.2) RETURNS numeric
                            LANGUAGE sql IMMUTABLE AS $$ SELECT amount * (1 + rate) $$;
                        CREATE FUNCTION greet(name text) RETURNS text LANGUAGE plpgsql AS $$
                        BEGIN
                            RETURN 'Hello, ' || name;
                        END;
                        $$;
                        CREATE FUNCTION greet(name text, punct text) RETURNS text LANGUAGE sql AS $$ SELECT 'Hi ' || name || punct $$;
                        CREATE FUNCTION list_ids() RETURNS TABLE(id integer) LANGUAGE sql AS $$ SELECT 1 $$;
                        CREATE FUNCTION secure_count() RETURNS bigint LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp
                            AS $$ SELECT 42::bigint $$;
                        CREATE PROCEDURE reset_all(INOUT n integer) LANGUAGE plpgsql AS $$ BEGIN n := 0; END $$;
                        CREATE FUNCTION legacy() RETURNS void LANGUAGE sql AS $$ SELECT $$;
                        COMMENT ON FUNCTION add_tax(numeric, numeric) IS 'gross from net';
                        """, """
                        CREATE FUNCTION add_tax(amount numeric, rate numeric DEFAULT 0.25) RETURNS numeric
                            LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT round(amount * (1 + rate), 2) $$;
                        CREATE FUNCTION greet(name text) RETURNS text LANGUAGE plpgsql STABLE AS $$
                        BEGIN
                            RETURN 'Hello, ' || coalesce(name, 'you');
                        END;
                        $$;
                        CREATE FUNCTION greet(name text, punct text) RETURNS text LANGUAGE sql AS $$ SELECT 'Hi ' || name || punct $$;
                        CREATE FUNCTION list_ids() RETURNS TABLE(id integer, label text) LANGUAGE sql AS $$ SELECT 1, 'a'::text $$;
                        CREATE FUNCTION secure_count() RETURNS bigint LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog
                            COST 5 AS $$ SELECT 42::bigint $$;
                        CREATE PROCEDURE reset_all(INOUT n integer) LANGUAGE plpgsql AS $$ BEGIN n := 1; END $$;
                        CREATE FUNCTION next_id() RETURNS integer LANGUAGE sql RETURN 7;
                        COMMENT ON FUNCTION add_tax(numeric, numeric) IS 'gross from net, rounded';
                        COMMENT ON PROCEDURE reset_all(integer) IS 'resets';
                        """),
                new Pair("triggers", """
                        CREATE TABLE item (id int PRIMARY KEY, name text, price numeric, updated_at timestamptz);
                        CREATE TABLE item_log (item_id int, at timestamptz DEFAULT now());
                        CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at = now(); RETURN NEW; END $$;
                        CREATE FUNCTION log_item() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN INSERT INTO item_log (item_id) VALUES (NEW.id); RETURN NULL; END $$;
                        CREATE FUNCTION check_item() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
                        CREATE TRIGGER item_stamp BEFORE UPDATE ON item FOR EACH ROW EXECUTE FUNCTION stamp();
                        CREATE TRIGGER item_log AFTER INSERT ON item FOR EACH ROW EXECUTE PROCEDURE log_item();
                        CREATE CONSTRAINT TRIGGER item_check AFTER INSERT OR UPDATE ON item DEFERRABLE INITIALLY IMMEDIATE
                            FOR EACH ROW EXECUTE FUNCTION check_item();
                        """, """
                        CREATE TABLE item (id int PRIMARY KEY, name text, price numeric, updated_at timestamptz);
                        CREATE TABLE item_log (item_id int, at timestamptz DEFAULT now());
                        CREATE VIEW item_names AS SELECT id, name FROM item;
                        CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at = now(); RETURN NEW; END $$;
                        CREATE FUNCTION log_item() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN INSERT INTO item_log (item_id) VALUES (NEW.id); RETURN NULL; END $$;
                        CREATE FUNCTION check_item() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
                        CREATE FUNCTION rename_item() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN UPDATE item SET name = NEW.name WHERE id = OLD.id; RETURN NEW; END $$;
                        CREATE FUNCTION count_new() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
                        CREATE TRIGGER item_stamp BEFORE UPDATE OF name, price ON item FOR EACH ROW
                            WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION stamp();
                        CREATE TRIGGER item_log AFTER INSERT OR DELETE ON item FOR EACH ROW EXECUTE FUNCTION log_item();
                        CREATE CONSTRAINT TRIGGER item_check AFTER INSERT OR UPDATE ON item DEFERRABLE INITIALLY DEFERRED
                            FOR EACH ROW EXECUTE FUNCTION check_item();
                        CREATE TRIGGER item_names_rename INSTEAD OF UPDATE ON item_names FOR EACH ROW EXECUTE FUNCTION rename_item();
                        CREATE TRIGGER item_bulk AFTER INSERT ON item REFERENCING NEW TABLE AS inserted
                            FOR EACH STATEMENT EXECUTE FUNCTION count_new('bulk', 'it''s');
                        COMMENT ON TRIGGER item_stamp ON item IS 'keeps updated_at';
                        """),
                new Pair("row-level security", """
                        CREATE TABLE note (id int PRIMARY KEY, owner name DEFAULT current_user, body text, shared boolean);
                        CREATE TABLE secret (id int PRIMARY KEY, owner name);
                        ALTER TABLE note ENABLE ROW LEVEL SECURITY;
                        CREATE POLICY note_owner ON note USING (owner = current_user);
                        CREATE POLICY note_shared ON note FOR SELECT USING (shared);
                        CREATE POLICY note_insert ON note FOR INSERT WITH CHECK (owner = current_user);
                        ALTER TABLE secret ENABLE ROW LEVEL SECURITY;
                        ALTER TABLE secret FORCE ROW LEVEL SECURITY;
                        CREATE POLICY secret_owner ON secret AS RESTRICTIVE USING (owner = current_user);
                        """, """
                        CREATE TABLE note (id int PRIMARY KEY, owner name DEFAULT current_user, body text, shared boolean);
                        CREATE TABLE secret (id int PRIMARY KEY, owner name);
                        ALTER TABLE note ENABLE ROW LEVEL SECURITY;
                        ALTER TABLE note FORCE ROW LEVEL SECURITY;
                        CREATE POLICY note_owner ON note TO CURRENT_USER USING (owner = current_user) WITH CHECK (owner = current_user);
                        CREATE POLICY note_shared ON note AS RESTRICTIVE FOR SELECT USING (shared OR owner = current_user);
                        CREATE POLICY note_update ON note FOR UPDATE USING (owner = current_user) WITH CHECK (body IS NOT NULL);
                        COMMENT ON POLICY note_update ON note IS 'only owners edit';
                        CREATE POLICY secret_owner ON secret AS RESTRICTIVE USING (owner = current_user);
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void theDiffFindsEveryDifferenceAndConverges(Pair pair) throws SQLException {
        Convergence.Result result = convergence().run(new Corpus.Case("hand-written", pair.name(), pair.current(), pair.desired(),
                Map.of()));
        assertThat(result.detail()).as(pair.name()).isNull();
    }

    private static synchronized Convergence convergence() throws SQLException {
        if (convergence == null) {
            TestDatabase server = TestDatabase.postgres();
            convergence = new Convergence(TestDatabase.dataSource(server.createDatabase("hand_a")).getConnection(),
                    TestDatabase.dataSource(server.createDatabase("hand_b")).getConnection());
        }
        return convergence;
    }

    @AfterAll
    static void close() throws SQLException {
        if (convergence != null) convergence.close();
        convergence = null;
    }
}
