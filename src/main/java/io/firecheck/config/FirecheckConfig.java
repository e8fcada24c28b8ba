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

    Orders orders();

    Reports reports();

    Http http();

    /** Limits on request bodies; over-limit input is a 413 or 400 problem before any document is built. */
    interface Http {
        /** One inspection document (and each item of a batch). */
        @WithDefault("1M")
        io.quarkus.runtime.configuration.MemorySize maxDocumentSize();

        /** A whole batch; quarkus.http.limits.max-body-size must stay above it (it answers without problem+json). */
        @WithDefault("16M")
        io.quarkus.runtime.configuration.MemorySize maxBatchSize();

        /** Documents in one batch. */
        @WithDefault("1000")
        int maxBatchItems();

        /** A body not complete within this time is answered with 408 and its connection closed (slow clients). */
        @WithDefault("30s")
        java.time.Duration bodyTimeout();

        /**
         * Bytes of request bodies held at once, from their first byte until their answer is sent (a body costs
         * a few times its size in heap while it is read, evaluated and stored). A body that would pass this while
         * others are held is answered 503 with Retry-After; one alone always gets in. Unset: a fifth of the usable
         * heap (about 49 MiB with -Xmx256m: 17 batches of 1,000 ordinary documents at once).
         */
        java.util.Optional<io.quarkus.runtime.configuration.MemorySize> bodiesInFlight();
    }

    Store store();

    /** Storing evaluations: group commit (evaluation/GroupCommit, docs/benchmarks.md). */
    interface Store {
        /**
         * Threads that each commit one group at a time. Two: while one waits for its commit's fsync the other
         * gathers the rows that arrived meanwhile; more only contend for the same disk and cores.
         */
        @WithDefault("2")
        int writers();

        /** Rows in one INSERT at most (a batch's chunk fits in one). */
        @WithDefault("250")
        int maxGroup();

        /**
         * How long after it began its work a request stops waiting for its group's commit and answers 503
         * (Retry-After): with reading and evaluating the document, within the 2 s in which a dead database must
         * be answered; above a busy commit's time (each statement is cut off after the 1 s socketTimeout anyway).
         */
        @WithDefault("1200ms")
        java.time.Duration commitTimeout();
    }

    Database database();

    interface Database {
        /** The schema that holds the service's tables; its only default is in application.properties. */
        String schema();
    }

    Auth auth();

    /** Bearer tokens: from the city's identity provider, or signed by the embedded local key (docs/security.md). */
    interface Auth {
        /** The embedded signing key, created on first start when no identity provider is configured. */
        String localKey();

        /** The issuer (iss) of the tokens the local key signs; its only default is in application.properties. */
        String localIssuer();

        /** The identity provider's issuer (iss); set together with {@link #jwksUrl()}. */
        java.util.Optional<String> issuer();

        /** Where the identity provider publishes its signing keys (JWKS). */
        java.util.Optional<String> jwksUrl();

        /** The claim holding the roles (Keycloak: realm_access/roles); smallrye.jwt.path.groups reads it. */
        String rolesClaim();

        /** The claim holding the caller's jurisdiction; absent means city-wide. */
        @WithDefault("jurisdiction")
        String jurisdictionClaim();
    }

    Console console();

    /** The web console's sessions (docs/console.md). */
    interface Console {
        /**
         * How long a console session lasts at most after sign-in, however busy the user is; the inactivity
         * timeout is Quarkus' (quarkus.http.auth.form.timeout).
         */
        @WithDefault("8H")
        java.time.Duration sessionLifetime();
    }

    interface Reports {
        /** The plan's rectification milestones, in percent; progress names the highest one reached. */
        @WithDefault("50,80,100")
        java.util.List<Integer> milestones();
    }

    interface Orders {
        /** Days from the evaluation to a supervision order's due date. */
        @WithDefault("90")
        int rectificationDays();

        /** How often overdue orders are looked for and escalated. */
        @WithDefault("10m")
        String escalationEvery();

        /** How long after startup the first escalation pass runs. */
        @WithDefault("30s")
        String escalationDelay();
    }

    interface Rules {
        /** The rules folder (DRL files and thresholds.properties), read at run time. */
        @WithDefault("rules")
        String dir();

        /** Replay the fixtures against a candidate rule set before it goes live. */
        @WithDefault("true")
        boolean fixtureGate();

        /** The fixtures the gate replays. */
        @WithDefault("test-fixtures")
        String fixturesDir();

        /** Reload (safely, with the gate) whenever a file under the rules folder changes. */
        @WithDefault("false")
        boolean watch();

        /**
         * How often an instance compares its rule set with the cluster's newest, as a fallback for a missed
         * notification (a dropped database connection); notifications bring changes within a second.
         */
        @WithDefault("10s")
        java.time.Duration clusterCheckEvery();
    }
}
