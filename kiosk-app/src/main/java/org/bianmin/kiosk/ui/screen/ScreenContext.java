package org.bianmin.kiosk.ui.screen;

import java.util.function.Consumer;
import javafx.animation.Animation;
import org.bianmin.kiosk.ui.Texts;
import org.bianmin.kiosk.visit.VisitMachine;

/** What a screen needs while it builds: the words of the view's language, the machine's inputs, a home for its animations. */
public final class ScreenContext {
    private final Texts texts;
    private final VisitMachine inputs;
    private final Consumer<Animation> animations;

    /** @param animations told of every animation started, to stop it when the screen is replaced */
    public ScreenContext(Texts texts, VisitMachine inputs, Consumer<Animation> animations) {
        this.texts = texts;
        this.inputs = inputs;
        this.animations = animations;
    }

    public Texts texts() {
        return texts;
    }

    /** Where buttons send the citizen's presses; its methods return at once (the machine runs on its own thread). */
    public VisitMachine inputs() {
        return inputs;
    }

    /** Plays an animation until the screen is replaced. */
    public void animate(Animation a) {
        animations.accept(a);
        a.play();
    }
}
