package com.audiostems.gateway.licences;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a licence is withdrawn: the licensee reads this sentence in every refusal after. */
public record RevokeBody(
    @Schema(description = "e.g. payment reversed") @NotBlank @Size(max = 500) String reason) {}
