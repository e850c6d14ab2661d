/* json_scan.h - a pull reader of JSON text in memory, for the manifest (private).
 *
 * A program of 300,000 spawn sites has a sidecar of ~60 MB. jansson's tree of it took ~520 MB
 * and ~10 s before main: every member of every site an allocation, though the runtime wants
 * five of them. This reads the text where it lies, once, and allocates nothing: the caller
 * walks objects and arrays, takes the members it needs and skips the rest. Skipping checks as
 * much as reading: a text that is not JSON (RFC 8259; its strings' bytes are not checked as
 * UTF-8) is an error naming its line, whatever part of it is malformed.
 *
 *   dosc_json json;
 *   dosc_json_init(&json, text, length);
 *   dosc_json_string key;
 *   if (dosc_json_object(&json) == 0)
 *     while (dosc_json_member(&json, &key) > 0)
 *       if (dosc_json_string_is(&key, "id")) dosc_json_integer(&json, &id);
 *       else dosc_json_skip(&json);
 *   if (json.error[0] != '\0') ...
 */
#ifndef DOSC_JSON_SCAN_H
#define DOSC_JSON_SCAN_H

#include <stddef.h>

#include "config.h"

/* Objects and arrays nested deeper than this are an error (jansson stops at 2048; the
 * manifest nests 5 deep). The reader recurses only to skip, once per level. */
#define DOSC_JSON_MAX_DEPTH 512

typedef struct dosc_json {
  const char *at;  /* the next byte to read */
  const char *end; /* one past the last */
  const char *text;
  int fresh;       /* just after '{' or '[': the next member or element has no comma */
  char error[160]; /* the first error, "line N: what"; empty while there is none */
} dosc_json;

/* A string as it lies in the text, without its quotes; `escaped` if it holds a backslash
 * (dosc_json_string_copy decodes it). */
typedef struct dosc_json_string {
  const char *start;
  size_t length;
  int escaped;
} dosc_json_string;

DOSC_INTERNAL void dosc_json_init(dosc_json *json, const char *text, size_t length);

/* The first byte of the next value, after whitespace: '{', '[', '"', 't', 'f', 'n', '-' or a
 * digit; 0 at the end of the text or after an error. */
DOSC_INTERNAL char dosc_json_peek(dosc_json *json);

/* Skips the next value, checking it. 0, or -1 with the error set. */
DOSC_INTERNAL int dosc_json_skip(dosc_json *json);

/* Enters the object (array) that comes next: 0, or -1 if the next value is not one (with the
 * error set only if it is not JSON: the caller says what it expected). */
DOSC_INTERNAL int dosc_json_object(dosc_json *json);
DOSC_INTERNAL int dosc_json_array(dosc_json *json);

/* Inside an object: 1 with the next member's key, the reader before its value (which the
 * caller reads or skips); 0 past the closing '}'; -1 with the error set. */
DOSC_INTERNAL int dosc_json_member(dosc_json *json, dosc_json_string *key);

/* Inside an array: 1 before its next element (the caller reads or skips it); 0 past the
 * closing ']'; -1 with the error set. */
DOSC_INTERNAL int dosc_json_element(dosc_json *json);

/* Reads the next value: 1 if it is of the kind asked for (a string; an integer without
 * fraction or exponent that fits a long long; true or false), 0 if it is valid JSON of another
 * kind (skipped), -1 with the error set. */
DOSC_INTERNAL int dosc_json_read_string(dosc_json *json, dosc_json_string *value);
DOSC_INTERNAL int dosc_json_read_integer(dosc_json *json, long long *value);
DOSC_INTERNAL int dosc_json_read_boolean(dosc_json *json, int *value);

/* 0 if only whitespace is left, else -1 with the error set. */
DOSC_INTERNAL int dosc_json_finish(dosc_json *json);

/* Whether the string is `literal` (a string with escapes is compared decoded). */
DOSC_INTERNAL int dosc_json_string_is(const dosc_json_string *string, const char *literal);

/* The string decoded (escapes, \u sequences as UTF-8), NUL-ended, malloc'ed; NULL without
 * memory. */
DOSC_INTERNAL char *dosc_json_string_copy(const dosc_json_string *string);

#endif /* DOSC_JSON_SCAN_H */
