package com.mspimporter.results;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small check of the pages the tests write: every {@code <} starts a tag, and the tags nest. It is enough to
 * show that no text slipped into the markup unescaped, which is what the tests need; it is not an HTML parser.
 */
final class HtmlCheck {

    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)([^<>]*?)(/?)>");
    private static final Set<String> VOID_ELEMENTS = Set.of("meta", "br", "hr", "img", "link", "input", "col");

    private HtmlCheck() {
    }

    /** Returns the problems found, empty when the page passes. */
    static List<String> problems(String html) {
        String body = html.startsWith("<!DOCTYPE html>") ? html.substring("<!DOCTYPE html>".length()) : html;
        Deque<String> open = new ArrayDeque<>();
        Matcher tag = TAG.matcher(body);
        int end = 0;
        while (tag.find()) {
            if (body.substring(end, tag.start()).contains("<")) {
                return List.of("a '<' that starts no tag before offset " + tag.start());
            }
            end = tag.end();
            String name = tag.group(2).toLowerCase();
            if (!tag.group(1).isEmpty()) {
                if (open.isEmpty() || !open.peek().equals(name)) {
                    return List.of("</" + name + "> closes " + (open.isEmpty() ? "nothing" : "<" + open.peek() + ">"));
                }
                open.pop();
            }
            else if (tag.group(4).isEmpty() && !VOID_ELEMENTS.contains(name)) {
                open.push(name);
            }
        }
        if (body.substring(end).contains("<")) {
            return List.of("a '<' that starts no tag after the last tag");
        }
        return open.isEmpty() ? List.of() : List.of("unclosed elements: " + open);
    }

    /**
     * Returns the text of the page as a reader sees it: without the style sheet and the tags, the five escapes undone,
     * and runs of white space as one space.
     */
    static String text(String html) {
        String withoutStyle = html.replaceAll("(?s)<style>.*?</style>", " ");
        return TAG.matcher(withoutStyle).replaceAll(" ")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&")
                .replaceAll("\\s+", " ")
                .replaceAll(" ([,.)])", "$1");
    }
}
