package io.firecheck.engine.facts;

import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reads a record's field by its JSON name, so a list in the rules folder can name fields (fire systems). */
public final class Records {
    /** Class.getRecordComponents() re-reads the class file each call; evaluations ask thousands of times. */
    private static final Map<Class<?>, Map<String, RecordComponent>> COMPONENTS = new ConcurrentHashMap<>();

    private Records() {
    }

    public static boolean hasField(Class<?> type, String name) {
        return component(type, name) != null;
    }

    /** The field's value; an unknown name is a rules-folder mistake the loader reports, so it fails loudly here. */
    public static Object read(Object record, String name) {
        RecordComponent c = component(record.getClass(), name);
        if (c == null) {
            throw new IllegalArgumentException("no field " + name + " on " + record.getClass().getSimpleName());
        }
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RecordComponent component(Class<?> type, String name) {
        if (!type.isRecord()) {
            return null;
        }
        return COMPONENTS.computeIfAbsent(type, t -> {
            Map<String, RecordComponent> byName = new HashMap<>();
            for (RecordComponent c : t.getRecordComponents()) {
                byName.put(c.getName(), c);
            }
            return byName;
        }).get(name);
    }
}
