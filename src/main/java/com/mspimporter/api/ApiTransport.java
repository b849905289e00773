package com.mspimporter.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.DefaultUriBuilderFactory;

import com.mspimporter.config.ImporterProperties;

/**
 * Sends single requests to the platform API and reads their responses, at most
 * {@code importer.api.max-response-size} of body. It neither retries nor interprets statuses.
 *
 * <p>It uses the JDK {@link HttpClient} because that client reports a refused connection
 * ({@link java.net.ConnectException}), a connect timeout ({@link java.net.http.HttpConnectTimeoutException})
 * and a read timeout ({@link java.net.http.HttpTimeoutException}) as different exceptions, and never re-sends
 * a POST on its own. Spring's {@link JdkClientHttpRequestFactory} applies the read timeout to the whole
 * exchange, body included, so a body that stalls also times out.
 */
final class ApiTransport {

    static final String API_KEY_HEADER = "X-API-Key";

    private final RestClient restClient;
    private final ImporterProperties.Api settings;
    private final int maxBodyBytes;

    ApiTransport(ImporterProperties.Api settings) {
        this.settings = settings;
        this.maxBodyBytes = (int) Math.min(settings.maxResponseSize().toBytes(), Integer.MAX_VALUE - 8);
        this.restClient = RestClient.builder()
                .requestFactory(requestFactory(settings))
                .uriBuilderFactory(uriBuilderFactory(settings.baseUrl()))
                .build();
    }

    private static JdkClientHttpRequestFactory requestFactory(ImporterProperties.Api settings) {
        // HTTP/1.1 because on plain HTTP the JDK client would otherwise first try an h2c upgrade.
        HttpClient.Builder client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (isPositive(settings.connectTimeout())) {
            client.connectTimeout(settings.connectTimeout());
        }
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client.build());
        // Answers are small JSON documents. With compression on, Spring's factory decodes gzip answers in a way
        // that closed about one connection in 25 against the stand-in API, and a few create calls then ended in
        // doubt because the connection broke before the answer was read.
        factory.enableCompression(false);
        if (isPositive(settings.readTimeout())) {
            factory.setReadTimeout(settings.readTimeout());
        }
        return factory;
    }

    private static DefaultUriBuilderFactory uriBuilderFactory(URI baseUrl) {
        DefaultUriBuilderFactory factory;
        if (baseUrl == null) {
            factory = new DefaultUriBuilderFactory();
        } else {
            String base = baseUrl.toString();
            factory = new DefaultUriBuilderFactory(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        }
        // Encodes every reserved character of a path variable, so that a customer id such as "a/b"
        // stays one path segment.
        factory.setEncodingMode(DefaultUriBuilderFactory.EncodingMode.TEMPLATE_AND_VALUES);
        return factory;
    }

    private static boolean isPositive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
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
        try {
            return restClient.post()
                    .uri(request.pathTemplate(), request.pathVariables().toArray())
                    .headers(headers -> addHeaders(headers, request))
                    .body(request.body())
                    .exchange((clientRequest, response) -> read(response), true);
        } catch (ResourceAccessException ex) {
            IOException cause = ex.getCause() instanceof IOException io ? io : new IOException(ex.getMessage(), ex);
            return RawResponse.noResponse(cause);
        }
    }

    private void addHeaders(HttpHeaders headers, ApiRequest request) {
        headers.set(API_KEY_HEADER, settings.key());
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        request.headers().forEach(headers::set);
    }

    private RawResponse read(ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        String retryAfter = response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
        try (InputStream body = response.getBody()) {
            // Reading one byte past the limit distinguishes a body of exactly the limit from a longer one.
            byte[] bytes = body.readNBytes(maxBodyBytes + 1);
            if (bytes.length > maxBodyBytes) {
                return RawResponse.tooLarge(status, retryAfter);
            }
            return RawResponse.received(status, retryAfter, bytes);
        } catch (IOException ex) {
            return RawResponse.bodyBroken(status, retryAfter, ex);
        }
    }
}
