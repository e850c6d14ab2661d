/* A read-only footprint worth a replica (2048 doubles, the same region for every sibling)
   beside a parameter that is written (`out`, a region per sibling), spawned in a loop over
   rounds that change `a` between taskwaits. From the session's final review: since the empty
   round trip's cut (find_replicas no longer cleared every slot), the slot of the parameter
   without a replica was left unset in a reused task record, and rank 0 segfaulted in
   send_task under the remote and auto bindings (DOSC_REPLICATE=0 matched). */
#include <stdio.h>
#include <stdlib.h>

void scale(const double *a, double *out, int i, int n) {
  double s = 0;
  for (int k = 0; k < n; k++) s += a[k];
  out[i] = s * i;
}

int main(void) {
  int n = 2048, m = 64;
  double *a = malloc(sizeof(double) * n), *out = malloc(sizeof(double) * m);
  for (int k = 0; k < n; k++) a[k] = k % 7;
  double total = 0;
  for (int r = 0; r < 5; r++) {
    for (int i = 0; i < m; i++) {
#pragma dosc task
      scale(a, out, i, n);
    }
#pragma dosc taskwait
    for (int i = 0; i < m; i++) total += out[i];
    a[r] += 1;
  }
  printf("%.1f\n", total);
  free(a);
  free(out);
  return 0;
}
