package org.httplog.connect.converter;

/**
 * The bytes are not a well-formed Cap'n Proto message. The message says where and what was wrong
 * (offsets, sizes, limits), never the content.
 */
final class MalformedMessageException extends Exception {

    private static final long serialVersionUID = 1L;

    MalformedMessageException(String message) {
        super(message);
    }
}
