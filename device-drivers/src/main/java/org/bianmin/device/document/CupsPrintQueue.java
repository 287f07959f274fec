package org.bianmin.device.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.print.DocFlavor;
import javax.print.DocPrintJob;
import javax.print.PrintException;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import javax.print.SimpleDoc;
import javax.print.attribute.HashPrintRequestAttributeSet;
import javax.print.attribute.standard.Copies;
import javax.print.attribute.standard.JobName;
import javax.print.attribute.standard.MediaSizeName;
import javax.print.attribute.standard.JobSheets;
import javax.print.attribute.standard.PrinterURI;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CUPS queue: jobs go in through {@code javax.print} (which spools with {@code /usr/bin/lpr}, package
 * cups-bsd), and the printer's state, the job's progress and cancelling go over IPP to the same
 * cupsd, because {@code javax.print} on CUPS reports neither printer-state nor printer-state-reasons.
 */
public final class CupsPrintQueue implements PrintQueue {
    private static final Logger log = LoggerFactory.getLogger(CupsPrintQueue.class);
    private static final int CLIENT_ERROR_NOT_FOUND = 0x0406;
    private static final int CLIENT_ERROR_NOT_POSSIBLE = 0x0404;

    private final String queue;
    private final Optional<URI> server;
    private final Duration requestTimeout;
    private final String user = System.getProperty("user.name", "kiosk");
    private final AtomicInteger requestIds = new AtomicInteger(1);
    private volatile PrintService service;
    private volatile URI printerUri;
    private volatile URI httpUri;

    /**
     * @param queue  the CUPS queue name (lpstat -p), e.g. "KioskPDF"
     * @param server the cupsd to ask over IPP, e.g. {@code http://localhost:631}; empty = the one
     *               {@code javax.print} found the queue on
     */
    public CupsPrintQueue(String queue, Optional<URI> server, Duration requestTimeout) {
        if (queue == null || queue.isBlank() || queue.chars().anyMatch(c -> c <= ' ' || c == '/' || c == '#')) {
            throw new IllegalArgumentException("CUPS queue name '" + queue + "' is not valid; use the name lpstat -p shows, e.g. KioskPDF");
        }
        this.queue = queue;
        this.server = server;
        this.requestTimeout = requestTimeout;
    }

    public CupsPrintQueue(String queue) {
        this(queue, Optional.empty(), Duration.ofSeconds(5));
    }

    @Override
    public String describe() {
        URI u = httpUri;
        return "CUPS queue " + queue + (u == null ? "" : " at " + u.getHost() + ":" + u.getPort());
    }

    @Override
    public void connect() throws DeviceException {
        PrintService found = Arrays.stream(PrintServiceLookup.lookupPrintServices(null, null))
                .filter(s -> s.getName().equals(queue)).findFirst()
                .orElseThrow(() -> new DeviceException(DeviceError.PORT_NOT_FOUND, "CUPS has no queue named " + queue
                        + " (queues found: " + queueNames() + "); add it with lpadmin (see scripts/cups-setup) or fix the queue name in the kiosk configuration"));
        if (!found.isDocFlavorSupported(DocFlavor.BYTE_ARRAY.PDF)) {
            throw new DeviceException(DeviceError.BAD_SETTINGS, "CUPS queue " + queue
                    + " does not take PDF jobs; give it a PDF-capable driver (lpadmin -m …) or choose another queue");
        }
        try {
            URI ipp = server.map(s -> s.resolve("/printers/" + queue))
                    .map(u -> withScheme(u, u.getScheme().equals("https") ? "ipps" : "ipp"))
                    .orElseGet(() -> {
                        PrinterURI p = found.getAttribute(PrinterURI.class);
                        return p != null ? p.getURI() : URI.create("ipp://localhost:631/printers/" + queue);
                    });
            printerUri = ipp;
            httpUri = withScheme(ipp, ipp.getScheme().equals("ipps") ? "https" : "http");
        } catch (IllegalArgumentException e) {
            throw new DeviceException(DeviceError.BAD_SETTINGS, "CUPS server address " + server.orElse(null) + " is not usable: "
                    + e.getMessage() + "; give it as http://host:631");
        }
        service = found;
        DocumentPrinterStatus s = status();
        log.info("{}: {}", describe(), s.summary());
    }

    private static String queueNames() {
        String names = String.join(", ", Arrays.stream(PrintServiceLookup.lookupPrintServices(null, null)).map(PrintService::getName).toList());
        return names.isEmpty() ? "none; is cupsd running?" : names;
    }

    private static URI withScheme(URI u, String scheme) {
        try {
            int port = u.getPort() > 0 ? u.getPort() : 631;
            return new URI(scheme, null, u.getHost(), port, u.getPath(), null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public DocumentPrinterStatus status() throws DeviceException {
        Ipp.Response r = exchange(request(Ipp.GET_PRINTER_ATTRIBUTES)
                .string(Ipp.KEYWORD, "requested-attributes", "printer-state", "printer-state-reasons",
                        "printer-is-accepting-jobs", "queued-job-count", "printer-state-message"), "printer attributes");
        Ipp.Group p = r.group(Ipp.PRINTER_GROUP).orElseThrow(() -> new DeviceException(DeviceError.UNEXPECTED_REPLY,
                describe() + ": the printer attributes reply has no printer group"));
        return new DocumentPrinterStatus(
                DocumentPrinterStatus.State.ofIpp(p.integer("printer-state").orElse(0)),
                p.get("printer-is-accepting-jobs").map(a -> a.first().asBoolean()).orElse(false),
                p.strings("printer-state-reasons"),
                p.integer("queued-job-count").orElse(0),
                p.string("printer-state-message").orElse(""));
    }

    @Override
    public long submit(byte[] pdf, String title, String key) throws DeviceException {
        PrintService s = connected();
        // the key makes the name unique, so the job can be found again; cups-pdf names its file after it
        String jobName = title + " [" + key + "]";
        HashPrintRequestAttributeSet attributes = new HashPrintRequestAttributeSet();
        attributes.add(new JobName(jobName, null));
        attributes.add(new Copies(1));
        // no banner page: a kiosk must not spend a sheet on the job's name and user
        attributes.add(JobSheets.NONE);
        // government documents are A4; a CUPS queue's default paper is often Letter
        attributes.add(MediaSizeName.ISO_A4);
        DocPrintJob job = s.createPrintJob();
        try {
            job.print(new SimpleDoc(pdf, DocFlavor.BYTE_ARRAY.PDF, null), attributes);
        } catch (PrintException e) {
            throw new DeviceException(DeviceError.PRINTER_OFFLINE, describe() + ": lpr did not take the job (" + oneLine(e)
                    + "); is cups-bsd installed and cupsd running?", e);
        }
        try {
            return findJob(jobName);
        } catch (DeviceException e) {
            log.warn("{}: job '{}' was queued but its id is not known: {}", describe(), jobName, e.getMessage());
            return UNKNOWN_JOB;
        }
    }

    /** The newest job of this queue named {@code jobName}; lpr is given the name as "-J name", so it may gain a leading space. */
    private long findJob(String jobName) throws DeviceException {
        for (String which : List.of("not-completed", "completed")) {
            Ipp.Response r = exchange(request(Ipp.GET_JOBS)
                    .string(Ipp.KEYWORD, "which-jobs", which)
                    .string(Ipp.KEYWORD, "requested-attributes", "job-id", "job-name"), "jobs");
            long id = r.groups(Ipp.JOB_GROUP).stream()
                    .filter(g -> g.string("job-name").map(String::strip).filter(jobName.strip()::equals).isPresent())
                    .mapToLong(g -> g.integer("job-id").orElse(0)).max().orElse(0);
            if (id > 0) {
                return id;
            }
        }
        throw new DeviceException(DeviceError.UNEXPECTED_REPLY, describe() + " lists no job named '" + jobName + "'");
    }

    @Override
    public Job job(long id) throws DeviceException {
        Ipp.Request req = request(Ipp.GET_JOB_ATTRIBUTES, id)
                .string(Ipp.KEYWORD, "requested-attributes", "job-id", "job-state", "job-state-reasons");
        Ipp.Response r = exchangeRaw(req, "job " + id);
        if (r.status() == CLIENT_ERROR_NOT_FOUND) {
            return new Job(id, JobState.UNKNOWN, List.of("job-not-found"));
        }
        check(r, "job " + id);
        Ipp.Group g = r.group(Ipp.JOB_GROUP).orElseThrow(() -> new DeviceException(DeviceError.UNEXPECTED_REPLY,
                describe() + ": the reply about job " + id + " has no job group"));
        return new Job(id, JobState.ofIpp(g.integer("job-state").orElse(0)), g.strings("job-state-reasons"));
    }

    @Override
    public void cancel(long id) throws DeviceException {
        Ipp.Response r = exchangeRaw(request(Ipp.CANCEL_JOB, id), "cancel job " + id);
        if (r.status() == CLIENT_ERROR_NOT_POSSIBLE || r.status() == CLIENT_ERROR_NOT_FOUND) {
            log.info("{}: job {} could not be cancelled: it has already ended", describe(), id);
            return;
        }
        check(r, "cancel job " + id);
    }

    @Override
    public void close() {
        service = null;
    }

    private PrintService connected() throws DeviceException {
        PrintService s = service;
        if (s == null) {
            throw new DeviceException(DeviceError.PRINTER_OFFLINE, describe() + " is not connected; call connect() first");
        }
        return s;
    }

    private Ipp.Request request(int operation) throws DeviceException {
        return request(operation, 0);
    }

    /** The operation attributes in RFC 8011's order: charset, language, target (printer-uri [+ job-id]), user. */
    private Ipp.Request request(int operation, long jobId) throws DeviceException {
        connected();
        Ipp.Request r = new Ipp.Request(operation, requestIds.getAndIncrement())
                .string(Ipp.URI, "printer-uri", printerUri.toString());
        if (jobId > 0) {
            r.integer("job-id", Math.toIntExact(jobId));
        }
        return r.string(Ipp.NAME, "requesting-user-name", user);
    }

    private Ipp.Response exchange(Ipp.Request request, String what) throws DeviceException {
        Ipp.Response r = exchangeRaw(request, what);
        check(r, what);
        return r;
    }

    private void check(Ipp.Response r, String what) throws DeviceException {
        if (!r.successful()) {
            throw new DeviceException(DeviceError.UNEXPECTED_REPLY, describe() + ": " + what + " refused with IPP status 0x"
                    + String.format("%04x", r.status()) + r.statusMessage().map(m -> " (" + m + ")").orElse(""));
        }
    }

    /** One IPP request over HTTP POST (RFC 8010 §4: Content-Type application/ipp). */
    private Ipp.Response exchangeRaw(Ipp.Request request, String what) throws DeviceException {
        byte[] body = request.encode();
        HttpURLConnection c = null;
        try {
            c = (HttpURLConnection) httpUri.toURL().openConnection();
            c.setConnectTimeout((int) requestTimeout.toMillis());
            c.setReadTimeout((int) requestTimeout.toMillis());
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/ipp");
            c.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
            int http = c.getResponseCode();
            if (http != HttpURLConnection.HTTP_OK) {
                throw new DeviceException(DeviceError.PRINTER_OFFLINE, describe() + ": " + what + " answered HTTP " + http
                        + "; check the CUPS server address and that it lets this machine ask (cupsd.conf)");
            }
            byte[] reply;
            try (InputStream in = c.getInputStream()) {
                reply = in.readAllBytes();
            }
            Ipp.Response r = Ipp.decode(reply);
            if (r.requestId() != request.requestId()) {
                throw new DeviceException(DeviceError.UNEXPECTED_REPLY, describe() + ": reply to request " + r.requestId()
                        + " came for request " + request.requestId());
            }
            return r;
        } catch (ConnectException e) {
            throw new DeviceException(DeviceError.PRINTER_OFFLINE, "cannot reach CUPS at " + httpUri.getHost() + ":" + httpUri.getPort()
                    + " (" + e.getMessage() + "); is cupsd running? (scripts/cups-setup starts it)", e);
        } catch (SocketTimeoutException e) {
            throw new DeviceException(DeviceError.TIMEOUT, describe() + ": no answer to " + what + " within "
                    + requestTimeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new DeviceException(DeviceError.LINK_IO, describe() + ": " + what + " failed: " + oneLine(e), e);
        } finally {
            if (c != null) {
                c.disconnect();
            }
        }
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m).strip();
    }
}
