package com.mspimporter.cli;

import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import com.mspimporter.config.ImporterProperties;

/**
 * The names of the {@code importer.*} settings, read from {@link ImporterProperties}, so that a misspelt setting on
 * the command line is an error instead of being ignored. Names are compared the way Spring Boot binds them: without
 * regard to case, dashes or underscores.
 */
final class SettingNames {

    private static final Set<String> KNOWN = collect();

    private SettingNames() {
    }

    /** Tells whether {@code name}, such as {@code importer.api.base-url}, is a setting of the importer. */
    static boolean isKnown(String name) {
        return KNOWN.contains(canonical(name));
    }

    private static Set<String> collect() {
        Set<String> names = new HashSet<>();
        collect(ImporterProperties.class, "importer.", names);
        return Set.copyOf(names);
    }

    private static void collect(Class<?> type, String prefix, Set<String> names) {
        for (RecordComponent component : type.getRecordComponents()) {
            Class<?> componentType = component.getType();
            String name = prefix + component.getName();
            if (componentType.isRecord() && componentType.getEnclosingClass() == ImporterProperties.class) {
                collect(componentType, name + ".", names);
            }
            else {
                names.add(canonical(name));
            }
        }
    }

    private static String canonical(String name) {
        return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }
}
