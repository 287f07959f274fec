package org.bianmin.backend.store;

import java.time.Clock;

/**
 * Everything the kiosk API and the fleet service keep, opened together over one database.
 *
 * @param database the migrated connection pool all the parts share
 */
public record Store(Database database, KioskRegistry kiosks, ServiceCatalog services, PrintLedger prints,
                    Evaluations evaluations, AuditLog audit, QrCodes qrCodes, SubjectTokens subjectTokens,
                    Documents documents, AdminTokens admins, KioskHeartbeats heartbeats, TechnicianCodes technicianCodes,
                    DiagnosticBundles diagnostics, ConsoleSessions consoleSessions, AdminKeys adminKeys,
                    KioskGroups groups, DesiredConfigs configs) implements AutoCloseable {

    /** Opens (and migrates) the database at {@code jdbcUrl}; times come from {@code clock}. */
    public static Store open(String jdbcUrl, Clock clock) {
        Database db = Database.open(jdbcUrl);
        AuditLog audit = new AuditLog(db.jdbi());
        DesiredConfigs configs = new DesiredConfigs(db.jdbi(), audit, clock);
        return new Store(db, new KioskRegistry(db.jdbi(), audit, clock), new ServiceCatalog(db.jdbi()),
                new PrintLedger(db.jdbi(), audit, clock), new Evaluations(db.jdbi(), audit, clock), audit,
                new QrCodes(db.jdbi(), clock), new SubjectTokens(db.jdbi(), clock), new Documents(db.jdbi(), audit),
                new AdminTokens(db.jdbi(), clock), new KioskHeartbeats(db.jdbi(), clock), new TechnicianCodes(db.jdbi(), audit, clock),
                new DiagnosticBundles(db.jdbi(), audit, clock), new ConsoleSessions(db.jdbi()),
                new AdminKeys(db.jdbi(), audit, clock), new KioskGroups(db.jdbi(), audit, clock, configs), configs);
    }

    @Override
    public void close() {
        database.close();
    }
}
