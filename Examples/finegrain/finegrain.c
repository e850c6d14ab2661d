/* Fine tasks over a large array: each task scales 256 doubles (2 KiB in, 2 KiB back, ~256
 * operations). The case where remote execution can never pay: shipping a task's data costs
 * more than computing it, on any network (at 1 GB/s, 4 KiB take 4 us; the work takes
 * ~0.1 us), so sending tasks away only adds time. Expected binding: local on one node, and
 * under mpirun still local or inline: the policy's remote threshold (latency + bytes /
 * bandwidth) is far above the work, and forcing remote (DOSC_BIND=remote) is correct but slow. */
#include <stdio.h>
#include <stdlib.h>

void scale(double *v, int lo, int hi, double factor) {
  for (int i = lo; i < hi; i++) v[i] = v[i] * factor + 1.0;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 1 << 20;
  int chunk = 256;
  double *v = malloc(sizeof(double) * n);
  for (int i = 0; i < n; i++) v[i] = (i % 100) / 10.0;
  for (int pass = 0; pass < 3; pass++) {
    for (int lo = 0; lo < n; lo += chunk) {
#pragma dosc task
      scale(v, lo, lo + chunk < n ? lo + chunk : n, 0.5);
    }
#pragma dosc taskwait
  }
  double sum = 0;
  for (int i = 0; i < n; i++) sum += v[i];
  printf("sum = %.6f\n", sum);
  free(v);
  return 0;
}
