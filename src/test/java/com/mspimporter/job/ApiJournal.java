package com.mspimporter.job;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.mspimporter.standin.Endpoint;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The requests that a stand-in API received, with their responses, read from WireMock's request journal. */
final class ApiJournal {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WireMockServer server;

    ApiJournal(WireMockServer server) {
        this.server = server;
    }

    /** Returns every request in the order it arrived. */
    List<ServeEvent> all() {
        // WireMock lists the newest first, so the list is reversed before the stable sort by timestamp
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        Collections.reverse(events);
        events.sort(Comparator.comparing(event -> event.getRequest().getLoggedDate()));
        return events;
    }

    /** Returns the requests of one call, in the order they arrived. */
    List<ServeEvent> to(Endpoint endpoint) {
        return all().stream().filter(event -> endpoint.matches(path(event))).toList();
    }

    /** Returns the create-customer requests whose body names the customer exactly as given. */
    List<ServeEvent> createCustomer(String name) {
        return to(Endpoint.CREATE_CUSTOMER).stream()
                .filter(event -> requestBody(event).path("name").stringValue("").equals(name))
                .toList();
    }

    /** Returns the requests whose path is exactly the given one, in the order they arrived. */
    List<ServeEvent> toPath(String path) {
        return all().stream().filter(event -> path(event).equals(path)).toList();
    }

    static String path(ServeEvent event) {
        String url = event.getRequest().getUrl();
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    static JsonNode requestBody(ServeEvent event) {
        return JSON.readTree(event.getRequest().getBodyAsString());
    }

    static JsonNode responseBody(ServeEvent event) {
        return JSON.readTree(event.getResponse().getBodyAsString());
    }

    static String header(ServeEvent event, String name) {
        var header = event.getRequest().header(name);
        return header.isPresent() ? header.firstValue() : null;
    }
}
