package org.bianmin.backend.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The issued documents: each signed PDF with its metadata, verification code and an audit row written with it. */
public final class Documents {
    private static final String COLUMNS = "id, kiosk_id, service_code, case_number, title, holder, subject_kind, subject_ref, "
            + "verification_code, sha256, issued_at, valid_until";

    private final Jdbi jdbi;
    private final AuditLog audit;

    public Documents(Jdbi jdbi, AuditLog audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    /**
     * Stores {@code document} with its {@code pdf} and audits it as issued, in one transaction.
     *
     * @throws ConflictException if the id, case number or verification code is taken
     */
    public void issue(IssuedDocument document, byte[] pdf) {
        Checks.present("pdf", pdf);
        try {
            jdbi.useTransaction(h -> {
                h.createUpdate("INSERT INTO documents (" + COLUMNS + ", pdf) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .bind(0, document.id()).bind(1, document.kioskId()).bind(2, document.serviceCode())
                        .bind(3, document.caseNumber()).bind(4, document.title()).bind(5, document.holder())
                        .bind(6, document.subject().kind().wireName()).bind(7, document.subject().ref())
                        .bind(8, document.verificationCode()).bind(9, document.sha256())
                        .bind(10, Sql.timestamp(document.issuedAt()))
                        .bindBySqlType(11, document.validUntil(), Types.DATE)
                        .bind(12, pdf).execute();
                audit.record(h, new AuditEvent(document.issuedAt(), document.kioskId(), "document.issued", document.id(),
                        "case " + document.caseNumber() + ", service " + document.serviceCode()));
            });
        } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
            if (Sql.isUniqueViolation(e)) {
                throw new ConflictException("document " + document.id() + " or its case number or verification code exists already");
            }
            throw e;
        }
    }

    public Optional<IssuedDocument> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM documents WHERE id = ?").bind(0, id)
                .map((rs, ctx) -> read(rs)).findOne());
    }

    public Optional<IssuedDocument> byVerificationCode(String code) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM documents WHERE verification_code = ?")
                .bind(0, code).map((rs, ctx) -> read(rs)).findOne());
    }

    /** The document whose 办件编号 is {@code caseNumber}, if one was issued. */
    public Optional<IssuedDocument> byCaseNumber(String caseNumber) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM documents WHERE case_number = ?")
                .bind(0, caseNumber).map((rs, ctx) -> read(rs)).findOne());
    }

    /** The PDF bytes of document {@code id} exactly as issued. */
    public Optional<byte[]> pdf(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT pdf FROM documents WHERE id = ?").bind(0, id)
                .map((rs, ctx) -> rs.getBytes("pdf")).findOne());
    }

    private static IssuedDocument read(ResultSet rs) throws SQLException {
        LocalDate until = rs.getObject("valid_until", LocalDate.class);
        return new IssuedDocument(rs.getString("id"), rs.getString("kiosk_id"), rs.getString("service_code"),
                rs.getString("case_number"), rs.getString("title"), rs.getString("holder"),
                new Subject(SubjectKind.fromWire(rs.getString("subject_kind")), rs.getString("subject_ref")),
                rs.getString("verification_code").trim(), rs.getString("sha256").trim(), Sql.instant(rs, "issued_at"), until);
    }
}
