package io.firecheck.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Names this process among the cluster's instances: the pod (host) name and the process id. */
public final class ThisInstance {
    public static final String NAME = host() + "/" + ProcessHandle.current().pid();

    private ThisInstance() {
    }

    private static String host() {
        String pod = System.getenv("HOSTNAME");
        if (pod != null && !pod.isBlank()) {
            return pod;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
