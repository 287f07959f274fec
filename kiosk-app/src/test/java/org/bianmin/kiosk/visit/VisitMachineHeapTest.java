package org.bianmin.kiosk.visit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.bianmin.device.idcard.EthnicGroup;
import org.bianmin.device.idcard.Expiry;
import org.bianmin.device.idcard.Gender;
import org.bianmin.device.idcard.IdNumbers;
import org.bianmin.device.idcard.ResidentIdCard;
import org.bianmin.device.idcard.Validity;
import org.bianmin.kiosk.backend.Grade;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end of a visit leaves no trace of the citizen in the JVM: a citizen whose name and ID number are
 * made up at run time (so no class file holds them) goes through a whole visit, and a dump of the live
 * heap is searched for both — found while the visit runs, gone once it has ended.
 */
class VisitMachineHeapTest {

    @Test
    void aFinishedVisitLeavesNeitherTheNameNorTheIdNumberOnTheHeap(@TempDir Path dir) {
        VisitScenario k = VisitScenario.aKiosk().started();
        HeapScan scan = new HeapScan();

        visitUntilThePreviewAsAnInventedCitizen(k, scan);
        Set<String> during = scan.dumpAndScan(dir, "during");
        assertEquals(Set.of("ID number as Latin-1", "name as UTF-16LE"), during,
                "while the visit runs its document names the citizen, so the scan must find both");

        k.when().prints().and().confirms().and().grades(Grade.SATISFIED).and().waits(5);
        k.then().visitEnded(EndReason.COMPLETED).and().holdsNoPersonalData();

        assertEquals(Set.of(), scan.dumpAndScan(dir, "after"), "what of the citizen is still on the heap after the visit");
    }

    @Test
    void aVisitEndedByLiftingTheCardDuringThePreviewLeavesNothingOnTheHeap(@TempDir Path dir) {
        VisitScenario k = VisitScenario.aKiosk().started();
        HeapScan scan = new HeapScan();

        visitUntilThePreviewAsAnInventedCitizen(k, scan);
        k.when().liftsTheCard();
        k.then().visitEnded(EndReason.CARD_LIFTED).and().holdsNoPersonalData();

        assertEquals(Set.of(), scan.dumpAndScan(dir, "lifted"), "what of the citizen is still on the heap after the visit");
    }

    /**
     * Invents a citizen, places their card on the idle kiosk (Home holds it until a service is chosen),
     * identifies them and fetches a document that names them, as a real certificate does. The name and
     * number live only in this frame, the card, the document and the scan's masked needles.
     */
    private static void visitUntilThePreviewAsAnInventedCitizen(VisitScenario k, HeapScan scan) {
        Random random = ThreadLocalRandom.current();
        String number = inventIdNumber(random);
        String name = inventName(random);
        scan.look("ID number", number).look("name", name);

        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        pdf.writeBytes("%PDF-1.7\n% 社保参保证明 for ".getBytes(StandardCharsets.UTF_8));
        pdf.writeBytes(name.getBytes(StandardCharsets.UTF_16LE));
        pdf.writeBytes(", 公民身份号码 ".getBytes(StandardCharsets.UTF_8));
        pdf.writeBytes(number.getBytes(StandardCharsets.ISO_8859_1));
        pdf.writeBytes("\n%%EOF".getBytes(StandardCharsets.US_ASCII));
        k.backend.documentPdf.willAnswer(pdf.toByteArray());

        k.when().placesCard(new ResidentIdCard(name, Gender.FEMALE, EthnicGroup.HAN, LocalDate.of(1970, 1, 1), "测试省示例市虚构区样例路9号",
                number, "示例市公安局虚构分局", new Validity(LocalDate.of(2020, 1, 1), Expiry.on(LocalDate.of(2040, 1, 1)))));
        k.when().choosesService(VisitFixtures.SI).and().confirms();
        k.then().step(Step.PREVIEW);
    }

    /** 17 random digits and their MOD 11-2 check character. */
    static String inventIdNumber(Random random) {
        StringBuilder b = new StringBuilder(18);
        b.append((char) ('1' + random.nextInt(6)));
        for (int i = 1; i < 17; i++) {
            b.append((char) ('0' + random.nextInt(10)));
        }
        return b.append(IdNumbers.checkCharacter(b)).toString();
    }

    /** Three random characters of CJK Extension A (U+3400–U+4DB5): a name no fixture and no font table spells. */
    static String inventName(Random random) {
        StringBuilder b = new StringBuilder(3);
        for (int i = 0; i < 3; i++) {
            b.append((char) (0x3400 + random.nextInt(0x4DB5 - 0x3400 + 1)));
        }
        return b.toString();
    }
}
