package io.firecheck.console;

import io.firecheck.engine.RuleSet;
import io.firecheck.engine.Thresholds;
import io.firecheck.rules.ClusterSetChangedException;
import io.firecheck.rules.ReloadInProgressException;
import io.firecheck.rules.RuleBook;
import io.firecheck.rules.RuleReloader;
import io.firecheck.security.CurrentCaller;
import io.firecheck.security.Roles;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * 规则: the active catalogue by area, the thresholds (a form for rule authors), the reload history, and a reload
 * button with its outcome. The impact preview of a change and its application are {@link RulePreviewPage}.
 */
@Path("/rules")
@Produces(MediaType.TEXT_HTML)
public class RulesPage {
    private final RuleBook ruleBook;
    private final RuleReloader reloader;
    private final RulesPageView page;
    private final CurrentCaller caller;

    public RulesPage(RuleBook ruleBook, RuleReloader reloader, RulesPageView page, CurrentCaller caller) {
        this.ruleBook = ruleBook;
        this.reloader = reloader;
        this.page = page;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.CLIENT, Roles.OFFICER, Roles.SUPERVISOR, Roles.RULE_AUTHOR, Roles.AUDITOR})
    public TemplateInstance page() {
        return page.page();
    }

    /** The thresholds file of the set serving, to copy into the repository when it differs from the folder there. */
    @GET
    @Path("/" + Thresholds.FILE)
    @Produces("text/plain")
    @RolesAllowed({Roles.CLIENT, Roles.OFFICER, Roles.SUPERVISOR, Roles.RULE_AUTHOR, Roles.AUDITOR})
    public Response servedThresholds() {
        RuleSet set = ruleBook.current();
        return Response.ok(set.sources().get(Thresholds.FILE), "text/plain; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + Thresholds.FILE + "\"").build();
    }

    @POST
    @Path("/reload")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.RULE_AUTHOR)
    public Response reload() {
        try {
            return page.outcome("重新加载", reloader.reloadUnlessBusy(caller.get()));
        } catch (ClusterSetChangedException e) {
            return page.refused(409, "重新加载期间，集群中已有另一套规则生效（" + e.newest() + "），本次重新加载未保存。"
                    + "请确认规则文件夹后再重新加载。", RulesPageView.Form.EMPTY);
        } catch (ReloadInProgressException e) {
            return page.busy();
        }
    }
}
