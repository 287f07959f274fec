package org.bianmin.backend.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Random;
import org.bianmin.backend.codes.CreditCodes;
import org.bianmin.backend.domain.Organisation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentInputsTest {
    private static final Organisation AGENCY = new Organisation("示例经办机构", CreditCodes.complete("12990100000000077"));

    @Test
    void aMissingFontNamesTheDebianPackageToInstall(@TempDir Path dir) {
        FontUnavailableException e = assertThrows(FontUnavailableException.class,
                () -> CjkFont.load(dir.resolve("wqy-zenhei.ttc")));
        assertTrue(e.getMessage().contains("fonts-wqy-zenhei"), e.getMessage());
    }

    @Test
    void aFileThatIsNotAFontCollectionIsReportedAsUnreadable(@TempDir Path dir) throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.ttc"), "not a font");
        FontUnavailableException e = assertThrows(FontUnavailableException.class, () -> CjkFont.load(junk));
        assertTrue(e.getMessage().contains("fonts-wqy-zenhei"), e.getMessage());
    }

    @Test
    void signingKeysSurviveAPkcs12RoundTripAndAWrongPasswordIsNamed(@TempDir Path dir) {
        SigningKeys keys = SigningKeys.generate("示例经办机构", Duration.ofDays(30));
        Path file = dir.resolve("signing.p12");
        keys.save(file, "secret".toCharArray());
        SigningKeys loaded = SigningKeys.load(file, "secret".toCharArray());
        assertEquals(keys.certificate(), loaded.certificate());
        DocumentException wrong = assertThrows(DocumentException.class,
                () -> SigningKeys.load(file, "wrong".toCharArray()));
        assertTrue(wrong.getMessage().contains("password"), wrong.getMessage());
        DocumentException missing = assertThrows(DocumentException.class,
                () -> SigningKeys.load(dir.resolve("none.p12"), "secret".toCharArray()));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    }

    @Test
    void verificationCodesAreSixteenUnambiguousCharactersAndBadOnesAreRefused() {
        String code = VerificationCodes.generate(new Random(1));
        assertTrue(VerificationCodes.isWellFormed(code), code);
        assertFalse(VerificationCodes.isWellFormed("O0I1O0I1O0I1O0I1"));
        assertFalse(VerificationCodes.isWellFormed(code.substring(1)));
        assertThrows(IllegalArgumentException.class, () -> VerificationCodes.requireWellFormed("abc"));
    }

    @Test
    void theVerifyUrlJoinsTheBaseUrlAndTheCodeWithOneSlash() {
        String code = "ABCDEFGH23456789";
        LocalDateTime t = LocalDateTime.of(2025, 6, 1, 8, 0);
        assertEquals("https://example.test/verify/" + code,
                new IssueDetails(AGENCY, t, code, URI.create("https://example.test/")).verifyUrl());
        assertEquals("https://example.test/kiosk/verify/" + code,
                new IssueDetails(AGENCY, t, code, URI.create("https://example.test/kiosk")).verifyUrl());
        assertThrows(IllegalArgumentException.class,
                () -> new IssueDetails(AGENCY, t, code, URI.create("ftp://example.test")));
    }
}
