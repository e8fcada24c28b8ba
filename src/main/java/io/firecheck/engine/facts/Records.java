package io.firecheck.engine.facts;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reads a record's field by its JSON name, so a list in the rules folder can name fields (fire systems). */
public final class Records {
    /** Class.getRecordComponents() re-reads the class file each call; evaluations ask thousands of times. */
    private static final Map<Class<?>, Map<String, RecordComponent>> COMPONENTS = new ConcurrentHashMap<>();
    /** Accessors as method handles typed (Object)Object: no reflective Method.invoke, no varargs array per read. */
    private static final Map<Class<?>, Map<String, MethodHandle>> ACCESSORS = new ConcurrentHashMap<>();

    private Records() {
    }

    public static boolean hasField(Class<?> type, String name) {
        return component(type, name) != null;
    }

    /** The field's value; an unknown name is a rules-folder mistake the loader reports, so it fails loudly here. */
    public static Object read(Object record, String name) {
        MethodHandle accessor = ACCESSORS.computeIfAbsent(record.getClass(), Records::accessors).get(name);
        if (accessor == null) {
            throw new IllegalArgumentException("no field " + name + " on " + record.getClass().getSimpleName());
        }
        try {
            return (Object) accessor.invokeExact(record);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, MethodHandle> accessors(Class<?> type) {
        Map<String, MethodHandle> byName = new HashMap<>();
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                try {
                    byName.put(c.getName(), MethodHandles.publicLookup().unreflect(c.getAccessor())
                            .asType(MethodType.methodType(Object.class, Object.class)));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read " + type.getName() + "." + c.getName(), e);
                }
            }
        }
        return byName;
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
