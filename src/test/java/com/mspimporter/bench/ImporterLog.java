package com.mspimporter.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The importer's console output, read line by line as the child process writes it, with the times
 * of the lines that mark its phases.
 *
 * <p>The importer's log pattern ({@code logging.pattern.console} in {@code application.properties})
 * starts each line with the time of day, {@code HH:mm:ss.SSS}, and no date. The date comes from the
 * moment the benchmark read the line, which is at most a few milliseconds later, so a run that
 * crosses midnight still gets the right day.
 */
final class ImporterLog {

    private static final int TAIL_LINES = 40;
    private static final int TIME_LENGTH = "HH:mm:ss.SSS".length();
    private static final Pattern PROGRESS = Pattern.compile("Progress: (\\d+) of \\d+ rows done");

    private final ZoneId zone;
    private final Deque<String> tail = new ArrayDeque<>();
    private Instant stagingStarted;
    private Instant staged;
    private Instant onboardingStarted;
    private Instant lastProgress;
    private Instant reported;
    private Instant finished;
    private final List<Progress> progress = new ArrayList<>();

    ImporterLog(ZoneId zone) {
        this.zone = zone;
    }

    /** The phase boundaries found in the log; a phase that did not happen is empty. */
    record Phases(Optional<Instant> stagingStarted, Optional<Instant> staged, Optional<Instant> onboardingStarted,
            Optional<Instant> lastProgress, Optional<Instant> reported, Optional<Instant> finished) {
    }

    /** One progress line: when it was logged and how many rows were done by then. */
    record Progress(Instant time, long rowsDone) {
    }

    /** Reads one line of output that arrived at {@code received}. */
    synchronized void accept(String line, Instant received) {
        tail.addLast(line);
        if (tail.size() > TAIL_LINES) {
            tail.removeFirst();
        }
        Optional<Instant> logged = timeOf(line, received);
        if (logged.isEmpty()) {
            return;
        }
        String message = messageOf(line);
        Instant time = logged.get();
        if (message.startsWith("Importing ")) {
            stagingStarted = time;
        }
        else if (message.startsWith("Staged ") || message.startsWith("The file has a header and no rows")) {
            staged = time;
        }
        else if (message.startsWith("Onboarding ")) {
            onboardingStarted = time;
        }
        else if (message.startsWith("Progress: ")) {
            lastProgress = time;
            Matcher done = PROGRESS.matcher(message);
            if (done.lookingAt()) {
                progress.add(new Progress(time, Long.parseLong(done.group(1))));
            }
        }
        else if (message.startsWith("Wrote ")) {
            // the results file comes first; a summary page written after it belongs to the report too
            reported = time;
        }
        else if (message.startsWith("Finished ")) {
            finished = time;
        }
    }

    synchronized Phases phases() {
        return new Phases(Optional.ofNullable(stagingStarted), Optional.ofNullable(staged),
                Optional.ofNullable(onboardingStarted), Optional.ofNullable(lastProgress),
                Optional.ofNullable(reported), Optional.ofNullable(finished));
    }

    /** Returns the progress lines in the order they were logged. */
    synchronized List<Progress> progress() {
        return List.copyOf(progress);
    }

    /** Returns the last lines of output, oldest first, for a run that did not end as expected. */
    synchronized List<String> tail() {
        return List.copyOf(tail);
    }

    private Optional<Instant> timeOf(String line, Instant received) {
        if (line.length() <= TIME_LENGTH || line.charAt(TIME_LENGTH) != ' ') {
            return Optional.empty();
        }
        LocalTime timeOfDay;
        try {
            timeOfDay = LocalTime.parse(line.substring(0, TIME_LENGTH));
        }
        catch (DateTimeParseException ex) {
            return Optional.empty();
        }
        LocalDate day = received.atZone(zone).toLocalDate();
        Instant logged = day.atTime(timeOfDay).atZone(zone).toInstant();
        // a line logged just before midnight can be read just after it
        if (logged.isAfter(received.plus(Duration.ofHours(1)))) {
            logged = day.minusDays(1).atTime(timeOfDay).atZone(zone).toInstant();
        }
        return Optional.of(logged);
    }

    /** Returns the message after the time and the padded level, as the pattern {@code %-5level} writes it. */
    private static String messageOf(String line) {
        String rest = line.substring(TIME_LENGTH + 1);
        int space = rest.indexOf(' ');
        return space < 0 ? "" : rest.substring(space).stripLeading();
    }
}
