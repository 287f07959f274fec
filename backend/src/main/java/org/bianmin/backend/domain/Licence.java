package org.bianmin.backend.domain;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.SequencedMap;
import org.bianmin.backend.codes.LicenceIdentifier;

/**
 * A licence as issued: its kind, number, holder, surface fields (照面信息) in the kind's order,
 * issuing authority, issue date, validity and GB/T 36904 electronic-licence identifier, whose issuer
 * code must be the issuer's credit code.
 */
public record Licence(LicenceKind kind, String number, Organisation holder,
        SequencedMap<String, String> surfaceFields, Organisation issuer, LocalDate issuedOn,
        Validity validity, LicenceIdentifier electronicId) {
    public Licence {
        InvalidRecordException.required(kind, "licence.kind");
        InvalidRecordException.requiredText(number, "licence.number");
        InvalidRecordException.required(holder, "licence.holder");
        InvalidRecordException.required(surfaceFields, "licence.surfaceFields");
        InvalidRecordException.required(issuer, "licence.issuer");
        InvalidRecordException.required(issuedOn, "licence.issuedOn");
        InvalidRecordException.required(validity, "licence.validity");
        InvalidRecordException.required(electronicId, "licence.electronicId");
        if (!surfaceFields.keySet().stream().toList().equals(kind.surfaceFieldNames())) {
            throw new InvalidRecordException("licence.surfaceFields", "a " + kind.chinese() + " needs exactly "
                    + kind.surfaceFieldNames() + " in that order, got " + surfaceFields.keySet());
        }
        surfaceFields.forEach((k, v) -> InvalidRecordException.requiredText(v, "licence.surfaceFields." + k));
        if (!electronicId.issuerCode().equals(issuer.creditCode())) {
            throw new InvalidRecordException("licence.electronicId", "issuer code " + electronicId.issuerCode()
                    + " is not the issuer's credit code " + issuer.creditCode());
        }
        surfaceFields = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(surfaceFields));
    }
}
