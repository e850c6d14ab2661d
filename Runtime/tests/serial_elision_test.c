/* serial_elision_test - dosc.h compiled by a plain C compiler (no __DOSC__,
 * no libdosc): the user API falls back to the serial program's answers. */
#include <stdio.h>

#include "dosc.h"

#ifdef __DOSC__
#error "this test must be compiled without __DOSC__"
#endif

int main(void) {
#pragma dosc task
  int threads = dosc_thread_count();
  int ok = threads == 1 && dosc_node_count() == 1 && dosc_node_rank() == 0;
  printf("%s\n", ok ? "serial fall-backs ok" : "serial fall-backs WRONG");
  return ok ? 0 : 1;
}
