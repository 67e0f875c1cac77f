package com.audiostems.gateway.licences;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What the licensing desk grants: one track, to one licensee, for a term. */
public record GrantLicenceBody(
    @NotBlank String trackId,
    @Schema(description = "The licensee: the name its licensee API key is bound to")
        @NotBlank
        @Pattern(
            regexp = "[A-Za-z0-9][A-Za-z0-9._ -]{0,127}",
            message = "must be 1-128 letters, digits, spaces, '.', '_' or '-'")
        String licensee,
    @Schema(description = "Output formats the licensee may download, e.g. [\"MP3_320\", \"flac\"]")
        @NotEmpty
        List<@NotBlank String> formats,
    @Schema(description = "ISO 3166-1 alpha-2 codes, or WORLD; absent: WORLD")
        List<
                @Pattern(
                    regexp = "[A-Za-z]{2}|WORLD",
                    message = "must be an ISO 3166-1 alpha-2 code or WORLD")
                String>
            territories,
    @Schema(description = "First instant of the term; absent: now") Instant startsAt,
    @Schema(description = "End of the term; give this or duration") Instant endsAt,
    @Schema(description = "Length of the term from its start (ISO 8601, e.g. P30D); or endsAt")
        Duration duration,
    @PositiveOrZero long feeMinorUnits,
    @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code, e.g. EUR")
        String currency,
    @Schema(description = "e.g. sync, broadcast, online, ad") @NotBlank String usageType) {}
