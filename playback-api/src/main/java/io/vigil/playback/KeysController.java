package io.vigil.playback;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.vigil.playback.clip.ExportSigner;

/** Public keys auditors verify exports with. */
@Controller("/api/keys")
@ExecuteOn(TaskExecutors.BLOCKING)
public class KeysController {

    private final ExportSigner signer;

    public KeysController(ExportSigner signer) {
        this.signer = signer;
    }

    /** The Ed25519 public key export manifests are signed with, as PEM (openssl reads it as it is). */
    @Get("/export-signing")
    public HttpResponse<String> exportSigning() {
        return HttpResponse.ok(signer.publicKeyPem()).contentType(MediaType.TEXT_PLAIN_TYPE);
    }
}
