/* units_test - separately compiled units (dosc cc -c): each unit registers
 * its own table from a constructor, with unit-local site ids and its own
 * source_hash, and main calls dosc_start(NULL, ...). Two units are written
 * here as the rewrite emits them for two files.
 *
 * usage: units_test
 * Prints "unit U site I BINDING" for every site of both units after start. */
#include "test_util.h"

#include "dosc_abi.h"

/* ---- unit "a.c": one site --------------------------------------------- */
static const dosc_site_info a_infos[] = {
    {0, "fill", "a.c", 10, 5, DOSC_BIND_AUTO, DOSC_SITE_REMOTABLE | DOSC_SITE_WORK_KNOWN, 8},
};
static dosc_site_state a_states[1];
static const dosc_program_info a_unit = {"hash-of-unit-a", 1, a_infos, a_states};
__attribute__((constructor(101))) static void a_register(void) {
  dosc_register_unit(&a_unit);
}

/* ---- unit "b.c": two sites -------------------------------------------- */
static const dosc_site_info b_infos[] = {
    {0, "fib", "b.c", 20, 9, DOSC_BIND_AUTO, DOSC_SITE_RECURSIVE | DOSC_SITE_REMOTABLE, 2},
    {1, "sum", "b.c", 30, 9, DOSC_BIND_AUTO, DOSC_SITE_REMOTABLE | DOSC_SITE_WORK_KNOWN, 4},
};
static dosc_site_state b_states[2];
static const dosc_program_info b_unit = {"hash-of-unit-b", 2, b_infos, b_states};
__attribute__((constructor(101))) static void b_register(void) {
  dosc_register_unit(&b_unit);
}

int main(int argc, char **argv) {
  /* Decided already by the runtime's own constructor: main may not call
   * dosc_start at all (its file compiled without dosc); here it is a no-op. */
  if (argc > 1) dosc_start(NULL, &argc, &argv);
  for (int i = 0; i < a_unit.site_count; i++)
    printf("unit a site %d %s\n", i, a_states[i].binding == DOSC_BIND_INLINE ? "inline" : "local");
  for (int i = 0; i < b_unit.site_count; i++)
    printf("unit b site %d %s\n", i, b_states[i].binding == DOSC_BIND_INLINE ? "inline" : "local");
  printf("result=ok\n");
  return 0;
}
