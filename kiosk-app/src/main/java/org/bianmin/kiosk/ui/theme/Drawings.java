package org.bianmin.kiosk.ui.theme;

import javafx.animation.Animation;
import javafx.animation.Interpolator;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.QuadCurve;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.StrokeLineCap;
import javafx.util.Duration;
import org.bianmin.kiosk.backend.Grade;

/**
 * The pictures of the screens, drawn with shapes: the ID card going onto the reader, the phone
 * showing its QR code to the scanner, the five faces of 好差评. Sizes are in pixels at normal type;
 * {@code scale} enlarges them for elder mode.
 */
public final class Drawings {
    private static final Color INK = Color.web("#1d2b44");
    private static final Color READER = Color.web("#3b4a63");
    private static final Color CARD = Color.web("#dbe8f7");
    private static final Color LIGHT_ON = Color.web("#35c46a");

    private Drawings() {}

    /** A drawing and the animation that brings it to life (not yet playing). */
    public record Animated(Node node, Animation animation) {}

    /** An ID card that glides down onto the reader, over and over, while the reader's guide light blinks. */
    public static Animated cardOntoReader(String readerLabel, double scale) {
        Rectangle reader = new Rectangle(0, 190, 320, 60);
        reader.setArcWidth(18);
        reader.setArcHeight(18);
        reader.setFill(READER);
        Rectangle pad = new Rectangle(40, 178, 240, 18);
        pad.setArcWidth(10);
        pad.setArcHeight(10);
        pad.setFill(Color.web("#5b6d8a"));
        Circle light = new Circle(292, 220, 9, LIGHT_ON);
        light.setStroke(Color.WHITE);
        light.setStrokeWidth(2);
        javafx.scene.text.Text label = new javafx.scene.text.Text(24, 229, readerLabel);
        label.setFill(Color.WHITE);
        label.getStyleClass().add("drawing-label");

        Group card = idCard();
        card.setTranslateX(55);
        Timeline glide = new Timeline(
                new KeyFrame(Duration.ZERO, new KeyValue(card.translateYProperty(), 0), new KeyValue(card.opacityProperty(), 1.0)),
                new KeyFrame(Duration.millis(1400), new KeyValue(card.translateYProperty(), 62, Interpolator.EASE_OUT)),
                new KeyFrame(Duration.millis(2800), new KeyValue(card.translateYProperty(), 62), new KeyValue(card.opacityProperty(), 1.0)),
                new KeyFrame(Duration.millis(3200), new KeyValue(card.opacityProperty(), 0.0)),
                new KeyFrame(Duration.millis(250), e -> light.setOpacity(1.0)),
                new KeyFrame(Duration.millis(750), e -> light.setOpacity(0.25)),
                new KeyFrame(Duration.millis(1250), e -> light.setOpacity(1.0)),
                new KeyFrame(Duration.millis(1750), e -> light.setOpacity(0.25)),
                new KeyFrame(Duration.millis(2250), e -> light.setOpacity(1.0)),
                new KeyFrame(Duration.millis(2750), e -> light.setOpacity(0.25)));
        glide.setCycleCount(Animation.INDEFINITE);
        Group g = new Group(reader, pad, light, label, card);
        return new Animated(scaled(g, scale), glide);
    }

    /** A phone with a QR code on its screen that moves down to the scanner window and back. */
    public static Animated phoneToScanner(String scannerLabel, double scale) {
        Rectangle scanner = new Rectangle(60, 205, 200, 50);
        scanner.setArcWidth(18);
        scanner.setArcHeight(18);
        scanner.setFill(READER);
        Rectangle window = new Rectangle(100, 196, 120, 14);
        window.setArcWidth(8);
        window.setArcHeight(8);
        window.setFill(Color.web("#9fc3ff"));
        javafx.scene.text.Text label = new javafx.scene.text.Text(84, 242, scannerLabel);
        label.setFill(Color.WHITE);
        label.getStyleClass().add("drawing-label");

        Group phone = new Group();
        Rectangle body = new Rectangle(0, 0, 110, 170);
        body.setArcWidth(22);
        body.setArcHeight(22);
        body.setFill(INK);
        Rectangle screen = new Rectangle(8, 14, 94, 142);
        screen.setFill(Color.WHITE);
        phone.getChildren().addAll(body, screen, qrCode(15, 40, 80));
        phone.setTranslateX(105);
        Timeline move = new Timeline(
                new KeyFrame(Duration.ZERO, new KeyValue(phone.translateYProperty(), -10)),
                new KeyFrame(Duration.millis(1300), new KeyValue(phone.translateYProperty(), 20, Interpolator.EASE_BOTH)),
                new KeyFrame(Duration.millis(1300), e -> window.setOpacity(1.0)),
                new KeyFrame(Duration.millis(1700), e -> window.setOpacity(0.3)),
                new KeyFrame(Duration.millis(2100), e -> window.setOpacity(1.0)),
                new KeyFrame(Duration.millis(2600), new KeyValue(phone.translateYProperty(), 20)),
                new KeyFrame(Duration.millis(3200), new KeyValue(phone.translateYProperty(), -10, Interpolator.EASE_BOTH)));
        move.setCycleCount(Animation.INDEFINITE);
        Rectangle room = new Rectangle(0, -20, 320, 280);
        room.setFill(Color.TRANSPARENT);
        Group g = new Group(room, scanner, window, label, phone);
        return new Animated(scaled(g, scale), move);
    }

    /** A face whose mouth says the grade: a broad smile for 非常满意 down to a deep frown for 非常不满意. */
    public static Node face(Grade grade, double size) {
        double r = size / 2;
        Circle head = new Circle(r, r, r - 2, Color.web("#ffe08a"));
        head.setStroke(Color.web("#6b5200"));
        head.setStrokeWidth(Math.max(2, size / 24));
        Circle left = new Circle(r * 0.65, r * 0.75, size / 14, INK);
        Circle right = new Circle(r * 1.35, r * 0.75, size / 14, INK);
        // control point below the mouth's ends smiles, above frowns
        double bend = switch (grade) {
            case VERY_SATISFIED -> 0.55;
            case SATISFIED -> 0.35;
            case BASICALLY_SATISFIED -> 0.12;
            case DISSATISFIED -> -0.25;
            case VERY_DISSATISFIED -> -0.45;
        };
        double y = bend >= 0 ? r * 1.25 : r * 1.45;
        QuadCurve mouth = new QuadCurve(r * 0.55, y, r, y + bend * r, r * 1.45, y);
        mouth.setFill(Color.TRANSPARENT);
        mouth.setStroke(INK);
        mouth.setStrokeWidth(Math.max(3, size / 16));
        mouth.setStrokeLineCap(StrokeLineCap.ROUND);
        return new Group(head, left, right, mouth);
    }

    private static Group idCard() {
        Rectangle body = new Rectangle(0, 0, 210, 132);
        body.setArcWidth(16);
        body.setArcHeight(16);
        body.setFill(CARD);
        body.setStroke(Color.web("#6d8fb8"));
        body.setStrokeWidth(2);
        Rectangle photo = new Rectangle(144, 22, 48, 62);
        photo.setFill(Color.web("#a9bfdc"));
        Group g = new Group(body, photo);
        for (int i = 0; i < 4; i++) {
            Rectangle line = new Rectangle(16, 24 + i * 18, i == 3 ? 70 : 110, 8);
            line.setFill(Color.web("#8aa4c6"));
            g.getChildren().add(line);
        }
        Rectangle number = new Rectangle(16, 106, 176, 10);
        number.setFill(Color.web("#6d8fb8"));
        g.getChildren().add(number);
        return g;
    }

    /** A QR-like picture: three finder squares and a fixed scatter of modules (it encodes nothing). */
    private static Group qrCode(double x, double y, double size) {
        int n = 21;
        double m = size / n;
        Group g = new Group();
        long bits = 0x5DEECE66DL;
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                boolean finder = (row < 8 && col < 8) || (row < 8 && col >= n - 8) || (row >= n - 8 && col < 8);
                boolean dark;
                if (finder) {
                    int fr = row < 8 ? row : row - (n - 7);
                    int fc = col < 8 ? col : col - (n - 7);
                    dark = fr >= 0 && fr < 7 && fc >= 0 && fc < 7
                            && (fr == 0 || fr == 6 || fc == 0 || fc == 6 || (fr >= 2 && fr <= 4 && fc >= 2 && fc <= 4));
                } else {
                    bits = (bits * 0x5DEECE66DL + 0xBL) & ((1L << 48) - 1);
                    dark = ((bits >>> 20) & 3) == 0 || ((bits >>> 22) & 7) == 1;
                }
                if (dark) {
                    g.getChildren().add(new Rectangle(x + col * m, y + row * m, m, m));
                }
            }
        }
        return g;
    }

    private static Node scaled(Group g, double scale) {
        g.setScaleX(scale);
        g.setScaleY(scale);
        // a Group's layout bounds ignore its scale; wrap it so the layout makes room for the scaled size
        return new Group(g);
    }
}
