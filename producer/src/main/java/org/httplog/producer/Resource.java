package org.httplog.producer;

/** One resource of the catalogue: its id, kind, URL (without query string) and size in bytes. */
record Resource(long id, Kind kind, String url, long size) {
}
