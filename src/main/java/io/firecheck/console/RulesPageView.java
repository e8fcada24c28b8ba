package io.firecheck.console;

import io.firecheck.engine.RuleInfo;
import io.firecheck.engine.RuleProblem;
import io.firecheck.engine.RuleSet;
import io.firecheck.engine.Thresholds;
import io.firecheck.replay.ReplayOutcome;
import io.firecheck.rules.ReloadOutcome;
import io.firecheck.rules.ReloadResult;
import io.firecheck.rules.RuleBook;
import io.firecheck.rules.RuleReloader;
import io.firecheck.rules.ThresholdEdits;
import io.firecheck.security.Caller;
import io.firecheck.security.CurrentCaller;
import io.firecheck.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Rules page (templates/RulesPage/rules.html) as the rules pages answer: the catalogue by area, the thresholds
 * form, the reload history, and what the author just did (a reload's outcome, or why nothing was done).
 */
@ApplicationScoped
public class RulesPageView {
    static final Map<ReloadResult, String> OUTCOME_ZH = Map.of(ReloadResult.STARTUP, "启动时加载", ReloadResult.ACTIVATED, "已生效",
            ReloadResult.UNCHANGED, "规则未变化", ReloadResult.ADOPTED, "已同步集群规则", ReloadResult.INVALID, "编译失败，未生效",
            ReloadResult.GATE_FAILED, "样例校验未通过，未生效");

    private final RuleBook ruleBook;
    private final RuleReloader reloader;
    private final CurrentCaller caller;

    public RulesPageView(RuleBook ruleBook, RuleReloader reloader, CurrentCaller caller) {
        this.ruleBook = ruleBook;
        this.reloader = reloader;
        this.caller = caller;
    }

    /** One area of the catalogue. */
    public record Area(String name, List<RuleInfo> rules) {
    }

    /** What the author just did on the page: a reload's outcome, or why a preview did not start. */
    public record Notice(boolean ok, String title, List<RuleProblem> errors, List<ReplayOutcome> failingFixtures) {
    }

    /** The thresholds form as the author left it: the values sent, and a message beside each one that cannot be used. */
    public record Form(Map<String, String> values, Map<String, String> errors) {
        static final Form EMPTY = new Form(Map.of(), Map.of());
    }

    /**
     * Everything the page shows. {@code differsFromDisk}: the set serving is not what the rules folder on disk holds
     * (a change applied here, or files changed on disk and not yet reloaded).
     */
    public record View(String version, Instant loadedAt, String loadedBy, int ruleCount, List<Area> areas,
                       List<ThresholdEdits.Section> thresholds, boolean author, List<RuleReloader.Attempt> history, Notice notice,
                       Form form, boolean differsFromDisk, String folder) {
        public String outcomeZh(ReloadResult r) {
            return OUTCOME_ZH.get(r);
        }

        /** The value the form shows: as the author sent it, else the one serving. */
        public String value(ThresholdEdits.Field f) {
            return form.values().getOrDefault(f.name(), f.value());
        }

        public String error(String name) {
            return form.errors().get(name);
        }
    }

    @CheckedTemplate(basePath = "RulesPage")
    static class Templates {
        static native TemplateInstance rules(View view);
    }

    TemplateInstance page() {
        return Templates.rules(view(null, Form.EMPTY));
    }

    Response show(int status, Notice notice, Form form) {
        return html(status, Templates.rules(view(notice, form)));
    }

    /** After a reload or an applied preview: its outcome, 422 when the rules were not taken. */
    Response outcome(String what, ReloadOutcome o) {
        String title = what + "：" + OUTCOME_ZH.get(o.outcome()) + (o.version() == null ? "" : "（版本 " + o.version() + "）");
        return show(o.rejected() ? 422 : 200, new Notice(!o.rejected(), title, o.errors(), o.failingFixtures()), Form.EMPTY);
    }

    /** The page again, saying why nothing was done. */
    Response refused(int status, String title, Form form) {
        return show(status, new Notice(false, title, List.of(), List.of()), form);
    }

    Response busy() {
        return refused(409, "另一次重新加载正在进行，请稍后再试", Form.EMPTY);
    }

    static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.render()).build();
    }

    private View view(Notice notice, Form form) {
        Caller c = caller.get();
        RuleBook.Active active = ruleBook.active();
        RuleSet set = active.set();
        Map<String, List<RuleInfo>> byArea = new LinkedHashMap<>();
        set.catalogue().values().forEach(r -> byArea.computeIfAbsent(r.area(), a -> new ArrayList<>()).add(r));
        List<Area> areas = byArea.entrySet().stream().map(e -> new Area(e.getKey(), e.getValue())).toList();
        boolean author = c.has(Roles.RULE_AUTHOR);
        List<RuleReloader.Attempt> history = author || c.has(Roles.AUDITOR) ? reloader.history(20) : List.of();
        return new View(set.version(), set.loadedAt(), active.loadedBy(), set.catalogue().size(), areas,
                ThresholdEdits.sections(set.sources().get(Thresholds.FILE)), author, history, notice, form,
                !ruleBook.folderVersion().equals(set.version()), ruleBook.dir().toAbsolutePath().toString());
    }
}
