package org.bianmin.backend.domain;

import org.bianmin.backend.codes.CreditCodes;
import org.bianmin.backend.codes.InvalidCodeException;

/** An employer, licence holder or authority: its name and unified social credit code. */
public record Organisation(String name, String creditCode) {
    public Organisation {
        InvalidRecordException.requiredText(name, "organisation.name");
        try {
            CreditCodes.requireValid(creditCode);
        } catch (InvalidCodeException e) {
            throw new InvalidRecordException("organisation.creditCode", e.getMessage());
        }
    }
}
