package org.bianmin.kiosk.visit;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which identification a service takes and which devices it cannot do without. The backend decides
 * whether a subject may have a document; the kiosk decides what to offer before anyone is identified.
 */
public final class ServiceRules {

    /** The social-insurance participation certificate: a citizen, by ID card or e-social-security card. */
    public static final String SI_CERTIFICATE = "si-participation-certificate";

    private static final String CITIZEN_CODE = "ESSC1:";
    private static final String LICENCE_CODE = "EBL1:";
    /** A code the backend issues to a technician for one kiosk: {@code BMTECH1:} and 26 base32 characters. */
    private static final String TECHNICIAN_CODE = "BMTECH1:";

    private ServiceRules() {}

    /** Citizens' services take the ID card and the e-social-security card; licences take the e-licence QR. */
    public static Set<IdentifyMethod> methods(String serviceCode) {
        return citizenService(serviceCode) ? EnumSet.of(IdentifyMethod.ID_CARD, IdentifyMethod.QR_CODE)
                : EnumSet.of(IdentifyMethod.QR_CODE);
    }

    /** Whether a scanned code can identify for this service (by its prefix; the backend checks the rest). */
    public static boolean acceptsCode(String serviceCode, String code) {
        return code.startsWith(citizenService(serviceCode) ? CITIZEN_CODE : LICENCE_CODE);
    }

    /** Whether a scanned code is a technician's code (by its prefix; the backend checks the rest), never a citizen's. */
    public static boolean isTechnicianCode(String code) {
        return code != null && code.startsWith(TECHNICIAN_CODE);
    }

    /** Why the service cannot be offered with the devices as they are, if it cannot. */
    public static Optional<Unavailable> unavailable(String serviceCode, Availability devices, boolean backendOnline) {
        if (!backendOnline) {
            return Optional.of(Unavailable.BACKEND_OFFLINE);
        }
        if (!devices.documentPrinter()) {
            return Optional.of(Unavailable.PRINTER_OUT_OF_SERVICE);
        }
        if (!devices.receiptPrinter() && devices.required().contains(Availability.Equipment.RECEIPT_PRINTER)) {
            return Optional.of(Unavailable.RECEIPT_PRINTER_OUT_OF_SERVICE);
        }
        Set<IdentifyMethod> m = methods(serviceCode);
        boolean canIdentify = (m.contains(IdentifyMethod.ID_CARD) && devices.idCardReader())
                || (m.contains(IdentifyMethod.QR_CODE) && devices.scanner());
        return canIdentify ? Optional.empty() : Optional.of(Unavailable.READER_OUT_OF_SERVICE);
    }

    /** The methods of a service that the devices can serve now. */
    public static Set<IdentifyMethod> usableMethods(String serviceCode, Availability devices) {
        EnumSet<IdentifyMethod> m = EnumSet.copyOf(methods(serviceCode));
        if (!devices.idCardReader()) {
            m.remove(IdentifyMethod.ID_CARD);
        }
        if (!devices.scanner()) {
            m.remove(IdentifyMethod.QR_CODE);
        }
        return m;
    }

    private static boolean citizenService(String serviceCode) {
        return SI_CERTIFICATE.equals(serviceCode);
    }

    /** Why a service tile is greyed out. */
    public enum Unavailable { BACKEND_OFFLINE, PRINTER_OUT_OF_SERVICE, RECEIPT_PRINTER_OUT_OF_SERVICE, READER_OUT_OF_SERVICE }
}
