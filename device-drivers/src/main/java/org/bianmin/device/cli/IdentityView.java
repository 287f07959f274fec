package org.bianmin.device.cli;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bianmin.device.PersonalData;
import org.bianmin.device.idcard.CardRead;
import org.bianmin.device.idcard.Identity;
import org.bianmin.device.idcard.PermanentResidenceCard2017;
import org.bianmin.device.idcard.PermanentResidenceCard2023;
import org.bianmin.device.idcard.ResidencePermit;
import org.bianmin.device.idcard.ResidentIdCard;

/**
 * The fields of a card read as a technician sees them: labelled in Chinese and English, with names,
 * numbers, birth dates and addresses masked unless {@code --unmask} was given.
 */
final class IdentityView {
    private final boolean unmask;

    IdentityView(boolean unmask) {
        this.unmask = unmask;
    }

    Map<String, Object> fields(CardRead read) {
        Identity id = read.identity();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cardType", id.type().zh() + " / " + id.type().en());
        switch (id) {
            case ResidentIdCard r -> {
                m.put("name", name(r.name()));
                m.put("gender", r.gender().zh());
                m.put("ethnicGroup", r.ethnicGroup().zh());
                m.put("birthDate", birth(r.birthDate()));
                m.put("address", address(r.address()));
                m.put("number", number(r.number()));
                m.put("issuingAuthority", r.issuingAuthority());
            }
            case PermanentResidenceCard2017 p -> {
                m.put("chineseName", name(p.chineseName()));
                m.put("englishName", name(p.englishName()));
                m.put("gender", p.gender().zh());
                m.put("birthDate", birth(p.birthDate()));
                m.put("nationality", p.nationality());
                m.put("number", number(p.number()));
                m.put("cardVersion", p.cardVersion());
                m.put("authorityCode", p.authorityCode());
            }
            case PermanentResidenceCard2023 p -> {
                m.put("chineseName", name(p.chineseName()));
                m.put("englishName", name(p.englishName()));
                m.put("gender", p.gender().zh());
                m.put("birthDate", birth(p.birthDate()));
                m.put("nationality", p.nationality());
                m.put("number", number(p.number()));
                m.put("renewalCount", p.renewalCount().isPresent() ? p.renewalCount().getAsInt() : null);
                m.put("previousEditionNumber", number(p.previousEditionNumber()));
            }
            case ResidencePermit p -> {
                m.put("name", name(p.name()));
                m.put("gender", p.gender().zh());
                m.put("birthDate", birth(p.birthDate()));
                m.put("address", address(p.address()));
                m.put("number", number(p.number()));
                m.put("issuingAuthority", p.issuingAuthority());
                m.put("travelPermitNumber", number(p.travelPermitNumber()));
                m.put("issueCount", p.issueCount());
            }
        }
        m.put("validity", id.validity().toString());
        m.put("numberCheck", id.numberPassesCheck() ? "passed" : "FAILED: " + id.numberProblem().orElse(""));
        m.put("photo", "WLT " + read.photo().wlt().length + " bytes (decoded only by a vendor library)");
        m.put("fingerprints", read.fingerprints().length + " bytes");
        m.put("appendedAddress", read.appendedAddress().map(this::address).orElse("none"));
        return m;
    }

    private String name(String s) {
        return unmask ? s : PersonalData.maskName(s);
    }

    private String number(String s) {
        return unmask ? s : PersonalData.maskIdNumber(s);
    }

    private String birth(LocalDate d) {
        return unmask || d == null ? String.valueOf(d) : d.getYear() + "-**-**";
    }

    private String address(String s) {
        if (unmask || s == null || s.isEmpty()) {
            return s;
        }
        int keep = Math.min(6, s.codePointCount(0, s.length()) / 3);
        return s.substring(0, s.offsetByCodePoints(0, keep)) + "****";
    }
}
