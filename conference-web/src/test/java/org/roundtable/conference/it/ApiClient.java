package org.roundtable.conference.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A browser-like client of the API for tests: it keeps its own cookies (one person's session)
 * and echoes the CSRF cookie on changes, as the pages' script does.
 */
public final class ApiClient {

    public static final URI BASE = URI.create("http://localhost:8080");

    private final URI base;
    private String source;
    private final CookieManager cookies;
    private final HttpClient http;
    private final java.util.function.UnaryOperator<String> paths;

    public ApiClient() {
        this(BASE);
    }

    /** A client of a server at another address (a second server started by a test). */
    public ApiClient(URI base) {
        this(base, new CookieManager(), java.util.function.UnaryOperator.identity());
    }

    private ApiClient(URI base, CookieManager cookies, java.util.function.UnaryOperator<String> paths) {
        this.base = base;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();
        this.paths = paths;
    }

    /** The same person (the same session), with every API address rewritten first: for sending ids where they do not belong. */
    public ApiClient rewritingPaths(java.util.function.UnaryOperator<String> rewrite) {
        return new ApiClient(base, cookies, rewrite);
    }

    /**
     * A client on another computer: the test server trusts 127.0.0.1 as a proxy, so the address
     * given here is the request's source for throttling and lock-outs.
     */
    public static ApiClient from(String sourceAddress) {
        return from(BASE, sourceAddress);
    }

    /** As {@link #from(String)}, to a server at another address (a node of a cluster, which trusts 127.0.0.1 too). */
    public static ApiClient from(URI base, String sourceAddress) {
        var client = new ApiClient(base);
        client.source = sourceAddress;
        return client;
    }

    public URI base() {
        return base;
    }

    /** A response: status, raw body and the body as JSON where it is JSON. */
    public record Reply(int status, String body, String contentType) {

        public JsonObject json() {
            return (JsonObject) structure();
        }

        public JsonStructure structure() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            }
        }

        public String detail() {
            return json().getString("detail");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Reply get(String path) {
        return send("GET", path, null);
    }

    public Reply post(String path, JsonValue body) {
        return send("POST", path, body == null ? "{}" : body.toString());
    }

    public Reply put(String path, JsonValue body) {
        return send("PUT", path, body.toString());
    }

    public Reply delete(String path) {
        return send("DELETE", path, null);
    }

    public Reply send(String method, String path, String body) {
        return send(method, path, body, true);
    }

    /** Sends a request; withCsrf=false leaves out the header, as a forged cross-site request would. */
    public Reply send(String method, String path, String body, boolean withCsrf) {
        return execute(request(method, path, body, withCsrf));
    }

    /** The whole answer, its headers too (Retry-After, say), to a request sent as {@link #send} sends it. */
    public HttpResponse<String> exchange(String method, String path, String body) {
        try {
            return http.send(request(method, path, body, true), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest request(String method, String path, String body, boolean withCsrf) {
        var builder = HttpRequest.newBuilder(base.resolve("/api" + paths.apply(path))).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        if (source != null) {
            builder.header("X-Forwarded-For", source);
        }
        String csrf = cookie("RT_CSRF");
        if (withCsrf && csrf != null && !"GET".equals(method)) {
            builder.header("X-CSRF-Token", csrf);
        }
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return builder.build();
    }

    public Reply execute(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends bytes as the body (an upload), with the CSRF token like any change. */
    public Reply postBytes(String path, String contentType, byte[] body) {
        var builder = HttpRequest.newBuilder(base.resolve("/api" + paths.apply(path))).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        String csrf = cookie("RT_CSRF");
        if (csrf != null) {
            builder.header("X-CSRF-Token", csrf);
        }
        return execute(builder.build());
    }

    /** A download: the status, the content type and the bytes. */
    public record Download(int status, String contentType, byte[] bytes) {
    }

    public Download download(String path) {
        var request = HttpRequest.newBuilder(base.resolve("/api" + paths.apply(path))).GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Any address of the server (a page, a script, the API), with this person's cookies: the whole response, headers too. */
    public HttpResponse<String> raw(String method, String path) {
        var builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        String csrf = cookie("RT_CSRF");
        if (csrf != null && !"GET".equals(method)) {
            builder.header("X-CSRF-Token", csrf);
        }
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).filter(v -> !v.isEmpty()).findFirst().orElse(null);
    }

    /** A second client holding the same cookies: another tab of the same browser. */
    public ApiClient sameBrowser() {
        var copy = new ApiClient(base);
        cookies.getCookieStore().getCookies().forEach(c -> copy.cookies.getCookieStore().add(base, c));
        return copy;
    }
}
