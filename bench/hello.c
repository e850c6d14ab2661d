/* Start-up cost: a program with nothing to do. Built by dosc, main starts the runtime
   (reads the environment, the sidecar and the profile, starts the pool) and shuts it down. */
#include <stdio.h>

int main(void) {
  printf("hello, world\n");
  return 0;
}
