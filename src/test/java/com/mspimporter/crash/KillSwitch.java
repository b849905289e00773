package com.mspimporter.crash;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestListener;
import com.github.tomakehurst.wiremock.http.Response;
import com.mspimporter.standin.StandInApi;

/**
 * Listener on a stand-in API that records every request with its response and kills the importer at a chosen
 * request. WireMock calls it on the server thread after the stand-in computed the response (so a create call has
 * taken effect) and before the response is written to the connection.
 */
final class KillSwitch implements RequestListener {

    /** Maximum wait for the test to hand over the process that sends the requests. */
    private static final long ATTACH_TIMEOUT_SECONDS = 30;

    private final AtomicInteger received = new AtomicInteger();
    private final Queue<ApiExchange> exchanges = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean fired = new AtomicBoolean();
    private volatile int run;
    private volatile KillPoint killPoint;
    private volatile CompletableFuture<ImporterProcess> importer = new CompletableFuture<>();

    private KillSwitch() {
    }

    /** Creates a kill switch and registers it on the stand-in's WireMock server. */
    static KillSwitch installOn(StandInApi api) {
        KillSwitch killSwitch = new KillSwitch();
        api.server().addMockServiceRequestListener(killSwitch);
        return killSwitch;
    }

    /**
     * Prepares for the next importer run: requests from now on belong to it, and the kill point, if not
     * {@code null}, applies to it. Call {@link #attach} with the process once it started.
     */
    void beginRun(int runNumber, KillPoint point) {
        run = runNumber;
        killPoint = point;
        importer = new CompletableFuture<>();
    }

    /** Hands over the process of the current run, the one that the kill point ends. */
    void attach(ImporterProcess process) {
        importer.complete(process);
    }

    /** Tells whether the kill point was reached and the process killed. */
    boolean fired() {
        return fired.get();
    }

    /** Returns how many requests reached the stand-in since it started. */
    int requestCount() {
        return received.get();
    }

    /** Returns every request so far, in the order the stand-in numbered them. */
    List<ApiExchange> exchanges() {
        List<ApiExchange> sorted = new ArrayList<>(exchanges);
        sorted.sort(Comparator.comparingInt(ApiExchange::sequence));
        return sorted;
    }

    @Override
    public void requestReceived(Request request, Response response) {
        int sequence = received.incrementAndGet();
        KillPoint point = killPoint;
        boolean killHere = point != null && point.request() == sequence && fired.compareAndSet(false, true);
        boolean withheld = killHere && point.timing() == KillPoint.Timing.BEFORE_RESPONSE;
        exchanges.add(new ApiExchange(sequence, run, pathOf(request.getUrl()), request.getBodyAsString(),
                response.getStatus(), bodyOf(response), withheld));
        if (!killHere) {
            return;
        }
        ImporterProcess process = currentImporter();
        if (withheld) {
            process.kill();
        } else {
            Thread killer = new Thread(process::kill, "importer-killer");
            killer.setDaemon(true);
            killer.start();
        }
    }

    private ImporterProcess currentImporter() {
        try {
            return importer.get(ATTACH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the importer process", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The test never handed over the importer process to kill", e);
        }
    }

    private static String pathOf(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    private static String bodyOf(Response response) {
        String body = response.getBodyAsString();
        return body == null ? "" : body;
    }
}
