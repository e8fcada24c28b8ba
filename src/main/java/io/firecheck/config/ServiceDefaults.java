package io.firecheck.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The service's defaults from application.properties, for the commands that run without it (same key, same database). */
public final class ServiceDefaults {
    private static final Properties PROPERTIES = load();

    private ServiceDefaults() {
    }

    public static String get(String property) {
        String value = PROPERTIES.getProperty(property);
        if (value == null) {
            throw new IllegalStateException(property + " has no default in application.properties");
        }
        return value;
    }

    private static Properties load() {
        Properties props = new Properties();
        try (InputStream in = ServiceDefaults.class.getResourceAsStream("/application.properties")) {
            props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("application.properties is not on the class path", e);
        }
        return props;
    }
}
