package io.firecheck.console;

import io.firecheck.config.FirecheckConfig;
import io.firecheck.engine.Classification;
import io.firecheck.engine.Level;
import io.firecheck.security.CurrentCaller;
import io.firecheck.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * What every console page shows beside its content ({@code inject:console} in templates): who is signed in,
 * with which roles and jurisdiction, which section is open, and times in the city's zone.
 */
@Named("console")
@RequestScoped
public class ConsoleSession {
    private static final Map<String, String> ROLE_NAMES = Map.of(Roles.CLIENT, "检查终端", Roles.OFFICER, "监督员",
            Roles.SUPERVISOR, "督办负责人", Roles.RULE_AUTHOR, "规则维护员", Roles.AUDITOR, "审计员");
    private static final Map<String, String> EVENT_KINDS = Map.of("OPENED", "立案督办", "TRANSITION", "状态变更",
            "HAZARDS_UPDATED", "隐患更新", "ESCALATED", "逾期升级", "MEASURES_RECORDED", "录入整改材料");
    private static final Map<String, String> LINK_ROLES = Map.of("OPENED", "立案", "UPDATED", "更新隐患",
            "RE_INSPECTION", "复查", "LATE_REPORT", "补报");
    private static final List<String> STAFF = List.of(Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR);
    /** The roles of each section's page (and of the API it shows); a section not listed is open to every role. */
    private static final Map<String, List<String>> SECTIONS = Map.of("orders", STAFF, "progress", STAFF, "lists", STAFF,
            "evaluations", List.of(Roles.CLIENT, Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR));
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CurrentCaller caller;
    private final SecurityIdentity identity;
    private final HttpServerRequest request;
    private final ZoneId zone;
    private final RoutingContext routing;

    public ConsoleSession(CurrentCaller caller, SecurityIdentity identity, RoutingContext routing, FirecheckConfig config) {
        this.caller = caller;
        this.identity = identity;
        this.routing = routing;
        this.request = routing.request();
        this.zone = config.zone();
    }

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    public String name() {
        return caller.get().name();
    }

    public String roles() {
        return String.join("、", caller.get().roles().stream().sorted().map(r -> ROLE_NAMES.getOrDefault(r, r)).toList());
    }

    public String scope() {
        return caller.get().cityWide() ? "全市" : caller.get().jurisdiction();
    }

    /** Whether the navigation shows a section: only those the user's roles may open, as their pages check. */
    public boolean sees(String section) {
        List<String> roles = SECTIONS.get(section);
        return roles == null || roles.stream().anyMatch(caller.get()::has);
    }

    /** The first path segment: orders, progress, lists, evaluations, rules. */
    public String section() {
        String path = request.path();
        int end = path.indexOf('/', 1);
        return end < 0 ? path.substring(1) : path.substring(1, end);
    }

    /** aria-current for the navigation link of the open section. */
    public String current(String section) {
        return section.equals(section()) ? "page" : "false";
    }

    /** The CSRF token every form of the page carries ({@link ConsoleCsrf}). */
    public String csrfToken() {
        return ConsoleCsrf.token(routing);
    }

    public String csrfField() {
        return ConsoleCsrf.NAME;
    }

    public String time(Instant at) {
        return at == null ? "—" : TIME.format(at.atZone(zone));
    }

    public String date(LocalDate day) {
        return day == null ? "—" : day.toString();
    }

    public String level(String level) {
        return label(Level.class, level, Level::zh);
    }

    public String classification(String classification) {
        return label(Classification.class, classification, Classification::zh);
    }

    public String eventKind(String kind) {
        return EVENT_KINDS.getOrDefault(kind, kind);
    }

    public String linkRole(String role) {
        return LINK_ROLES.getOrDefault(role, role);
    }

    private static <E extends Enum<E>> String label(Class<E> type, String name, java.util.function.Function<E, String> zh) {
        try {
            return zh.apply(Enum.valueOf(type, name));
        } catch (IllegalArgumentException | NullPointerException e) {
            return String.valueOf(name);
        }
    }
}
