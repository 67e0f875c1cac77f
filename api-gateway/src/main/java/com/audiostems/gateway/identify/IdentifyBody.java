package com.audiostems.gateway.identify;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;

/** Identify an uploaded recording or excerpt. */
public record IdentifyBody(
    @Schema(
            description =
                "The uploadId from POST /v1/uploads; its content must have been sent. The content is deleted once answered.")
        @NotBlank
        String uploadId) {}
