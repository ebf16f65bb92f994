package com.linli.supply;

import java.time.LocalDate;

/** A licence to record for a supplier. */
public record NewQualification(String kind, String licenceNo, LocalDate validFrom, LocalDate validUntil) {
}
