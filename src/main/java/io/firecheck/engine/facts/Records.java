package io.firecheck.engine.facts;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Reads a record's field by its JSON name, so a list in the rules folder can name fields (fire systems). */
public final class Records {
    /** Class.getRecordComponents() re-reads the class file each call; evaluations ask thousands of times. */
    private static final Map<Class<?>, Map<String, RecordComponent>> COMPONENTS = new ConcurrentHashMap<>();
    /**
     * Accessors as generated functions (what a method reference compiles to): an interface call per read, where a
     * method handle that is not a constant costs several times more, and no reflective Method.invoke.
     */
    private static final Map<Class<?>, Map<String, Function<Object, Object>>> ACCESSORS = new ConcurrentHashMap<>();

    private Records() {
    }

    public static boolean hasField(Class<?> type, String name) {
        return component(type, name) != null;
    }

    /** The field's value; an unknown name is a rules-folder mistake the loader reports, so it fails loudly here. */
    public static Object read(Object record, String name) {
        Function<Object, Object> accessor = accessor(record.getClass(), name);
        if (accessor == null) {
            throw new IllegalArgumentException("no field " + name + " on " + record.getClass().getSimpleName());
        }
        return accessor.apply(record);
    }

    /** The accessor of a field of a record type (null if none), for callers that resolve a path once and read it often. */
    public static Function<Object, Object> accessor(Class<?> type, String name) {
        return ACCESSORS.computeIfAbsent(type, Records::accessors).get(name);
    }

    private static Map<String, Function<Object, Object>> accessors(Class<?> type) {
        Map<String, Function<Object, Object>> byName = new HashMap<>();
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                byName.put(c.getName(), function(type, c));
            }
        }
        return byName;
    }

    @SuppressWarnings("unchecked")
    private static Function<Object, Object> function(Class<?> type, RecordComponent c) {
        MethodHandle getter;
        try {
            getter = MethodHandles.publicLookup().unreflect(c.getAccessor());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + type.getName() + "." + c.getName(), e);
        }
        try {
            Class<?> value = MethodType.methodType(c.getType()).wrap().returnType();
            return (Function<Object, Object>) LambdaMetafactory.metafactory(MethodHandles.lookup(), "apply",
                    MethodType.methodType(Function.class), MethodType.methodType(Object.class, Object.class), getter,
                    MethodType.methodType(value, type)).getTarget().invokeExact();
        } catch (Throwable e) {
            // a type the generated class cannot see: the same read through the handle
            MethodHandle h = getter.asType(MethodType.methodType(Object.class, Object.class));
            return record -> {
                try {
                    return (Object) h.invokeExact(record);
                } catch (RuntimeException | Error x) {
                    throw x;
                } catch (Throwable x) {
                    throw new IllegalStateException(x);
                }
            };
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
