package org.bianmin.backend.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Random;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bianmin.backend.domain.InsuranceHistory;
import org.bianmin.backend.domain.Licence;
import org.bianmin.backend.domain.LicenceKind;
import org.bianmin.backend.seed.SeedData;
import org.bianmin.backend.seed.SeedGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DocumentIssuerTest {
    private static final Path OUT = Path.of("target", "documents");
    private static final URI BASE = URI.create("http://127.0.0.1:8080");
    private static final Pattern SUBSET_FONT =
            Pattern.compile("(?m)^[A-Z]{6}\\+WenQuanYiZenHei\\s+CID TrueType\\s+Identity-H\\s+yes\\s+yes\\s+yes\\s");

    private static CjkFont font;
    private static DocumentIssuer issuer;
    private static SeedData seed;
    private static final Random RANDOM = new Random(42);

    @BeforeAll
    static void setUp() throws IOException {
        Files.createDirectories(OUT);
        font = CjkFont.load();
        issuer = new DocumentIssuer(font, SigningKeys.generateForPlatform(Duration.ofDays(365)),
                ZoneId.of("Asia/Shanghai"));
        seed = new SeedGenerator(20250601L, YearMonth.of(2025, 6)).generate();
    }

    @AfterAll
    static void tearDown() throws IOException {
        font.close();
    }

    @Test
    void aTwelveMonthCertificateIsSignedSubsetEmbeddedReadableAndItsQrCodeLeadsToTheVerifyPage() throws IOException {
        InsuranceHistory h = seed.histories().stream().filter(x -> x.contributionMonths().size() == 12).findFirst()
                .orElseThrow();
        IssueDetails issue = issue();
        Path pdf = write("certificate-12-months.pdf", issuer.certificate(h, issue));

        int pages = pages(pdf);
        assertEquals(1, pages);
        assertSignedWithSubsetFont(pdf);
        // pdftotext drops the spaces between Chinese characters, so compare without white space
        String text = PopplerAndZbar.pdftotext(pdf, 1, pages).replaceAll("\\s+", "");
        assertTrue(text.contains(CertificateRenderer.TITLE), text);
        assertTrue(text.contains(h.citizen().name()), "holder's name missing");
        assertTrue(text.contains(h.citizen().idNumber()), "holder's ID number missing");
        assertTrue(text.contains("样章DEMO"), text);
        assertTrue(text.contains("第1页共1页"), text);
        assertTrue(text.contains(issue.verificationCode()), text);
        assertQrLeadsTo(pdf, pages, issue.verifyUrl());
    }

    @Test
    void aTwentyYearCertificateFlowsOntoFurtherPagesEachWithTheTableHeaderAndPageNumbers() throws IOException {
        InsuranceHistory h = seed.historyOf(SeedGenerator.SIMULATED_CARD_ID_NUMBER).orElseThrow();
        assertEquals(240, h.contributionMonths().size());
        IssueDetails issue = issue();
        Path pdf = write("certificate-240-months.pdf", issuer.certificate(h, issue));

        int pages = pages(pdf);
        assertTrue(pages >= 4, "pages: " + pages);
        assertSignedWithSubsetFont(pdf);
        for (int page = 2; page <= pages; page++) {
            String text = PopplerAndZbar.pdftotext(pdf, page, page).replaceAll("\\s+", "");
            assertTrue(text.contains("第" + page + "页共" + pages + "页"), "page " + page + ":\n" + text);
            if (page < pages) {
                assertTrue(text.contains("缴费年月") && text.contains("养老保险"), "page " + page + ":\n" + text);
            }
        }
        String all = PopplerAndZbar.pdftotext(pdf, 1, pages);
        assertTrue(all.contains(h.contributionMonths().getFirst().toString()), "first month missing");
        assertTrue(all.contains(h.contributionMonths().getLast().toString()), "last month missing");
        assertQrLeadsTo(pdf, pages, issue.verifyUrl());
        Path png = PopplerAndZbar.pageImage(pdf, 1, OUT.resolve("certificate-240-months-page1"));
        assertTrue(Files.size(png) > 0);
    }

    @ParameterizedTest
    @EnumSource(LicenceKind.class)
    void eachLicenceKindShowsItsSurfaceFieldsIdentifierAndAWorkingQrCode(LicenceKind kind) throws IOException {
        Licence licence = seed.licences().stream().filter(l -> l.kind() == kind).findFirst().orElseThrow();
        IssueDetails issue = issue();
        Path pdf = write("licence-" + kind.name().toLowerCase() + ".pdf", issuer.licence(licence, issue));

        assertEquals(1, pages(pdf));
        assertSignedWithSubsetFont(pdf);
        String text = PopplerAndZbar.pdftotext(pdf, 1, 1).replaceAll("\\s+", "");
        assertTrue(text.contains(kind.chinese()), text);
        assertTrue(text.contains(licence.holder().name()), text);
        assertTrue(text.contains(licence.electronicId().toString()), text);
        for (String field : kind.surfaceFieldNames()) {
            assertTrue(text.contains(field) || field.equals("统一社会信用代码"), field + " missing:\n" + text);
        }
        assertQrLeadsTo(pdf, 1, issue.verifyUrl());
    }

    @ParameterizedTest
    @EnumSource(LicenceKind.class)
    void aLicenceNamesItsOwnIssuingAuthorityAsIssuerAndSignerAndThePlatformKeySignsIt(LicenceKind kind)
            throws IOException {
        Licence licence = seed.licences().stream().filter(l -> l.kind() == kind).findFirst().orElseThrow();
        String authority = licence.issuer().name();
        assertFalse(authority.equals(seed.insuranceAgency().name()));
        Path pdf = write("licence-" + kind.name().toLowerCase() + "-issuer.pdf", issuer.licence(licence, issue()));

        String text = PopplerAndZbar.pdftotext(pdf, 1, 1).replaceAll("\\s+", "");
        assertTrue(text.contains("出具机构：" + authority), text);
        assertTrue(text.contains("发证机关：" + authority), text);
        assertFalse(text.contains(seed.insuranceAgency().name()), text);
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            assertEquals(authority, d.getSignatureDictionaries().getFirst().getName());
            assertEquals(authority, d.getDocumentInformation().getAuthor());
        }
        String sig = PopplerAndZbar.pdfsig(pdf);
        assertTrue(sig.contains("O=" + SigningKeys.PLATFORM), sig);
        assertTrue(sig.contains("Signature is Valid."), sig);
    }

    @Test
    void changingOneByteOfASignedPdfMakesPdfsigReportTheSignatureNotValid() throws IOException {
        Licence licence = seed.licences().getFirst();
        byte[] signed = issuer.licence(licence, issue());
        byte[] tampered = signed.clone();
        // byte 10 lies in the binary comment after the %PDF header: inside the signed range, harmless to parsers
        tampered[10] ^= 0x01;
        Path pdf = write("licence-tampered.pdf", tampered);
        String report = PopplerAndZbar.pdfsig(pdf);
        assertTrue(report.contains("Signature Validation:"), report);
        assertFalse(report.contains("Signature is Valid"), report);
    }

    private static void assertSignedWithSubsetFont(Path pdf) {
        String fonts = PopplerAndZbar.pdffonts(pdf);
        assertTrue(SUBSET_FONT.matcher(fonts).find(), fonts);
        assertEquals(1, fonts.lines().filter(l -> l.contains("WenQuanYi")).count(), fonts);
        String sig = PopplerAndZbar.pdfsig(pdf);
        assertTrue(sig.contains("Signature Validation: Signature is Valid."), sig);
        assertTrue(sig.contains("Total document signed"), sig);
        assertTrue(sig.contains("adbe.pkcs7.detached"), sig);
    }

    private static void assertQrLeadsTo(Path pdf, int page, String url) {
        String name = pdf.getFileName().toString().replace(".pdf", "") + "-qr-page" + page;
        Path png = PopplerAndZbar.pageImage(pdf, page, OUT.resolve(name));
        assertEquals(url, PopplerAndZbar.zbarimg(png));
    }

    private static IssueDetails issue() {
        return new IssueDetails(seed.insuranceAgency(), LocalDateTime.of(2025, 6, 18, 9, 30),
                VerificationCodes.generate(RANDOM), BASE);
    }

    private static Path write(String name, byte[] pdf) throws IOException {
        return Files.write(OUT.resolve(name), pdf);
    }

    private static int pages(Path pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            return d.getNumberOfPages();
        }
    }
}
