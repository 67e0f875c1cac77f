package com.audiostems.gateway.licences;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** The new end of a licence's term; it must be after the current end. */
public record ExtendBody(@NotNull Instant endsAt) {}
