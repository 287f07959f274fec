package org.bianmin.backend.store;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** 好差评 evaluations: at most one per 办件编号, checked against the indicator set the kiosk showed. */
public final class Evaluations {
    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;

    public Evaluations(Jdbi jdbi, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    /** The newest published indicator set. */
    public IndicatorSet currentIndicatorSet() {
        return jdbi.withHandle(h -> {
            int version = h.createQuery("SELECT MAX(version) FROM evaluation_indicator_sets").mapTo(Integer.class).one();
            return indicatorSet(h, version).orElseThrow();
        });
    }

    public Optional<IndicatorSet> indicatorSet(int version) {
        return jdbi.withHandle(h -> indicatorSet(h, version));
    }

    private static Optional<IndicatorSet> indicatorSet(Handle h, int version) {
        Optional<LocalDate> published = h.createQuery("SELECT published_on FROM evaluation_indicator_sets WHERE version = ?")
                .bind(0, version).mapTo(LocalDate.class).findOne();
        return published.map(date -> new IndicatorSet(version, date, h.createQuery(
                        "SELECT code, label, polarity FROM evaluation_indicators WHERE set_version = ? ORDER BY ordinal")
                .bind(0, version)
                .map((rs, ctx) -> new Indicator(rs.getString("code"), rs.getString("label"),
                        Grade.Polarity.valueOf(rs.getString("polarity").toUpperCase(Locale.ROOT))))
                .list()));
    }

    /**
     * Stores an evaluation made at {@code kioskId}.
     *
     * @throws InvalidInputException if the indicator set or an indicator is unknown or does not fit the grade
     * @throws ConflictException     if the case has been evaluated already
     */
    public Evaluation submit(String kioskId, EvaluationRequest request) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String id = UUID.randomUUID().toString();
        try {
            jdbi.useTransaction(h -> {
                IndicatorSet set = indicatorSet(h, request.indicatorSetVersion()).orElseThrow(() -> new InvalidInputException(
                        "indicatorSetVersion", "no indicator set " + request.indicatorSetVersion() + " is published"));
                for (String code : request.indicators()) {
                    Indicator indicator = set.find(code).orElseThrow(() -> new InvalidInputException("indicators",
                            code + " is not in indicator set " + set.version()));
                    if (indicator.polarity() != request.grade().polarity()) {
                        throw new InvalidInputException("indicators", code + " (" + indicator.label() + ") does not go with "
                                + request.grade().label());
                    }
                }
                h.createUpdate("INSERT INTO evaluations (id, case_number, kiosk_id, grade, indicator_set_version, comment_text, "
                                + "submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                        .bind(0, id).bind(1, request.caseNumber()).bind(2, kioskId).bind(3, request.grade().name())
                        .bind(4, request.indicatorSetVersion()).bind(5, request.comment()).bind(6, Sql.timestamp(now))
                        .execute();
                for (String code : request.indicators()) {
                    h.createUpdate("INSERT INTO evaluation_choices (evaluation_id, set_version, indicator_code) VALUES (?, ?, ?)")
                            .bind(0, id).bind(1, set.version()).bind(2, code).execute();
                }
                audit.record(h, new AuditEvent(now, kioskId, "evaluation.submitted", request.caseNumber(),
                        request.grade().name()));
            });
        } catch (UnableToExecuteStatementException e) {
            if (Sql.isUniqueViolation(e)) {
                throw new ConflictException("case " + request.caseNumber() + " has already been evaluated; "
                        + "each 办件编号 takes one evaluation");
            }
            throw e;
        }
        return new Evaluation(id, kioskId, request, now);
    }
}
