/* json_scan.c - a pull reader of JSON text in memory (see json_scan.h). */
#include "json_scan.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void dosc_json_init(dosc_json *json, const char *text, size_t length) {
  json->text = text;
  json->at = text;
  json->end = text + length;
  json->fresh = 0;
  json->error[0] = '\0';
}

/* Records the first error, with the line it is on; always -1. */
static int fail(dosc_json *json, const char *format, ...) {
  if (json->error[0] != '\0') return -1;
  int line = 1;
  for (const char *p = json->text; p < json->at && p < json->end; p++)
    line += *p == '\n';
  int used = snprintf(json->error, sizeof json->error, "line %d: ", line);
  va_list arguments;
  va_start(arguments, format);
  vsnprintf(json->error + used, sizeof json->error - (size_t)used, format, arguments);
  va_end(arguments);
  json->at = json->end; /* nothing more is read */
  return -1;
}

static void skip_space(dosc_json *json) {
  const char *at = json->at;
  while (at < json->end && (*at == ' ' || *at == '\n' || *at == '\r' || *at == '\t'))
    at++;
  json->at = at;
}

char dosc_json_peek(dosc_json *json) {
  if (json->error[0] != '\0') return 0;
  skip_space(json);
  return json->at < json->end ? *json->at : 0;
}

static int is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* The string at json->at (its opening quote), checked; the reader after its closing quote. */
static int scan_string(dosc_json *json, dosc_json_string *string) {
  const char *at = json->at + 1;
  string->start = at;
  string->escaped = 0;
  for (;;) {
    if (at >= json->end) {
      json->at = at;
      return fail(json, "a string is not closed");
    }
    unsigned char c = (unsigned char)*at;
    if (c == '"') break;
    if (c < 0x20) {
      json->at = at;
      return fail(json, "control character 0x%02x in a string", c);
    }
    if (c == '\\') {
      string->escaped = 1;
      char e = at + 1 < json->end ? at[1] : 0;
      if (e == 'u') {
        if (at + 6 > json->end || !is_hex(at[2]) || !is_hex(at[3]) || !is_hex(at[4]) ||
            !is_hex(at[5])) {
          json->at = at;
          return fail(json, "a \\u escape without four hex digits");
        }
        at += 6;
        continue;
      }
      if (e == 0 || strchr("\"\\/bfnrt", e) == NULL) {
        json->at = at;
        return fail(json, "invalid escape in a string");
      }
      at += 2;
      continue;
    }
    at++;
  }
  string->length = (size_t)(at - string->start);
  json->at = at + 1;
  return 0;
}

static int is_digit(char c) {
  return c >= '0' && c <= '9';
}

/* The number at json->at, checked; *integer whether it has no fraction and no exponent. */
static int scan_number(dosc_json *json, const char **start, int *integer) {
  const char *at = json->at, *end = json->end;
  *start = at;
  *integer = 1;
  if (at < end && *at == '-') at++;
  if (at < end && *at == '0') {
    at++;
  } else if (at < end && is_digit(*at)) {
    while (at < end && is_digit(*at))
      at++;
  } else {
    return fail(json, "invalid number");
  }
  if (at < end && *at == '.') {
    *integer = 0;
    if (++at >= end || !is_digit(*at)) return fail(json, "invalid number");
    while (at < end && is_digit(*at))
      at++;
  }
  if (at < end && (*at == 'e' || *at == 'E')) {
    *integer = 0;
    at++;
    if (at < end && (*at == '+' || *at == '-')) at++;
    if (at >= end || !is_digit(*at)) return fail(json, "invalid number");
    while (at < end && is_digit(*at))
      at++;
  }
  json->at = at;
  return 0;
}

static int scan_literal(dosc_json *json, const char *word) {
  size_t length = strlen(word);
  if ((size_t)(json->end - json->at) < length || memcmp(json->at, word, length) != 0)
    return fail(json, "invalid literal");
  json->at += length;
  return 0;
}

static int skip_value(dosc_json *json, int depth);

/* The object or array at json->at, skipped: its members' keys and values, checked. */
static int skip_container(dosc_json *json, int depth) {
  if (depth >= DOSC_JSON_MAX_DEPTH)
    return fail(json, "nested deeper than %d levels", DOSC_JSON_MAX_DEPTH);
  int object = *json->at == '{';
  json->at++;
  json->fresh = 1;
  dosc_json_string key;
  for (;;) {
    int more = object ? dosc_json_member(json, &key) : dosc_json_element(json);
    if (more <= 0) return more;
    if (skip_value(json, depth + 1) != 0) return -1;
  }
}

static int skip_value(dosc_json *json, int depth) {
  dosc_json_string string;
  const char *start;
  int integer;
  switch (dosc_json_peek(json)) {
  case '{':
  case '[':
    return skip_container(json, depth);
  case '"':
    return scan_string(json, &string);
  case 't':
    return scan_literal(json, "true");
  case 'f':
    return scan_literal(json, "false");
  case 'n':
    return scan_literal(json, "null");
  case 0:
    return json->error[0] != '\0' ? -1 : fail(json, "the text ends where a value was expected");
  default:
    return scan_number(json, &start, &integer);
  }
}

int dosc_json_skip(dosc_json *json) {
  return skip_value(json, 0);
}

static int enter(dosc_json *json, char open) {
  char next = dosc_json_peek(json);
  if (next != open) return -1;
  json->at++;
  json->fresh = 1;
  return 0;
}

int dosc_json_object(dosc_json *json) {
  return enter(json, '{');
}

int dosc_json_array(dosc_json *json) {
  return enter(json, '[');
}

/* Before the next member or element: 0 at `close` (consumed), 1 when one follows (its comma
 * consumed), -1 on error. */
static int next_item(dosc_json *json, char close) {
  char next = dosc_json_peek(json);
  if (json->error[0] != '\0') return -1;
  int fresh = json->fresh;
  json->fresh = 0;
  if (next == close && fresh) {
    json->at++;
    return 0;
  }
  if (!fresh) {
    if (next == close) {
      json->at++;
      return 0;
    }
    if (next != ',')
      return next == 0 ? fail(json, "the text ends inside an %s", close == '}' ? "object" : "array")
                       : fail(json, "expected ',' or '%c'", close);
    json->at++;
    if (dosc_json_peek(json) == close) return fail(json, "a ',' before '%c'", close);
  }
  return 1;
}

int dosc_json_member(dosc_json *json, dosc_json_string *key) {
  int more = next_item(json, '}');
  if (more <= 0) return more;
  if (dosc_json_peek(json) != '"') return fail(json, "expected a string as the member's key");
  if (scan_string(json, key) != 0) return -1;
  if (dosc_json_peek(json) != ':') return fail(json, "expected ':' after a key");
  json->at++;
  return 1;
}

int dosc_json_element(dosc_json *json) {
  return next_item(json, ']');
}

int dosc_json_read_string(dosc_json *json, dosc_json_string *value) {
  if (dosc_json_peek(json) != '"') return dosc_json_skip(json) == 0 ? 0 : -1;
  return scan_string(json, value) == 0 ? 1 : -1;
}

int dosc_json_read_integer(dosc_json *json, long long *value) {
  char next = dosc_json_peek(json);
  if (next != '-' && !is_digit(next)) return dosc_json_skip(json) == 0 ? 0 : -1;
  const char *start;
  int integer;
  if (scan_number(json, &start, &integer) != 0) return -1;
  if (!integer) return 0;
  char digits[32];
  size_t length = (size_t)(json->at - start);
  if (length >= sizeof digits) return 0; /* beyond a long long */
  memcpy(digits, start, length);
  digits[length] = '\0';
  errno = 0;
  *value = strtoll(digits, NULL, 10);
  return errno == 0;
}

int dosc_json_read_boolean(dosc_json *json, int *value) {
  char next = dosc_json_peek(json);
  if (next != 't' && next != 'f') return dosc_json_skip(json) == 0 ? 0 : -1;
  *value = next == 't';
  return scan_literal(json, next == 't' ? "true" : "false") == 0 ? 1 : -1;
}

int dosc_json_finish(dosc_json *json) {
  if (dosc_json_peek(json) != 0 || json->error[0] != '\0')
    return fail(json, "more text after the document");
  return 0;
}

static unsigned hex_value(const char *digits) {
  unsigned value = 0;
  for (int i = 0; i < 4; i++) {
    char c = digits[i];
    value = value * 16 + (unsigned)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
  }
  return value;
}

/* Appends code point `code` to `out` as UTF-8; the bytes written. */
static size_t put_utf8(char *out, unsigned code) {
  if (code < 0x80) {
    out[0] = (char)code;
    return 1;
  }
  if (code < 0x800) {
    out[0] = (char)(0xC0 | (code >> 6));
    out[1] = (char)(0x80 | (code & 0x3F));
    return 2;
  }
  if (code < 0x10000) {
    out[0] = (char)(0xE0 | (code >> 12));
    out[1] = (char)(0x80 | ((code >> 6) & 0x3F));
    out[2] = (char)(0x80 | (code & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | (code >> 18));
  out[1] = (char)(0x80 | ((code >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((code >> 6) & 0x3F));
  out[3] = (char)(0x80 | (code & 0x3F));
  return 4;
}

char *dosc_json_string_copy(const dosc_json_string *string) {
  /* Decoded, a string is never longer than its text (a \u escape of 6 bytes is at most 3 of
   * UTF-8; a pair of 12, 4). */
  char *copy = malloc(string->length + 1);
  if (copy == NULL) return NULL;
  size_t used = 0;
  const char *at = string->start, *end = string->start + string->length;
  while (at < end) {
    if (*at != '\\') {
      copy[used++] = *at++;
      continue;
    }
    char e = at[1];
    at += 2;
    if (e != 'u') {
      const char *from = "\"\\/bfnrt", *to = "\"\\/\b\f\n\r\t";
      copy[used++] = to[strchr(from, e) - from];
      continue;
    }
    unsigned code = hex_value(at);
    at += 4;
    if (code >= 0xD800 && code < 0xDC00 && end - at >= 6 && at[0] == '\\' && at[1] == 'u') {
      unsigned low = hex_value(at + 2);
      if (low >= 0xDC00 && low < 0xE000) {
        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
        at += 6;
      }
    }
    used += put_utf8(copy + used, code);
  }
  copy[used] = '\0';
  return copy;
}

int dosc_json_string_is(const dosc_json_string *string, const char *literal) {
  if (!string->escaped)
    return strlen(literal) == string->length && memcmp(string->start, literal, string->length) == 0;
  char *decoded = dosc_json_string_copy(string);
  int same = decoded != NULL && strcmp(decoded, literal) == 0;
  free(decoded);
  return same;
}
