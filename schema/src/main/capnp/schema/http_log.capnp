# The record edge servers write to the Kafka topic `http_log`, one message per HTTP request.
# Identical to the reference schema (same file id, field ids and types); the two Java
# annotations only name the generated classes and change nothing on the wire.
@0xf42cd342ff520eca;

using Java = import "/java.capnp";
$Java.package("org.httplog.schema");
$Java.outerClassname("HttpLog");

struct HttpLogRecord {
  timestampEpochMilli @0 :UInt64;
  resourceId @1 :UInt64;
  bytesSent @2 :UInt64;
  requestTimeMilli @3 :UInt64;
  responseStatus @4 :UInt16;
  cacheStatus @5 :Text;
  method @6 :Text;
  remoteAddr @7 :Text;
  url @8 :Text;
}
