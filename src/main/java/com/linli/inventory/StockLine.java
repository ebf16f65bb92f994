package com.linli.inventory;

import java.time.LocalDate;

/** A row of a warehouse's stock list: the stock and the nearest expiry among its batches holding units. */
public record StockLine(Stock stock, LocalDate nextExpiry) {
}
