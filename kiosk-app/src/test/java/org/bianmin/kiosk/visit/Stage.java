package org.bianmin.kiosk.visit;

/** Where a test puts a visit before it acts: a step, and inside Identify and Evaluate the phase. */
enum Stage {
    IDLE(Step.IDLE),
    HOME(Step.HOME),
    /** A card was placed on the idle kiosk: Home, with the card read but no one identified yet (cards only). */
    HOME_HOLDING_A_CARD(Step.HOME),
    /** Identified, then back from the guide to Home. */
    HOME_IDENTIFIED(Step.HOME),
    IDENTIFY_WAITING(Step.IDENTIFY),
    /** The card or code was presented and the backend has not answered yet. */
    IDENTIFY_CHECKING(Step.IDENTIFY),
    SERVICE_GUIDE(Step.SERVICE_GUIDE),
    /** The document was asked for and the backend has not answered yet. */
    FETCH(Step.FETCH),
    PREVIEW(Step.PREVIEW),
    /** The order was handed to the printers and has not finished yet. */
    PRINT(Step.PRINT),
    DONE(Step.DONE),
    EVALUATE_GRADE(Step.EVALUATE),
    EVALUATE_REASONS(Step.EVALUATE),
    EVALUATE_THANKS(Step.EVALUATE),
    /** The backend did not answer the document request: the problem screen offers to try again. */
    PROBLEM(Step.PROBLEM);

    private final Step step;

    Stage(Step step) {
        this.step = step;
    }

    Step step() {
        return step;
    }
}
