package com.audiostems.ledger;

import java.time.Instant;

/**
 * A row of {@code deliveries}: one download link handed to a licensee.
 *
 * @param format output format name
 * @param bytes size of the delivered copy
 * @param sha256 of the delivered copy
 * @param clientAddress the caller's address as the gateway saw it ("cli" from the command line)
 * @param territoryClaimed the territory the licensee said it uses the file in; null if none claimed
 */
public record DeliveryRecord(
    String licenceId,
    String licensee,
    String trackId,
    String format,
    long bytes,
    String sha256,
    Instant deliveredAt,
    String clientAddress,
    String territoryClaimed) {}
