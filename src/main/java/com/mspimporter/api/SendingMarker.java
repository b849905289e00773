package com.mspimporter.api;

import java.io.IOException;

import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.impl.io.HttpRequestExecutor;
import org.apache.hc.core5.http.io.HttpClientConnection;
import org.apache.hc.core5.http.io.HttpResponseInformationCallback;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Marks in the exchange's context that the request starts to go out over an open connection. Until then, a call
 * cancelled at its deadline, while it waited for a pooled connection or for a connection to open, cannot have
 * reached the API, and a create call may be sent again.
 */
final class SendingMarker extends HttpRequestExecutor {

    private static final String SENT = SendingMarker.class.getName() + ".sent";

    static boolean isSent(HttpContext context) {
        return context.getAttribute(SENT) != null;
    }

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, HttpClientConnection connection,
            HttpResponseInformationCallback informationCallback, HttpContext context)
            throws IOException, HttpException {
        context.setAttribute(SENT, Boolean.TRUE);
        return super.execute(request, connection, informationCallback, context);
    }
}
