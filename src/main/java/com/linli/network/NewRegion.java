package com.linli.network;

import java.time.ZoneId;

/** What it takes to open a region: a name, a short unique code (such as {@code WUHAN}) and its time zone. */
public record NewRegion(String name, String code, ZoneId zone) {
}
