package org.bianmin.backend.console;

import io.javalin.http.Context;
import java.util.List;

/** The console's sign-in form: an admin token pasted into a password field. */
final class LoginPage {
    private LoginPage() {
    }

    /**
     * Answers with the form, and above it {@code message} (plain text, escaped here) when sign-in failed.
     *
     * @param formToken the value of the sign-in cookie just set, which the form sends back
     */
    static void render(Context ctx, int status, String message, String formToken) {
        StringBuilder b = new StringBuilder();
        b.append("<h2>登录 · Sign in</h2>\n");
        if (message != null) {
            b.append("<p class=\"message\" role=\"alert\">").append(Html.e(message)).append("</p>\n");
        }
        b.append("<form method=\"post\" action=\"").append(Console.LOGIN).append("\">").append(FormToken.input(formToken)).append('\n')
                .append("<p><label for=\"token\">管理员令牌 · Admin token</label><br>")
                .append("<input id=\"token\" name=\"token\" type=\"password\" size=\"50\" autocomplete=\"off\" required autofocus></p>\n")
                .append("<p><button type=\"submit\">登录 · Sign in</button></p>\n</form>\n")
                .append("<p>令牌由 <code>./kiosk backend add-admin-token NAME</code> 生成。")
                .append(" · Tokens come from <code>./kiosk backend add-admin-token NAME</code>.</p>\n");
        ctx.status(status).contentType("text/html; charset=utf-8").result(Html.page("登录 · Sign in", null, List.of(), b.toString(), 0));
    }
}
