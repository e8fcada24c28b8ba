package io.firecheck.console;

import io.firecheck.security.ApiTakesTokensOnly;
import io.firecheck.web.Problem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A browser asking for a page gets its errors as a Chinese page inside the layout; /api and every client that
 * does not ask for HTML keep the problem+json that the exception mappers wrote.
 */
public class HtmlErrors {
    @CheckedTemplate(basePath = "")
    static class Templates {
        static native TemplateInstance error(int status, String heading, String detail);
    }

    private final CurrentIdentityAssociation identity;

    public HtmlErrors(CurrentIdentityAssociation identity) {
        this.identity = identity;
    }

    /** The layout shows who is signed in: the identity is resolved first, as it may need the database. */
    @ServerResponseFilter
    public Uni<Void> toHtml(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Problem problem) || !wantsPage(request)) {
            return Uni.createFrom().voidItem();
        }
        return identity.getDeferredIdentity().onFailure().recoverWithNull().emitOn(Infrastructure.getDefaultWorkerPool()).invoke(id -> response.setEntity(
                Templates.error(problem.status(), heading(problem.status()), problem.detail()).render(),
                null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))).replaceWithVoid();
    }

    static boolean wantsPage(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        return !ApiTakesTokensOnly.isApi(path) && !path.startsWith("/q/")
                && accept != null && accept.contains("text/html");
    }

    static String heading(int status) {
        return switch (status) {
            case 400 -> "请求有误";
            case 403 -> "无权访问";
            case 404 -> "页面或记录不存在";
            case 405, 415 -> "不支持此操作";
            case 503 -> "服务暂时不可用，请稍后再试";
            default -> status >= 500 ? "系统出错，已记录，请稍后再试" : "请求未能完成";
        };
    }
}
