package org.httplog.producer;

/**
 * One resource of the catalogue: its id, kind, URL (without query string), body size and the size of
 * the response headers the edge sends with it (fixed per resource: the same server, content type,
 * cache headers and ETag every time; only a few bytes such as the Age value vary per response).
 */
record Resource(long id, Kind kind, String url, long size, int headerBytes) {
}
