package io.vigil.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** {@code GET /openapi.yml}: the API description, kept equal to the routes by a test. */
@Controller
public class OpenApiController {

    private static final MediaType YAML = MediaType.of("application/yaml");
    private final String document;

    public OpenApiController() {
        try (InputStream in = OpenApiController.class.getResourceAsStream("/openapi/vigil.yml")) {
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("openapi/vigil.yml is missing from the build", e);
        }
    }

    @Get("/openapi.yml")
    public HttpResponse<String> openApi() {
        return HttpResponse.ok(document).contentType(YAML);
    }
}
