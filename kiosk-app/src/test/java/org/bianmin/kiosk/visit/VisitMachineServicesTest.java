package org.bianmin.kiosk.visit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bianmin.config.GuideOverride;
import org.bianmin.config.LocalizedText;
import org.bianmin.kiosk.backend.BackendException;
import org.junit.jupiter.api.Test;

/** The home screen's tiles (their order, greyed out by devices or by the backend being offline), and what a visit resets when it ends. */
class VisitMachineServicesTest {

    private static List<String> codes(VisitView v) {
        return v.services().stream().map(ServiceTile::code).toList();
    }

    private static Optional<ServiceRules.Unavailable> why(VisitView v, String code) {
        return v.services().stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow().unavailable();
    }

    @Test
    void withNoServicesConfiguredHomeOffersAllTheBackendListsInItsOrder() {
        VisitScenario k = VisitScenario.aKiosk().started();

        k.when().wakes();

        assertEquals(List.of("si-participation-certificate", "business-licence", "pesticide-licence"), codes(k.view()));
        assertTrue(k.view().services().stream().allMatch(ServiceTile::available));
    }

    @Test
    void configuredServicesAreOfferedInTheConfiguredOrderAndUnknownOnesLeftOut() {
        VisitScenario k = VisitScenario.aKiosk().enabledServices("pesticide-licence", "no-such-service", "si-participation-certificate")
                .started();

        k.when().wakes();

        assertEquals(List.of("pesticide-licence", "si-participation-certificate"), codes(k.view()));
        k.when().choosesService(VisitFixtures.BUSINESS_LICENCE);
        k.then().step(Step.HOME);
    }

    @Test
    void theIdleScreenListsNoServices() {
        VisitScenario k = VisitScenario.aKiosk().started();

        assertEquals(List.of(), k.view().services());
    }

    @Test
    void withTheBackendOfflineEveryServiceIsGreyedOutAndCannotBeChosen() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.backend.services.alwaysFails(BackendException.Kind.UNREACHABLE);
        k.given().visitAt(Stage.HOME, IdentifyMethod.ID_CARD);

        k.when().theBackendGoes(false);

        assertFalse(k.view().backendOnline());
        assertTrue(k.view().services().stream().allMatch(t -> t.unavailable().equals(Optional.of(ServiceRules.Unavailable.BACKEND_OFFLINE))));
        k.when().choosesService(VisitFixtures.SI);
        k.then().step(Step.HOME);
    }

    @Test
    void whenTheBackendReturnsItsListIsFetchedAgainAndTheServicesComeBack() {
        VisitScenario k = VisitScenario.aKiosk().backendOffline().started();
        k.given().visitAt(Stage.HOME, IdentifyMethod.ID_CARD);
        assertEquals(List.of(), k.view().services(), "no list yet");
        assertFalse(k.view().backendOnline());

        k.backend.services.recovers();
        k.when().theBackendGoes(true);

        assertTrue(k.view().backendOnline());
        assertEquals(3, k.view().services().size());
        k.when().choosesService(VisitFixtures.SI);
        k.then().step(Step.IDENTIFY);
    }

    @Test
    void aServiceListThatFailsToLoadKeepsTheLastOne() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.backend.services.willFail(BackendException.Kind.SERVER_ERROR);

        k.when().wakes();

        assertEquals(3, k.view().services().size());
    }

    @Test
    void theDocumentPrinterOutOfServiceGreysOutEveryService() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.HOME, IdentifyMethod.ID_CARD);

        k.when().devicesBecome(new Availability(true, true, false, true));

        assertTrue(k.view().services().stream()
                .allMatch(t -> t.unavailable().equals(Optional.of(ServiceRules.Unavailable.PRINTER_OUT_OF_SERVICE))));
        k.when().choosesService(VisitFixtures.SI);
        k.then().step(Step.HOME);
    }

    @Test
    void theReceiptPrinterOutOfServiceGreysOutNothing() {
        VisitScenario k = VisitScenario.aKiosk().devices(new Availability(true, true, true, false)).started();

        k.when().wakes();

        assertTrue(k.view().services().stream().allMatch(ServiceTile::available));
    }

    @Test
    void aRequiredReceiptPrinterOutOfServiceGreysOutEveryServiceAndHomeNamesIt() {
        Set<Availability.Equipment> required = EnumSet.allOf(Availability.Equipment.class);
        VisitScenario k = VisitScenario.aKiosk().devices(new Availability(true, true, true, false, required)).started();

        k.when().wakes();

        assertTrue(k.view().services().stream()
                .allMatch(t -> t.unavailable().equals(Optional.of(ServiceRules.Unavailable.RECEIPT_PRINTER_OUT_OF_SERVICE))));
        assertEquals(List.of(Availability.Equipment.RECEIPT_PRINTER), k.view().devicesOut());
        assertEquals(List.of("si-participation-certificate", "business-licence", "pesticide-licence"), k.machine.servicesOut(),
                "the heartbeat's services out");
        k.when().devicesBecome(new Availability(true, true, true, true, required));
        assertTrue(k.view().services().stream().allMatch(ServiceTile::available));
        assertEquals(List.of(), k.view().devicesOut(), "Home stops naming it once it is back");
        assertEquals(List.of(), k.machine.servicesOut());
    }

    @Test
    void aRequiredCardReaderOutOfServiceTakesOutOnlyWhatNeedsItAndHomeNamesIt() {
        VisitScenario k = VisitScenario.aKiosk().devices(new Availability(false, true, true, true)).started();

        k.when().wakes();

        assertEquals(List.of(Availability.Equipment.ID_CARD_READER), k.view().devicesOut());
        assertTrue(k.view().services().stream().allMatch(ServiceTile::available), "every service still takes a QR code");
        assertEquals(List.of(), k.machine.servicesOut());
    }

    @Test
    void anOptionalDeviceOutOfServiceIsNotNamedOnHome() {
        VisitScenario k = VisitScenario.aKiosk().devices(new Availability(true, true, true, false)).started();

        k.when().wakes();

        assertEquals(List.of(), k.view().devicesOut());
    }

    @Test
    void servicesPausedOnlyForTheBackendAreNotCountedOutForWantOfADevice() {
        VisitScenario k = VisitScenario.aKiosk().backendOffline().started();

        k.when().wakes();

        assertEquals(List.of(), k.machine.servicesOut());
    }

    @Test
    void withTheCardReaderOutOfServiceTheCitizensServiceTakesOnlyItsCode() {
        VisitScenario k = VisitScenario.aKiosk().devices(new Availability(false, true, true, true)).started();
        k.given().visitAt(Stage.HOME, IdentifyMethod.ID_CARD);

        k.when().choosesService(VisitFixtures.SI);

        k.then().step(Step.IDENTIFY);
        assertEquals(Set.of(IdentifyMethod.QR_CODE), k.view().methods());
        k.when().placesTheCard();
        k.then().step(Step.IDENTIFY).and().hint(Hint.Kind.CARD_NOT_FOR_SERVICE);
        k.when().scans(VisitFixtures.CITIZEN_CODE);
        k.then().step(Step.SERVICE_GUIDE);
    }

    @Test
    void withTheScannerOutOfServiceLicencesAreGreyedOutAndTheCitizensServiceTakesTheCard() {
        VisitScenario k = VisitScenario.aKiosk().devices(new Availability(true, false, true, true)).started();

        k.when().wakes();

        assertEquals(Optional.empty(), why(k.view(), "si-participation-certificate"));
        assertEquals(Optional.of(ServiceRules.Unavailable.READER_OUT_OF_SERVICE), why(k.view(), "business-licence"));
        k.when().choosesService(VisitFixtures.SI);
        assertEquals(Set.of(IdentifyMethod.ID_CARD), k.view().methods());
        k.when().scans(VisitFixtures.CITIZEN_CODE);
        k.then().hint(Hint.Kind.WRONG_CODE);
    }

    @Test
    void withNeitherReaderNorScannerEveryServiceIsGreyedOut() {
        VisitScenario k = VisitScenario.aKiosk().devices(new Availability(false, false, true, true)).started();

        k.when().wakes();

        assertTrue(k.view().services().stream()
                .allMatch(t -> t.unavailable().equals(Optional.of(ServiceRules.Unavailable.READER_OUT_OF_SERVICE))));
    }

    @Test
    void theCitizensServiceOffersBothWaysAndALicenceOnlyItsCode() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.HOME, IdentifyMethod.ID_CARD);

        k.when().choosesService(VisitFixtures.SI);
        assertEquals(EnumSet.allOf(IdentifyMethod.class), k.view().methods());
        k.when().goesBack().and().choosesService(VisitFixtures.BUSINESS_LICENCE);
        assertEquals(Set.of(IdentifyMethod.QR_CODE), k.view().methods());
    }

    @Test
    void languageAndElderModeLastForTheVisitAndAreResetWhenItEnds() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.when().choosesLanguage(Language.EN).and().choosesElderMode();
        k.given().visitAt(Stage.PREVIEW, IdentifyMethod.QR_CODE);
        assertEquals(Language.EN, k.view().language());
        assertTrue(k.view().elderMode());

        k.when().exits();

        assertEquals(Language.ZH_CN, k.view().language());
        assertFalse(k.view().elderMode());
        k.when().wakes();
        assertEquals(Language.ZH_CN, k.view().language());
        assertFalse(k.view().elderMode());
        k.then().secondsTotal(60);
    }

    @Test
    void theConfiguredDefaultLanguageIsWhereEveryVisitStarts() {
        VisitScenario k = VisitScenario.aKiosk().defaultLanguage(Language.EN).started();
        k.when().wakes().and().choosesLanguage(Language.ZH_CN).and().exits();

        k.when().wakes();

        assertEquals(Language.EN, k.view().language());
    }

    @Test
    void newSettingsTakeEffectFromTheNextVisit() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.HOME, IdentifyMethod.ID_CARD);
        VisitMachine.Settings next = new VisitMachine.Settings(Timeouts.defaults(), Language.EN, List.of("business-licence"), 96f);

        k.machine.applySettings(next);
        k.when().asksForMoreTime();

        assertEquals(3, k.view().services().size(), "this visit keeps its services");
        assertEquals(Language.ZH_CN, k.view().language());
        k.when().exits();
        assertEquals(Language.EN, k.view().language(), "the idle screen speaks the new default");
        k.when().wakes();
        assertEquals(List.of("business-licence"), codes(k.view()));
    }

    @Test
    void theConfiguredNoticesAreOnHomeOnlyAndNewOnesFromTheNextVisit() {
        VisitScenario k = VisitScenario.aKiosk().started();
        LocalizedText privacy = new LocalizedText("本机不保存您的个人信息。", Optional.of("This kiosk keeps none of your personal data."));
        k.machine.applySettings(new VisitMachine.Settings(Timeouts.defaults(), Language.ZH_CN, List.of(), 96f, List.of(privacy), Map.of()));

        assertEquals(List.of(), k.view().notices(), "the idle screen shows no notices");
        k.when().wakes();
        assertEquals(List.of(privacy), k.view().notices());
        k.when().choosesService(VisitFixtures.SI);
        assertEquals(List.of(), k.view().notices(), "only Home shows them");
    }

    @Test
    void theConfiguredGuideChangeIsOnItsServicesGuideOnlyAndANewOneFromTheNextVisit() {
        VisitScenario k = VisitScenario.aKiosk().started();
        LocalizedText office = new LocalizedText("本镇市场监管所在镇政府二楼", Optional.of("Market regulation office: township government, first floor"));
        GuideOverride licence = new GuideOverride(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(office));
        k.given().visitAt(Stage.SERVICE_GUIDE, IdentifyMethod.QR_CODE);

        k.machine.applySettings(new VisitMachine.Settings(Timeouts.defaults(), Language.ZH_CN, List.of(), 96f, List.of(),
                Map.of(VisitFixtures.BUSINESS_LICENCE.code(), licence)));
        k.when().asksForMoreTime();

        assertEquals(Optional.empty(), k.view().guideOverride(), "the visit under way keeps the guide it started with");
        k.when().exits();
        k.given().visitAt(Stage.SERVICE_GUIDE, IdentifyMethod.QR_CODE);
        assertEquals(Optional.of(licence), k.view().guideOverride(), "the next visit's guide has the change");
        k.machine.back();
        assertEquals(Step.HOME, k.view().step());
        assertEquals(Optional.empty(), k.view().guideOverride(), "only the guide shows it");
        k.when().exits();
        k.given().visitAt(Stage.SERVICE_GUIDE, IdentifyMethod.ID_CARD);
        assertEquals(Optional.empty(), k.view().guideOverride(), "another service's guide is the backend's");
    }

    @Test
    void aVisitsNumberCountsUpAndIsZeroWhileIdle() {
        VisitScenario k = VisitScenario.aKiosk().started();
        assertEquals(0, k.view().visit());
        k.when().wakes();
        assertEquals(1, k.view().visit());
        k.when().exits();
        assertEquals(0, k.view().visit());
        k.when().wakes();
        assertEquals(2, k.view().visit());
    }

    @Test
    void aViewListenerAddedLateIsGivenTheCurrentView() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.when().wakes();
        List<VisitView> seen = new ArrayList<>();

        k.machine.addViewListener(seen::add);

        assertEquals(List.of(k.view()), seen);
    }

    @Test
    void aFailingViewListenerDoesNotStopTheVisit() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.machine.addViewListener(v -> {
            throw new IllegalStateException("scripted: a broken screen");
        });

        k.when().wakes().and().choosesService(VisitFixtures.SI).and().placesTheCard();

        k.then().step(Step.SERVICE_GUIDE);
    }

    @Test
    void aViewsTextNamesNoOne() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.PREVIEW, IdentifyMethod.ID_CARD);

        String text = k.view().toString();

        assertFalse(text.contains("测"), text);
        assertFalse(text.contains("0015"), text);
    }
}
