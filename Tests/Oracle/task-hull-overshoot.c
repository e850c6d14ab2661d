/* Remote attack: footprints that are upper bounds, not the elements a task touches. A guard on a
   scalar parameter (`if (lo > 0) ... a[lo - 1]`, `if (hi < n) ... a[hi]`), a `?:` choosing the
   element, a store under a condition that never holds: the analyzer's hull covers both arms, so
   at the first and the last block it reaches one element outside the array. The arrays start
   and end at a page the process cannot touch (mmap with PROT_NONE guard pages, as page-aligned
   mallocs and the end of a mapping are): rank 0 reading the hull to ship it faults there, and a
   write-back must never store into the guard page, where the plain C program runs fine. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

/* The block's sum, plus its left and right neighbours where they exist. */
double block_with_halo(const double *a, int lo, int hi, int n) {
  double s = 0;
  for (int i = lo; i < hi; i++) s += a[i];
  if (lo > 0) s += 0.5 * a[lo - 1];
  if (hi < n) s += 0.25 * a[hi];
  return s;
}

/* Copies its block; clears the right neighbour only if it is negative (it never is), so the
   written footprint [lo, hi] reaches one past the array at the last block. */
void copy_block(double *out, const double *in, int lo, int hi, int n) {
  for (int i = lo; i < hi; i++) out[i] = 2 * in[i];
  if (hi < n && in[hi] < 0) out[hi] = 0;
}

/* One element chosen by a flag, `reps` times: the footprint is [k, k + 1] whichever way it goes. */
double pick(const double *a, int k, int next, int reps) {
  double s = 0;
  for (int r = 0; r < reps; r++) s += next ? a[k + 1] : a[k];
  return s;
}

/* `n` doubles ending exactly at an inaccessible page, starting at an inaccessible page too when
   they fill whole pages. */
static double *fenced(int n, long page) {
  long bytes = ((long)n * (long)sizeof(double) + page - 1) / page * page;
  char *region = mmap(NULL, (size_t)(bytes + 2 * page), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (region == MAP_FAILED) exit(1);
  mprotect(region, (size_t)page, PROT_NONE);
  mprotect(region + page + bytes, (size_t)page, PROT_NONE);
  return (double *)(region + page + bytes) - n;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 1024; /* 1024 doubles: two 4 KiB pages */
  long page = sysconf(_SC_PAGESIZE);
  double *in = fenced(n, page), *out = fenced(n, page);
  for (int i = 0; i < n; i++) in[i] = (i * 7) % 13, out[i] = -1;
  double sums[8], ends[2];
  int blocks = 0;
  for (int lo = 0; lo < n && blocks < 8; lo += (n + 7) / 8, blocks++) {
    int hi = lo + (n + 7) / 8 < n ? lo + (n + 7) / 8 : n;
#pragma dosc task
    sums[blocks] = block_with_halo(in, lo, hi, n);
#pragma dosc task
    copy_block(out, in, lo, hi, n);
  }
#pragma dosc task
  ends[0] = pick(in, n - 1, 0, n);
#pragma dosc task
  ends[1] = pick(in + n - 1, 0, 0, n);
#pragma dosc taskwait
  double s = 0, c = 0;
  for (int b = 0; b < blocks; b++) s += sums[b] * (b + 1);
  for (int i = 0; i < n; i++) c += out[i] * (i % 5 + 1);
  printf("halo %.2f copy %.1f ends %.1f %.1f\n", s, c, ends[0], ends[1]);
  /* The whole array at once: footprints above the size that rides inside a task's message,
     shipped as their own messages (from the user's memory where that is safe). */
  for (int i = 0; i < n; i++) in[i] += 1;
  double whole;
#pragma dosc task
  whole = block_with_halo(in, 0, n, n);
#pragma dosc task
  copy_block(out, in, 0, n, n);
#pragma dosc taskwait
  c = 0;
  for (int i = 0; i < n; i++) c += out[i] * (i % 5 + 1);
  printf("whole %.2f copy %.1f\n", whole, c);
  return 0;
}
