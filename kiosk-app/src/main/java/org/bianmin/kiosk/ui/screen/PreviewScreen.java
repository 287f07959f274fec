package org.bianmin.kiosk.ui.screen;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.bianmin.kiosk.ui.Texts;
import org.bianmin.kiosk.ui.theme.Icon;
import org.bianmin.kiosk.visit.VisitView;

/**
 * The document's pages, one at a time, with page and zoom buttons and one big 打印. Pages are copied
 * pixel by pixel into JavaFX images, kept while the view holds their pages and overwritten and dropped
 * as soon as a view arrives without them (the citizen's document must not outlive the visit).
 * Ids: {@code #page-view}, {@code #page-image}, {@code #page-number}, {@code #previous-page},
 * {@code #next-page}, {@code #zoom-in}, {@code #zoom-out}, {@code #print}, {@code #back}.
 */
public final class PreviewScreen implements Screen {
    private final Map<BufferedImage, WritableImage> images = new IdentityHashMap<>();

    @Override
    public void observe(VisitView view) {
        if (images.isEmpty()) {
            return;
        }
        List<BufferedImage> keep = view.pages();
        images.entrySet().removeIf(e -> {
            boolean drop = keep.stream().noneMatch(p -> p == e.getKey());
            if (drop) {
                wipe(e.getValue());
            }
            return drop;
        });
    }

    /** How many page images the screen holds (none once the visit has left the preview). */
    public int heldImages() {
        return images.size();
    }

    @Override
    public Node build(VisitView view, ScreenContext c) {
        Texts t = c.texts();
        int count = view.pages().size();
        int index = Math.min(Math.max(view.page(), 0), Math.max(count - 1, 0));

        ImageView image = new ImageView();
        image.setId("page-image");
        image.setPreserveRatio(true);
        image.setSmooth(true);
        StackPane holder = new StackPane(image);
        holder.getStyleClass().add("page-holder");
        ScrollPane scroll = new ScrollPane(holder);
        scroll.setId("page-view");
        scroll.getStyleClass().add("page-view");
        scroll.setPannable(true);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        HBox.setHgrow(scroll, Priority.ALWAYS);
        if (count > 0) {
            image.setImage(imageOf(view.pages().get(index)));
            // zoom 1.0 fits the page's height to the viewer; a larger zoom scrolls
            image.fitHeightProperty().bind(scroll.heightProperty().subtract(24).multiply(view.zoom()));
        }

        Label number = Widgets.label(t.format("preview.page", index + 1, count), "page-number");
        number.setId("page-number");
        Button previous = Widgets.secondary("previous-page", t.get("preview.previous"), Icon.ARROW_LEFT, c.inputs()::previousPage);
        Button next = Widgets.secondary("next-page", t.get("preview.next"), Icon.ARROW_RIGHT, c.inputs()::nextPage);
        previous.setDisable(index <= 0);
        next.setDisable(index >= count - 1);
        Button zoomIn = Widgets.secondary("zoom-in", t.get("preview.zoom-in"), Icon.PLUS, c.inputs()::zoomIn);
        Button zoomOut = Widgets.secondary("zoom-out", t.get("preview.zoom-out"), Icon.MINUS, c.inputs()::zoomOut);
        zoomOut.setDisable(view.zoom() <= 1.0);
        for (Button b : List.of(previous, next, zoomIn, zoomOut)) {
            b.setMaxWidth(Double.MAX_VALUE);
        }
        Button print = Widgets.primary("print", t.get("print"), Icon.PRINTER, c.inputs()::print);
        print.setMaxWidth(Double.MAX_VALUE);
        print.getStyleClass().add("print-button");
        Button back = Widgets.secondary("back", t.get("back"), Icon.ARROW_LEFT, c.inputs()::back);
        back.setMaxWidth(Double.MAX_VALUE);

        // elder mode: larger words, fewer of them; the page and its buttons explain themselves
        VBox side = view.elderMode()
                ? new VBox(number, new HBox(previous, next), new HBox(zoomOut, zoomIn), Widgets.grow(), print, back)
                : new VBox(Widgets.heading(t.get("preview.title")), number, new HBox(previous, next), new HBox(zoomOut, zoomIn),
                        Widgets.grow(), Widgets.body(t.get("preview.note")), print, back);
        side.getStyleClass().add("preview-side");
        side.getChildren().stream().filter(n -> n instanceof HBox).map(n -> (HBox) n).forEach(h -> {
            h.getStyleClass().add("button-pair");
            h.getChildren().forEach(b -> HBox.setHgrow(b, Priority.ALWAYS));
        });
        HBox page = new HBox(scroll, side);
        page.getStyleClass().addAll("page", "preview");
        page.setAlignment(Pos.TOP_LEFT);
        return page;
    }

    private WritableImage imageOf(BufferedImage page) {
        return images.computeIfAbsent(page, PreviewScreen::copy);
    }

    /** BufferedImage → WritableImage through an ARGB int buffer (no javafx-swing); the buffer is zeroed after. */
    private static WritableImage copy(BufferedImage page) {
        int w = page.getWidth();
        int h = page.getHeight();
        int[] argb = page.getRGB(0, 0, w, h, null, 0, w);
        WritableImage image = new WritableImage(w, h);
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        Arrays.fill(argb, 0);
        return image;
    }

    /** Overwrites every pixel with transparent black. */
    private static void wipe(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), new int[w * h], 0, w);
    }
}
