package com.mspimporter.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.DefaultUriBuilderFactory;

import com.mspimporter.config.ImporterProperties;

/**
 * Sends single requests to the platform API and reads their responses, at most
 * {@code importer.api.max-response-size} of body. It neither retries nor interprets statuses.
 *
 * <p>It uses Apache HttpClient's blocking client with a connection pool: each worker thread sends its request
 * and reads the response itself. In the throughput benchmark this took about 45% less CPU per row than the JDK's
 * asynchronous client, which hands each response between threads. The client
 * never re-sends a request on its own and follows no redirects. A refused connection surfaces as a
 * {@link java.net.ConnectException} and a connect timeout as a
 * {@link org.apache.hc.client5.http.ConnectTimeoutException}; a read timeout, or an exchange that outlives the
 * read timeout as a whole ({@link ExchangeDeadline}), as a {@link java.net.SocketTimeoutException}.
 */
final class ApiTransport implements AutoCloseable {

    static final String API_KEY_HEADER = "X-API-Key";

    private static final ContentType JSON = ContentType.create("application/json");
    private static final String JSON_TYPE = JSON.getMimeType();
    /**
     * A pooled connection idle for longer is checked before reuse, in case the server closed it meanwhile. NOTE: a
     * connection that the server closed less than this before its reuse fails as a lost response, which leaves a
     * create call IN_DOUBT.
     */
    private static final TimeValue CHECK_IDLE_CONNECTIONS_AFTER = TimeValue.ofSeconds(1);

    private final ImporterProperties.Api settings;
    private final int maxBodyBytes;
    private final DefaultUriBuilderFactory uris;
    private final CloseableHttpClient client;
    private final ExchangeDeadline deadline;

    /**
     * @param maxConnections connections kept open at most; the number of threads that send requests at once
     */
    ApiTransport(ImporterProperties.Api settings, int maxConnections) {
        this.settings = settings;
        this.maxBodyBytes = (int) Math.min(settings.maxResponseSize().toBytes(), Integer.MAX_VALUE - 8);
        this.uris = uriBuilderFactory(settings.baseUrl());
        this.client = httpClient(settings, maxConnections);
        this.deadline = new ExchangeDeadline(settings.readTimeout());
    }

    private static CloseableHttpClient httpClient(ImporterProperties.Api settings, int maxConnections) {
        ConnectionConfig connections = ConnectionConfig.custom()
                .setConnectTimeout(timeout(settings.connectTimeout()))
                .setSocketTimeout(timeout(settings.readTimeout()))
                .setValidateAfterInactivity(CHECK_IDLE_CONNECTIONS_AFTER)
                .build();
        RequestConfig requests = RequestConfig.custom()
                .setResponseTimeout(timeout(settings.readTimeout()))
                .setRedirectsEnabled(false)
                .build();
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(maxConnections)
                        .setMaxConnPerRoute(maxConnections)
                        .setDefaultConnectionConfig(connections)
                        .build())
                .setDefaultRequestConfig(requests)
                .setRequestExecutor(new SendingMarker())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableContentCompression()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    private static DefaultUriBuilderFactory uriBuilderFactory(URI baseUrl) {
        DefaultUriBuilderFactory factory;
        if (baseUrl == null) {
            factory = new DefaultUriBuilderFactory();
        } else {
            String base = baseUrl.normalize().toString();
            factory = new DefaultUriBuilderFactory(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        }
        // Encodes every reserved character of a path variable, so that a customer id such as "a/b"
        // stays one path segment.
        factory.setEncodingMode(DefaultUriBuilderFactory.EncodingMode.TEMPLATE_AND_VALUES);
        return factory;
    }

    /** Zero or a negative duration means no timeout, as it does for the settings. */
    private static Timeout timeout(Duration duration) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            return Timeout.DISABLED;
        }
        return Timeout.of(duration);
    }

    /**
     * Sends the request once and returns what came back. I/O failures are returned, not thrown.
     *
     * @throws IllegalStateException when the base URL or the key is not set
     */
    RawResponse send(ApiRequest request) {
        if (settings.baseUrl() == null) {
            throw new IllegalStateException("importer.api.base-url is not set.");
        }
        if (settings.key() == null || settings.key().isBlank()) {
            throw new IllegalStateException("The API key is not set (IMPORTER_API_KEY or importer.api.key).");
        }
        HttpPost post = new HttpPost(uris.expand(request.pathTemplate(), request.pathVariables().toArray()));
        post.setHeader(API_KEY_HEADER, settings.key());
        post.setHeader(HttpHeaders.ACCEPT, JSON_TYPE);
        request.headers().forEach(post::setHeader);
        post.setEntity(new ByteArrayEntity(request.body(), JSON));
        HttpClientContext context = HttpClientContext.create();
        try (ExchangeDeadline.Watch watch = deadline.start(post)) {
            ClassicHttpResponse response;
            try {
                response = client.executeOpen(null, post, context);
            } catch (IOException ex) {
                return RawResponse.noResponse(watch.failure(ex, SendingMarker.isSent(context)));
            }
            try {
                return read(post, response, watch);
            } finally {
                closeQuietly(response);
            }
        }
    }

    private RawResponse read(HttpPost post, ClassicHttpResponse response, ExchangeDeadline.Watch watch) {
        int status = response.getCode();
        Header retryAfterHeader = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
        String retryAfter = retryAfterHeader == null ? null : retryAfterHeader.getValue();
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            return RawResponse.received(status, retryAfter, new byte[0]);
        }
        try {
            InputStream body = entity.getContent();
            // Reading one byte past the limit distinguishes a body of exactly the limit from a longer one.
            // A body read to its end returns the connection to the pool.
            byte[] bytes = body.readNBytes(maxBodyBytes + 1);
            if (bytes.length > maxBodyBytes) {
                // drops the connection instead of reading the rest of the body
                post.cancel();
                return RawResponse.tooLarge(status, retryAfter);
            }
            return RawResponse.received(status, retryAfter, bytes);
        } catch (IOException ex) {
            post.cancel();
            return RawResponse.bodyBroken(status, retryAfter, watch.failure(ex, true));
        }
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException ex) {
            // the outcome is known already; the connection is dropped either way
        }
    }

    @Override
    public void close() {
        deadline.close();
        client.close(CloseMode.GRACEFUL);
    }
}
