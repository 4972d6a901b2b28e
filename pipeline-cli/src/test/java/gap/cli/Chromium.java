package gap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless Chromium, run as CI runs it (as root, so without its sandbox; background services off, as
 * this machine's closed network wants): the DOM a page ends up with, a screenshot, and the requests it made.
 */
final class Chromium {
    private Chromium() {}

    private static List<String> command(Path profile, String... extra) {
        List<String> c = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--hide-scrollbars", "--user-data-dir=" + profile));
        c.addAll(List.of(extra));
        return c;
    }

    /** The page's DOM after loading, and the browser's net log of the load. */
    record Load(String dom, JsonNode netLog) {}

    static Load load(Path html, Path work) throws IOException {
        Path netLog = work.resolve("netlog.json");
        String dom = run(command(Files.createTempDirectory(work, "profile"), "--log-net-log=" + netLog,
                "--net-log-capture-mode=Everything", "--dump-dom", html.toUri().toString()));
        String log = Files.readString(netLog);
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(log);
        } catch (IOException truncated) {
            // Chromium may stop before closing its event list; the events written are what matter.
            json = new ObjectMapper().readTree(log.strip().replaceAll(",$", "") + "]}");
        }
        return new Load(dom, json);
    }

    static void screenshot(Path html, Path png, int width, int height, Path work) throws IOException {
        run(command(Files.createTempDirectory(work, "profile"), "--window-size=" + width + "," + height,
                "--screenshot=" + png, html.toUri().toString()));
    }

    /**
     * The URLs the page itself asked for over the network: requests whose site is the file:// page (the browser's
     * own background requests have no such site), other than file: URLs.
     */
    static List<String> pageRequests(JsonNode netLog) {
        JsonNode types = netLog.path("constants").path("logEventTypes");
        int startJob = types.path("URL_REQUEST_START_JOB").asInt(-1);
        List<String> urls = new ArrayList<>();
        for (JsonNode e : netLog.path("events")) {
            JsonNode p = e.path("params");
            if (e.path("type").asInt() == startJob && p.has("url") && !p.path("url").asText().startsWith("file:")
                    && (p.path("site_for_cookies").asText().contains("file://") || p.path("initiator").asText().equals("null"))) {
                urls.add(p.path("url").asText());
            }
        }
        return urls;
    }

    private static String run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("chromium failed: " + String.join(" ", command));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
