package io.firecheck.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

@ConfigMapping(prefix = "firecheck")
public interface FirecheckConfig {

    /** The city's time zone: "today" for date checks and due dates is a day of its calendar. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    Rules rules();

    interface Rules {
        /** The rules folder (DRL files and thresholds.properties), read at run time. */
        @WithDefault("rules")
        String dir();
    }
}
