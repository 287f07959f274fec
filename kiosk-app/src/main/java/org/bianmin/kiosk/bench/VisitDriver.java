package org.bianmin.kiosk.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.bianmin.device.DeviceEvent;
import org.bianmin.device.idcard.IdCardEvent;
import org.bianmin.device.idcard.IdCardReader;
import org.bianmin.device.idcard.sim.CardFixtures;
import org.bianmin.device.link.LinkException;
import org.bianmin.device.sim.SimulatedDevices;
import org.bianmin.kiosk.backend.Grade;
import org.bianmin.kiosk.ui.HeadlessKiosk;
import org.bianmin.kiosk.visit.IdentifyMethod;
import org.bianmin.kiosk.visit.ServiceRules;
import org.bianmin.kiosk.visit.Step;
import org.bianmin.kiosk.visit.VisitView;

/**
 * Plays a citizen on the kiosk's real window: presses the buttons a finger would by id, on the FX thread
 * and with no pointer delays, and puts the ID card or the QR code on the device simulators. A card visit
 * times three segments from the input to the screen that answers it.
 */
final class VisitDriver {
    /** The backend's demo service that takes the e-business-licence QR code. */
    static final String LICENCE_SERVICE = "business-licence";
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);

    /**
     * One card visit's segments in nanoseconds, each from the input to the end of rendering the answering screen.
     *
     * @param placedToShown the card laid on the reader → the guide with the confirmed identity (reader polling,
     *     RF and wire time included)
     * @param readToShown the reader's "card read" event → the same screen: the kiosk's own part
     * @param confirmToPreview "confirm" pressed on the guide → the preview's first page
     * @param printToDone "print" pressed → the Done screen, the A4 job and the receipt both finished
     */
    record CardVisit(long placedToShown, long readToShown, long confirmToPreview, long printToDone) {}

    /** A visit that did not reach its next screen; the message says where it stopped (no personal data). */
    static final class VisitFailed extends Exception {
        VisitFailed(String message) {
            super(message);
        }
    }

    private final HeadlessKiosk screen;
    private final SimulatedDevices devices;
    private final String licenceCode;
    private final AtomicLong cardReadAt = new AtomicLong();

    /** @param licenceCode an e-business-licence QR code the backend knows, for QR visits */
    VisitDriver(HeadlessKiosk screen, SimulatedDevices devices, IdCardReader reader, String licenceCode) {
        this.screen = screen;
        this.devices = devices;
        this.licenceCode = licenceCode;
        Consumer<DeviceEvent> stamp = e -> {
            if (e instanceof IdCardEvent.CardPlaced) {
                cardReadAt.set(System.nanoTime());
            }
        };
        reader.addListener(stamp);
    }

    /** Waits until the attract screen is up with the backend reachable: where every visit starts. */
    void awaitIdle() throws VisitFailed {
        await(screen.whenRendered(VisitDriver::idleAndOnline), "the attract screen with the backend online");
    }

    /** The social-insurance certificate by ID card, from the attract screen back to it; timed. */
    CardVisit cardVisit() throws VisitFailed {
        until(v -> v.step() == Step.HOME && available(v, ServiceRules.SI_CERTIFICATE), "the home screen", () -> press("idle"));
        until(v -> v.step() == Step.IDENTIFY && v.methods().contains(IdentifyMethod.ID_CARD)
                && v.identifyPhase() == VisitView.IdentifyPhase.WAITING, "the identify screen",
                () -> press("service-" + ServiceRules.SI_CERTIFICATE));

        cardReadAt.set(0);
        long placed = System.nanoTime();
        HeadlessKiosk.Rendered guide = until(VisitDriver::guideWithConfirmedIdentity, "the guide after the card was read",
                () -> devices.idCardSimulator().placeCard(CardFixtures.resident()));
        long read = cardReadAt.get();
        if (read == 0) {
            throw new VisitFailed("the guide was shown but the reader never said it read the card");
        }

        long confirmed = System.nanoTime();
        HeadlessKiosk.Rendered preview = until(v -> v.step() == Step.PREVIEW && !v.pages().isEmpty(), "the preview",
                () -> press("confirm"));

        long printed = System.nanoTime();
        HeadlessKiosk.Rendered done = until(v -> v.step() == Step.DONE, "the Done screen", () -> press("print"));
        if (done.view().receiptMissing()) {
            throw new VisitFailed("the document printed but the receipt did not: " + done.view().printProgress());
        }

        HeadlessKiosk.Rendered after = until(v -> v.step() == Step.EVALUATE || idleAndOnline(v), "the evaluation after the card was taken",
                () -> devices.idCardSimulator().removeCard());
        evaluateAndLeave(after.view());
        return new CardVisit(guide.nanoTime() - placed, guide.nanoTime() - read, preview.nanoTime() - confirmed,
                done.nanoTime() - printed);
    }

    /** The business licence by its QR code, from the attract screen back to it. */
    void qrVisit() throws VisitFailed {
        until(v -> v.step() == Step.HOME && available(v, LICENCE_SERVICE), "the home screen", () -> press("idle"));
        until(v -> v.step() == Step.IDENTIFY && v.methods().contains(IdentifyMethod.QR_CODE)
                && v.identifyPhase() == VisitView.IdentifyPhase.WAITING, "the identify screen", () -> press("service-" + LICENCE_SERVICE));
        until(VisitDriver::guideWithConfirmedIdentity, "the guide after the code was scanned", () -> {
            try {
                devices.scannerSimulator().scan(licenceCode);
            } catch (LinkException e) {
                throw new VisitFailed("the scanner simulator could not send the code: " + e.getMessage());
            }
        });
        until(v -> v.step() == Step.PREVIEW && !v.pages().isEmpty(), "the preview", () -> press("confirm"));
        HeadlessKiosk.Rendered done = until(v -> v.step() == Step.DONE, "the Done screen", () -> press("print"));
        if (done.view().receiptMissing()) {
            throw new VisitFailed("the document printed but the receipt did not: " + done.view().printProgress());
        }
        HeadlessKiosk.Rendered after = until(v -> v.step() == Step.EVALUATE || idleAndOnline(v), "the evaluation",
                () -> press("continue"));
        evaluateAndLeave(after.view());
    }

    /** Very satisfied, then Exit on the thanks instead of waiting out its seconds. */
    private void evaluateAndLeave(VisitView evaluate) throws VisitFailed {
        if (evaluate.step() != Step.EVALUATE) {
            return;
        }
        until(v -> v.step() == Step.EVALUATE && v.evaluatePhase() == VisitView.EvaluatePhase.THANKS, "the thanks",
                () -> press("grade-" + Grade.VERY_SATISFIED));
        until(VisitDriver::idleAndOnline, "the attract screen after the visit", () -> press("exit"));
    }

    private interface Input {
        void run() throws VisitFailed;
    }

    /** Gives the input, then waits for a rendered view that matches; a problem screen instead ends the visit. */
    private HeadlessKiosk.Rendered until(Predicate<VisitView> wanted, String what, Input input) throws VisitFailed {
        CompletableFuture<HeadlessKiosk.Rendered> f = screen.whenRendered(v -> v.step() == Step.PROBLEM || wanted.test(v));
        input.run();
        return await(f, what);
    }

    private HeadlessKiosk.Rendered await(CompletableFuture<HeadlessKiosk.Rendered> f, String what) throws VisitFailed {
        HeadlessKiosk.Rendered r;
        try {
            r = f.get(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new VisitFailed("no " + what + " within " + STEP_TIMEOUT.toSeconds() + " s; the screen shows " + screen.rendered());
        } catch (ExecutionException e) {
            throw new VisitFailed("waiting for " + what + " failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VisitFailed("interrupted while waiting for " + what);
        }
        if (r.view().step() == Step.PROBLEM) {
            throw new VisitFailed("the kiosk showed a problem screen instead of " + what + ": " + r.view());
        }
        return r;
    }

    private void press(String id) throws VisitFailed {
        if (!screen.press(id)) {
            throw new VisitFailed("nothing to press with id '" + id + "' on " + screen.rendered());
        }
    }

    private static boolean idleAndOnline(VisitView v) {
        return v.step() == Step.IDLE && v.backendOnline();
    }

    private static boolean guideWithConfirmedIdentity(VisitView v) {
        return v.step() == Step.SERVICE_GUIDE && v.identity().map(i -> i.confirmed()).orElse(false);
    }

    private static boolean available(VisitView v, String service) {
        return v.services().stream().anyMatch(t -> t.code().equals(service) && t.available());
    }
}
