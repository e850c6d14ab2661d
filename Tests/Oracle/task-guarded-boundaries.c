/* Remote attack: boundary guards on the loop variable (`if (i > 0) out[i - 1]`, a `?:` that
   reads `in[i + 1]` only below the last element, an `&&` that looks right only when there is a
   right neighbour), on arrays that start and end at a page the process cannot touch. A
   footprint that ignores the guards reaches one element outside each array: shipped to another
   rank, that read faults. Page-aligned arrays are what mmap, posix_memalign and big mallocs give. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

void left_neighbour(double *out, const double *in, int lo, int hi) {
  for (int i = lo; i < hi; i++)
    if (i > 0) out[i - 1] += in[i];
}

void right_or_zero(double *out, const double *in, int lo, int hi, int n) {
  for (int i = lo; i < hi; i++) out[i] = i < n - 1 ? in[i + 1] : 0.0;
}

int rising(const double *in, int lo, int hi, int n) {
  int count = 0;
  for (int i = lo; i < hi; i++)
    if (i + 1 < n && in[i + 1] > in[i]) count++;
  return count;
}

/* `n` doubles ending exactly at an inaccessible page, starting at an inaccessible page too. */
static double *fenced(int n, long page) {
  long bytes = ((long)n * (long)sizeof(double) + page - 1) / page * page;
  char *region = mmap(NULL, (size_t)(bytes + 2 * page), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (region == MAP_FAILED) exit(1);
  mprotect(region, (size_t)page, PROT_NONE);
  mprotect(region + page + bytes, (size_t)page, PROT_NONE);
  return (double *)(region + page + bytes) - n;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 512; /* 512 doubles: exactly one 4 KiB page */
  long page = sysconf(_SC_PAGESIZE);
  double *in = fenced(n, page), *out = fenced(n, page), *shifted = fenced(n, page);
  for (int i = 0; i < n; i++) in[i] = (i * 7) % 11, out[i] = 0;
  int counts[8], k = 0;
  for (int lo = 0; lo < n && k < 8; lo += (n + 7) / 8, k++) {
    int hi = lo + (n + 7) / 8 < n ? lo + (n + 7) / 8 : n;
#pragma dosc task
    left_neighbour(out, in, lo, hi);
#pragma dosc task
    right_or_zero(shifted, in, lo, hi, n);
#pragma dosc task
    counts[k] = rising(in, lo, hi, n);
  }
#pragma dosc taskwait
  double s = 0;
  long c = 0;
  for (int i = 0; i < n; i++) s += out[i] * (i + 1) + shifted[i] * (i + 2);
  for (int j = 0; j < k; j++) c += counts[j] * (j + 1);
  printf("guarded %.1f rising %ld\n", s, c);
  return 0;
}
