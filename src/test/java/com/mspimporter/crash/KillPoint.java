package com.mspimporter.crash;

/**
 * Where a run is killed: at the stand-in's N-th request, before or while its response goes out.
 *
 * @param request the request's number on the stand-in, the first being 1
 * @param timing whether the response is held back until the importer is dead
 */
record KillPoint(int request, Timing timing) {

    /** When the kill happens relative to the response to the request. */
    enum Timing {
        /**
         * The importer is killed and gone before the response is sent. The call took effect on the API, but the
         * importer never saw its response.
         */
        BEFORE_RESPONSE,
        /**
         * The kill starts on another thread while the response is sent, so it lands while the importer reads and
         * records the response, or soon after.
         */
        AFTER_RESPONSE
    }

    @Override
    public String toString() {
        String when = timing == Timing.BEFORE_RESPONSE ? " before its response" : " after its response";
        return "request " + request + when;
    }
}
