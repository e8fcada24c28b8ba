package io.firecheck.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A page's errors as an HTML page in Chinese, for a browser; the API keeps answering problem+json. Each page
 * resource maps its own errors here (a mapper declared in a resource class applies to that class only).
 */
public final class PageErrors {
    private PageErrors() {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String message);
    }

    public static Response html(int status, String title, String message) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(status, title, message).render()).build();
    }

    static Response unauthorized(UnauthorizedException e) {
        return html(401, "请先登录", "访问此页面需要登录。");
    }

    static Response authenticationFailed(AuthenticationFailedException e) {
        return html(401, "登录已失效", "登录凭据无效或已过期，请重新登录。");
    }

    static Response forbidden(ForbiddenException e) {
        return html(403, "无权访问", "您的角色或辖区不允许此操作。");
    }

    static Response notFound(String what) {
        return html(404, "未找到", what);
    }
}
