/* Needless nulls of branch unseen11, each reduced from one of its programs (the suite and line
   named at each function): figures null (so the task stays home) where the truth is a simple
   span. Each is a task here; the oracle checks any figure they get, and the remote run the
   answer. */
#include <stdio.h>
#include <stdlib.h>

/* TSVC s1161 (task-unseen11-tsvc.c): forward gotos inside the loop body ("the 'goto' may repeat
   code"); a[i] and b[i] for i in [lo, hi). */
void fwd_goto(double *a, double *b, const double *c, int lo, int hi) {
  for (int i = lo; i < hi; ++i) {
    if (c[i] < 0.) goto L20;
    a[i] = c[i] * 2.0;
    goto L10;
  L20:
    b[i] = a[i] + c[i];
  L10:;
  }
}

/* CrystalMk's back substitution (task-unseen11-sequoia.c): the step written `i = i - 1`. */
void step_minus_one(double *g, int n) {
  for (int i = n - 2; i >= 0; i = i - 1) g[i] = g[i] * 0.5 + g[i + 1];
}

/* nbench's ToggleBitRun (task-unseen11-nbench.c): `while (nbits--)` with bit_addr++ beside it;
   words [bit_addr >> 6, (bit_addr + nbits - 1) >> 6]. */
void bit_run(unsigned long *bitmap, unsigned long bit_addr, unsigned long nbits) {
  while (nbits--) {
    bitmap[bit_addr >> 6] |= (1UL << (bit_addr % 64));
    bit_addr++;
  }
}

/* The same run counted up: for comparison. */
void bit_run_for(unsigned long *bitmap, unsigned long bit_addr, unsigned long nbits) {
  for (unsigned long k = 0; k < nbits; k++) bitmap[(bit_addr + k) >> 6] |= (1UL << ((bit_addr + k) % 64));
}

/* nbench's cipher_idea (task-unseen11-nbench.c): straight-line `*in++` (in[0..3], out[0..3]). */
void four_in_out(unsigned short *in, unsigned short *out) {
  unsigned short x1, x2, x3, x4;
  x1 = *in++;
  x2 = *in++;
  x3 = *in++;
  x4 = *in;
  *out++ = x4;
  *out++ = x3;
  *out++ = x2;
  *out = x1;
}

/* nbench's de_key_idea copy-out (task-unseen11-nbench.c): `*DK++ = *p` over a counted loop. */
void copy_walk(unsigned short *DK, const unsigned short *Z) {
  int j;
  const unsigned short *p;
  for (j = 0, p = Z; j < 52; j++) *DK++ = *p++;
}

/* pifft's mp_idiv_2 (task-unseen11-pifft-mp.c): shift is 0 or 1 from a branch; in[0 .. n+1]. */
void half(int n, int radix, int in[], int out[]) {
  int j, ix, carry, shift;
  out[0] = in[0];
  shift = 0;
  if (in[2] == 1) shift = 1;
  out[1] = in[1] - shift;
  carry = -shift;
  for (j = 2; j <= n + 1 - shift; j++) {
    ix = in[j + shift] + (radix & carry);
    carry = -(ix & 1);
    out[j] = ix >> 1;
  }
  if (shift > 0) out[n + 1] = (radix & carry) >> 1;
}

/* AMGmk's relax block (task-unseen11-sequoia.c): [ns, ne) set in the two arms of an if. */
void block_of(const double *f, double *u, int n, int j, int num_threads) {
  int i, ns, ne, size, rest;
  size = n / num_threads;
  rest = n - size * num_threads;
  if (j < rest) {
    ns = j * size + j;
    ne = (j + 1) * size + j + 1;
  } else {
    ns = j * size + rest;
    ne = (j + 1) * size + rest;
  }
  for (i = ns; i < ne; i++) u[i] = 2.0 * f[i];
}

/* SMG2000's `start = hypre_BoxIMin(box)` (task-unseen11-smg2000.c): an array field's address
   indexed by constants; box[0] only. */
typedef struct {
  int imin[3];
  int imax[3];
} Box;

int box_volume(Box *box) {
  int *start = box->imin;
  int *end = box->imax;
  return (end[0] - start[0] + 1) * (end[1] - start[1] + 1) * (end[2] - start[2] + 1);
}

/* OmpSCR's FFT butterfly (task-unseen11-ompscr.c): `int i` against `unsigned n`, `i <= n - 1`;
   A[0 .. 2n). */
typedef struct {
  double re, im;
} Complex;

void butterfly(Complex *A, const Complex *B, unsigned n) {
  int i;
  for (i = 0; i <= n - 1; i++) {
    A[i].re = B[i].re + B[i].im;
    A[i + n].re = B[i].re - B[i].im;
  }
}

/* IRSmk's packed product (task-unseen11-sequoia.c): a loop nest spelled by an object-like macro,
   the index computed into an outer variable (`i = ii + jj * jp + kk * kp`): "the index of 'NEST'
   has no symbolic form"; the same written out is exact and remotable. */
#define NEST                                                                                                   \
  const double *xdbl = x - kp - jp - 1;                                                                        \
  for (kk = kmin; kk < kmax; kk++) {                                                                           \
    for (jj = jmin; jj < jmax; jj++) {                                                                         \
      for (ii = imin; ii < imax; ii++) {                                                                       \
        i = ii + jj * jp + kk * kp;                                                                            \
        b[i] = coef[i] * xdbl[i];                                                                              \
      }                                                                                                        \
    }                                                                                                          \
  }

void nest_macro(int imin, int imax, int jmin, int jmax, int kmin, int kmax, int jp, int kp, const double *coef,
                const double *x, double *b) {
  int i, ii, jj, kk;
  NEST
}

void nest_written_out(int imin, int imax, int jmin, int jmax, int kmin, int kmax, int jp, int kp, const double *coef,
                      const double *x, double *b) {
  int i, ii, jj, kk;
  const double *xdbl = x - kp - jp - 1;
  for (kk = kmin; kk < kmax; kk++) {
    for (jj = jmin; jj < jmax; jj++) {
      for (ii = imin; ii < imax; ii++) {
        i = ii + jj * jp + kk * kp;
        b[i] = coef[i] * xdbl[i];
      }
    }
  }
}

int main(void) {
  double a[40], b[40], c[40], g[12];
  for (int i = 0; i < 40; i++) a[i] = i, b[i] = -i, c[i] = (i % 3 == 0) ? -1.0 - i : 0.5 * i;
  for (int i = 0; i < 12; i++) g[i] = i + 1;
#pragma dosc task
  fwd_goto(a, b, c, 5, 30);
#pragma dosc task
  step_minus_one(g, 12);
#pragma dosc taskwait
  unsigned long bm[8] = {0}, bm2[8] = {0};
#pragma dosc task
  bit_run(bm, 70, 150);
#pragma dosc task
  bit_run_for(bm2, 70, 150);
#pragma dosc taskwait
  unsigned short in[8] = {1, 2, 3, 4, 5, 6, 7, 8}, out[8] = {0}, dk[52], z[52];
  for (int i = 0; i < 52; i++) z[i] = (unsigned short)(i * 7);
#pragma dosc task
  four_in_out(in + 4, out + 2);
#pragma dosc task
  copy_walk(dk, z);
#pragma dosc taskwait
  int n = 6, num[8] = {1, 0, 1, 5000, 0, 1, 9999, 3}, h[8];
#pragma dosc task
  half(n, 10000, num, h);
#pragma dosc taskwait
  double f[23], u[23];
  for (int i = 0; i < 23; i++) f[i] = i * 0.5, u[i] = 0.0;
  for (int j = 0; j < 4; j++) {
#pragma dosc task
    block_of(f, u, 23, j, 4);
  }
#pragma dosc taskwait
  Box box = {{1, 2, 3}, {4, 6, 8}};
  int vol;
#pragma dosc task
  vol = box_volume(&box);
#pragma dosc taskwait
  Complex A[16], B[8];
  for (int i = 0; i < 8; i++) B[i].re = i, B[i].im = 0.5 * i;
#pragma dosc task
  butterfly(A, B, 8);
#pragma dosc taskwait
  double coef[300], x[300], r1[300] = {0}, r2[300] = {0};
  for (int i = 0; i < 300; i++) coef[i] = 0.1 * i, x[i] = 1.0 + (i % 4);
#pragma dosc task
  nest_macro(1, 5, 1, 5, 1, 4, 7, 49, coef, x, r1);
#pragma dosc task
  nest_written_out(1, 5, 1, 5, 1, 4, 7, 49, coef, x, r2);
#pragma dosc taskwait
  double s = 0.0;
  for (int i = 0; i < 40; i++) s += a[i] * (i % 5) + b[i];
  for (int i = 0; i < 12; i++) s += g[i] * i;
  unsigned long w = 0;
  for (int i = 0; i < 8; i++) w = w * 31 + bm[i] + 3 * bm2[i];
  long t = 0;
  for (int i = 0; i < 8; i++) t = t * 7 + out[i] + h[i];
  for (int i = 0; i < 52; i++) t += dk[i] * (i % 3);
  for (int i = 0; i < 23; i++) s += u[i] * (i + 1);
  for (int i = 0; i < 16; i++) s += A[i].re * (i + 2);
  for (int i = 0; i < 300; i++) s += r1[i] * (i % 7) + r2[i] * 3;
  printf("%.6f %lu %ld %d\n", s, w, t, vol);
  return 0;
}
