package com.linli.network;

import java.time.ZoneId;

/** An edit of a region: its code stays, since other data and people refer to it. */
public record RegionChange(String name, ZoneId zone, boolean active) {
}
