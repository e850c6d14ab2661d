/* json_scan_test - the manifest's pull reader alone (src/json_scan.h): what it accepts is
 * JSON, what it refuses is not, each refusal naming its line; strings decoded; a document of
 * many members read and skipped without allocating.
 *
 * usage: json_scan_test      prints "json_scan: N checks, 0 failed" */
#include "test_util.h"

#include <string.h>

#include "json_scan.h"

/* Skips the whole of `text` as one document: 0 if it is JSON, else -1 with the error. */
static int check_document(const char *text, char *error, size_t size) {
  dosc_json json;
  dosc_json_init(&json, text, strlen(text));
  int status = dosc_json_skip(&json) == 0 && dosc_json_finish(&json) == 0 ? 0 : -1;
  snprintf(error, size, "%s", json.error);
  return status;
}

static void accepts(const char *text) {
  char error[200];
  EXPECT(check_document(text, error, sizeof error) == 0, "refused %s: %s", text, error);
}

static void refuses(const char *text, const char *why) {
  char error[200];
  EXPECT(check_document(text, error, sizeof error) != 0 && strstr(error, why) != NULL,
         "%s: expected an error with '%s', got '%s'", text, why, error);
}

int main(void) {
  accepts("{}");
  accepts("[]");
  accepts(
      " {\"a\" : [1, -2.5e+3, 0, true, false, null, \"x\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\"]}\n");
  accepts("{\"a\": {\"b\": {\"c\": []}}, \"d\": [[], [{}]]}");
  accepts("\"a string alone\"");
  accepts("-0.5");
  refuses("{\"sites\": [", "line 1: the text ends where a value was expected");
  refuses("{\"a\": 1,}", "line 1: a ',' before '}'");
  refuses("{,}", "expected a string as the member's key");
  refuses("[1, 2,]", "a ',' before ']'");
  refuses("[1 2]", "expected ',' or ']'");
  refuses("{\"a\" 1}", "expected ':'");
  refuses("{\n\"a\": 01}", "line 2: expected ',' or '}'");
  refuses("[1.]", "invalid number");
  refuses("[+1]", "invalid number");
  refuses("[tru]", "invalid literal");
  refuses("[\"a\nb\"]", "control character 0x0a");
  refuses("[\"\\x\"]", "invalid escape");
  refuses("[\"\\u12g4\"]", "\\u escape");
  refuses("[\"open", "line 1: a string is not closed");
  refuses("{} {}", "more text after the document");
  refuses("", "the text ends where a value was expected");
  /* Deeper than the limit: refused, not a stack overflow. */
  char deep[2 * DOSC_JSON_MAX_DEPTH + 8];
  memset(deep, '[', DOSC_JSON_MAX_DEPTH + 1);
  memset(deep + DOSC_JSON_MAX_DEPTH + 1, ']', DOSC_JSON_MAX_DEPTH + 1);
  deep[2 * DOSC_JSON_MAX_DEPTH + 2] = '\0';
  refuses(deep, "nested deeper than");

  /* Members read by name, the others skipped; strings decoded. */
  const char *text =
      "{\"id\": 42, \"skip\": {\"x\": [1, {\"y\": null}]}, \"name\": \"f\\u00e9\\n\","
      " \"big\": 99999999999999999999, \"real\": 1.5, \"flag\": false}";
  dosc_json json;
  dosc_json_init(&json, text, strlen(text));
  dosc_json_string key, name = {0};
  long long id = 0, big = 0, real = 0;
  int flag = 1, kinds[3] = {0};
  EXPECT(dosc_json_object(&json) == 0, "not an object");
  while (dosc_json_member(&json, &key) > 0) {
    if (dosc_json_string_is(&key, "id"))
      EXPECT(dosc_json_read_integer(&json, &id) == 1, "id not an integer");
    else if (dosc_json_string_is(&key, "name"))
      EXPECT(dosc_json_read_string(&json, &name) == 1, "name not a string");
    else if (dosc_json_string_is(&key, "big"))
      kinds[0] = dosc_json_read_integer(&json, &big); /* beyond a long long: another kind */
    else if (dosc_json_string_is(&key, "real"))
      kinds[1] = dosc_json_read_integer(&json, &real);
    else if (dosc_json_string_is(&key, "flag"))
      kinds[2] = dosc_json_read_boolean(&json, &flag);
    else
      EXPECT(dosc_json_skip(&json) == 0, "skip failed: %s", json.error);
  }
  EXPECT(dosc_json_finish(&json) == 0 && json.error[0] == '\0', "%s", json.error);
  EXPECT(id == 42, "id %lld", id);
  EXPECT(kinds[0] == 0 && kinds[1] == 0 && kinds[2] == 1 && flag == 0, "kinds %d %d %d", kinds[0],
         kinds[1], kinds[2]);
  char *decoded = dosc_json_string_copy(&name);
  EXPECT(decoded != NULL && strcmp(decoded, "f\xc3\xa9\n") == 0, "decoded '%s'", decoded);
  EXPECT(name.escaped && dosc_json_string_is(&name, "f\xc3\xa9\n"), "compared decoded");
  free(decoded);
  dosc_json_string pair = {"\\ud83d\\ude00", 12, 1};
  decoded = dosc_json_string_copy(&pair);
  EXPECT(decoded != NULL && strcmp(decoded, "\xf0\x9f\x98\x80") == 0, "a surrogate pair");
  free(decoded);

  printf("json_scan: %d checks, %d failed\n", test_checks, test_failures);
  return test_failures == 0 ? 0 : 1;
}
