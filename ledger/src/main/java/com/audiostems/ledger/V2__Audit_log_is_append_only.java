package com.audiostems.ledger;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The database refuses to change or remove audit rows: a PL/pgSQL trigger on PostgreSQL (UPDATE,
 * DELETE and TRUNCATE), a Java trigger on H2 ({@link AppendOnlyH2Trigger}). One migration for both
 * because the trigger languages differ. An owner or superuser can still drop or disable a trigger
 * (or, on PostgreSQL, set session_replication_role to replica): that is why {@code audit verify}
 * checks the chain.
 */
// The name is Flyway's: it reads the version and description from it.
public class V2__Audit_log_is_append_only extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    String product = context.getConnection().getMetaData().getDatabaseProductName();
    try (Statement sql = context.getConnection().createStatement()) {
      if (product.equalsIgnoreCase("PostgreSQL")) {
        sql.execute(
            """
            CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
                USING ERRCODE = 'insufficient_privilege';
            END
            $$""");
        sql.execute(
            "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log"
                + " FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()");
        sql.execute(
            "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log"
                + " FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()");
      } else if (product.equalsIgnoreCase("H2")) {
        sql.execute(
            "CREATE TRIGGER audit_log_append_only BEFORE UPDATE, DELETE ON audit_log"
                + " FOR EACH ROW CALL '"
                + AppendOnlyH2Trigger.class.getName()
                + "'");
      } else {
        throw new IllegalStateException(
            "The ledger runs on PostgreSQL or the embedded H2 file, not on " + product);
      }
    }
  }
}
