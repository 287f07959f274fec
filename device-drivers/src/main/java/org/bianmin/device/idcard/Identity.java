package org.bianmin.device.idcard;

import java.time.LocalDate;
import java.util.Optional;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;

/**
 * Who the card says its holder is: one of the four card kinds a SAM_V reader returns, parsed from
 * the 256-byte text block by {@link TextBlock}. Every {@code toString()} masks names, numbers,
 * birth dates and addresses.
 */
public sealed interface Identity permits ResidentIdCard, PermanentResidenceCard2017, PermanentResidenceCard2023, ResidencePermit {

    CardType type();

    /** The name to greet the holder by: the Chinese name, or the English one when the card has none. */
    String name();

    Gender gender();

    LocalDate birthDate();

    /** The card's personal number: ID number, permit ID number or permanent-residence number. */
    String number();

    Validity validity();

    /** Whether {@link #number()} passes its check (MOD 11-2, or the 2017 card's letters-and-digits format). */
    default boolean numberPassesCheck() {
        return numberProblem().isEmpty();
    }

    /** What is wrong with the number, masked; empty when it passes. */
    default Optional<String> numberProblem() {
        return IdNumbers.problem(number());
    }

    /** Throws {@link DeviceError#INVALID_ID_NUMBER} when the number fails its check. */
    default void requireValidNumber() throws DeviceException {
        Optional<String> p = numberProblem();
        if (p.isPresent()) {
            throw new DeviceException(DeviceError.INVALID_ID_NUMBER, type().en() + ": " + p.get());
        }
    }
}
