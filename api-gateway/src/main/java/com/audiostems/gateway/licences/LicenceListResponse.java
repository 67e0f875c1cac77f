package com.audiostems.gateway.licences;

import com.audiostems.ledger.LicenceRecord;
import java.util.List;

/** Licences as the ledger last recorded them (their workflows' projection), newest first. */
public record LicenceListResponse(List<LicenceRecord> licences) {}
