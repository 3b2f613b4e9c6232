package vn.sohoa.app.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;

/** Real HTTP calls as one caller: Basic, Bearer, or a browser-like session with cookies. */
final class ApiCaller {

    final String base;
    final String authorization;
    final CookieManager cookies = new CookieManager();
    final HttpClient client;

    private ApiCaller(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    static ApiCaller basic(String base, String user, String password) {
        return new ApiCaller(base, "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    static ApiCaller bearer(String base, String token) {
        return new ApiCaller(base, "Bearer " + token);
    }

    static ApiCaller anonymous(String base) {
        return new ApiCaller(base, null);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    HttpResponse<String> put(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return send(request(path).DELETE());
    }

    HttpResponse<String> form(String path, String body, String csrfHeader) throws IOException, InterruptedException {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/x-www-form-urlencoded");
        if (csrfHeader != null) {
            builder.header("X-XSRF-TOKEN", csrfHeader);
        }
        return send(builder.POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> upload(String path, Path file) throws IOException, InterruptedException {
        String boundary = "sohoa" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] content = Files.readAllBytes(file);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) throws IOException, InterruptedException {
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
