package com.audiostems.gateway.uploads;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Ask for a location to upload one source file to.
 *
 * @param fileName the file's name as the composer has it; recorded in the manifest, never a path
 * @param sizeBytes the file's exact size; 0 is answered with the {@code empty-file} problem
 */
public record CreateUploadRequest(
    @Schema(
            description = "The file's name, e.g. \"My Song.wav\"; no directories.",
            example = "My Song.wav")
        @NotBlank
        @Size(max = 255)
        @Pattern(
            regexp = "[^/\\\\\\p{Cntrl}]+",
            message = "must be a plain file name without '/', '\\\\' or control characters")
        String fileName,
    @Schema(
            description = "The exact size in bytes; the upload must send exactly this many.",
            example = "52428800")
        @NotNull
        @PositiveOrZero
        Long sizeBytes) {}
