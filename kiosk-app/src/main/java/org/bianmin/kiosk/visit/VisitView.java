package org.bianmin.kiosk.visit;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bianmin.config.GuideOverride;
import org.bianmin.config.LocalizedText;
import org.bianmin.kiosk.backend.DocumentTicket;
import org.bianmin.kiosk.backend.Grade;
import org.bianmin.kiosk.backend.IndicatorSet;
import org.bianmin.kiosk.backend.ServiceInfo;
import org.bianmin.kiosk.print.PrintPart;
import org.bianmin.kiosk.print.PrintProgress;

/**
 * Everything a screen shows, as one immutable snapshot published after each change. Views render
 * it and keep nothing from it once the next one arrives. {@code toString()} holds no personal data.
 *
 * @param visit the visit's number since start-up, 0 while idle
 * @param secondsLeft seconds before the step's timeout acts; 0 on the idle screen
 * @param warning whether the countdown is in its last seconds (show "more time" prominently)
 * @param services the home screen's tiles in order, greyed out ones included
 * @param methods how the citizen may identify for the chosen service, given the devices now
 * @param pages the document's rendered pages (the citizen's document: wiped with the visit)
 * @param zoom 1.0 = page fits the screen
 * @param cardOnReader the card used for this visit (or left from the last one) is still on the reader
 * @param receiptMissing the document printed but its receipt did not
 * @param devicesOut the required devices that are out of service now, for Home to name
 * @param notices    the config's short notices, on Home only
 * @param guideOverride the config's changes to the chosen service's guide, on the guide only
 */
public record VisitView(long visit, Step step, Language language, boolean elderMode, int secondsLeft, int secondsTotal,
                        boolean warning, boolean backendOnline, List<ServiceTile> services, Optional<ServiceInfo> service,
                        Set<IdentifyMethod> methods, IdentifyPhase identifyPhase, Optional<Hint> hint,
                        Optional<ShownIdentity> identity, List<BufferedImage> pages, int page, double zoom,
                        Map<PrintPart, PrintProgress> printProgress, Optional<DocumentTicket> ticket, boolean receiptMissing,
                        boolean cardOnReader, Optional<IndicatorSet> indicators, EvaluatePhase evaluatePhase,
                        Optional<Grade> grade, Set<String> chosenIndicators, Optional<Problem> problem,
                        List<Availability.Equipment> devicesOut, List<LocalizedText> notices, Optional<GuideOverride> guideOverride) {

    /** Where the Identify screen is: waiting for a card or code, or checking the one presented. */
    public enum IdentifyPhase { WAITING, CHECKING }

    /** Where the 好差评 screen is: the grade, then (for a bad grade) what went wrong, then thanks. */
    public enum EvaluatePhase { GRADE, REASONS, THANKS }

    public boolean exitAllowed() {
        return step.inVisit() && !step.busy();
    }

    @Override
    public String toString() {
        return "VisitView[visit " + visit + ", " + step + ", " + language + (elderMode ? ", elder" : "") + ", " + secondsLeft
                + "s left" + (backendOnline ? "" : ", backend offline") + service.map(s -> ", " + s.code()).orElse("")
                + (pages.isEmpty() ? "" : ", page " + (page + 1) + "/" + pages.size()) + problem.map(p -> ", " + p.kind()).orElse("")
                + (devicesOut.isEmpty() ? "" : ", out of service " + devicesOut) + "]";
    }
}
