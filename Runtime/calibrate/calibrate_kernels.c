/* calibrate_kernels - small kernels whose work the dosc analyzer estimates,
 * for the time per operation of the manifest's own unit (`ns_per_op`).
 *
 * `dosc calibrate` builds this file with `dosc compile`, runs it with
 * DOSC_BIND=inline DOSC_THREADS=1 (every site the plain call) and divides
 * each kernel's time per call by its manifest "work" evaluated at the
 * arguments printed here: "kernel TASK NAME=VALUE... ns=TIME_PER_CALL
 * spread=S" (the median over the rounds, and their interquartile range over
 * the median).
 * The kernels mix what programs do (streaming, reductions, a dense inner
 * loop, a stencil), so the median of their ns per op is the unit's price.
 * `dosc calibrate` launches this program several times and takes the median
 * over the launches (Calibration.swift).
 *
 * usage: calibrate_kernels ROUNDS */
#include <stdio.h>
#include <stdlib.h>

#include "calibrate_stats.h"

void axpy(double *y, const double *x, double a, int n) {
  for (int i = 0; i < n; i++)
    y[i] = y[i] + a * x[i];
}

void row_sums(const double *m, double *sums, int rows, int cols) {
  for (int i = 0; i < rows; i++) {
    double s = 0.0;
    for (int j = 0; j < cols; j++)
      s += m[i * cols + j];
    sums[i] = s;
  }
}

void matvec(const double *m, const double *v, double *out, int n) {
  for (int i = 0; i < n; i++) {
    double s = 0.0;
    for (int k = 0; k < n; k++)
      s += m[i * n + k] * v[k];
    out[i] = s;
  }
}

void smooth(const double *in, double *out, int n) {
  for (int i = 1; i < n - 1; i++)
    out[i] = (in[i - 1] + in[i] + in[i + 1]) / 3.0;
}

#define SIZE 4096
#define SIDE 128
#define REPS 200
/* Rounds run and thrown away before each kernel's: its data in the caches,
 * its code in the instruction cache and the CPU at its working clock. */
#define WARM_UP_ROUNDS 2

/* "ns=MEDIAN spread=IQR/MEDIAN" of `count` samples. */
static void summarize(double *samples, int count) {
  double spread;
  double median = calibrate_median(samples, count, &spread);
  printf(" ns=%.2f spread=%.3f\n", median, spread);
}

int main(int argc, char **argv) {
  int rounds = argc > 1 ? atoi(argv[1]) : 9;
  if (rounds < 3 || rounds > 1000) rounds = 9;
  double *x = malloc(sizeof(double) * SIZE), *y = malloc(sizeof(double) * SIZE);
  double *m = malloc(sizeof(double) * SIDE * SIDE), *v = malloc(sizeof(double) * SIDE);
  double *out = malloc(sizeof(double) * SIZE), *samples = malloc(sizeof(double) * (size_t)rounds);
  static double calls[REPS]; /* one round's calls, each timed alone: a call during
                               which another process had the CPU spoils only itself */
  if (!x || !y || !m || !v || !out || !samples) return 1;
  for (int i = 0; i < SIZE; i++) {
    x[i] = (double)(i % 13) * 0.25;
    y[i] = (double)(i % 7);
    out[i] = 0.0;
  }
  for (int i = 0; i < SIDE * SIDE; i++)
    m[i] = (double)(i % 11) - 5.0;
  for (int i = 0; i < SIDE; i++)
    v[i] = (double)(i % 3);
  int n = SIZE, side = SIDE, rows = SIDE, cols = SIDE;

  for (int r = -WARM_UP_ROUNDS; r < rounds; r++) {
    for (int k = 0; k < REPS; k++) {
      double start = calibrate_now_ns();
#pragma dosc task
      axpy(y, x, 0.5, n);
#pragma dosc taskwait
      calls[k] = calibrate_now_ns() - start;
    }
    if (r >= 0) samples[r] = calibrate_median(calls, REPS, NULL);
  }
  printf("kernel axpy n=%d", n);
  summarize(samples, rounds);

  for (int r = -WARM_UP_ROUNDS; r < rounds; r++) {
    for (int k = 0; k < REPS; k++) {
      double start = calibrate_now_ns();
#pragma dosc task
      row_sums(m, out, rows, cols);
#pragma dosc taskwait
      calls[k] = calibrate_now_ns() - start;
    }
    if (r >= 0) samples[r] = calibrate_median(calls, REPS, NULL);
  }
  printf("kernel row_sums rows=%d cols=%d", rows, cols);
  summarize(samples, rounds);

  for (int r = -WARM_UP_ROUNDS; r < rounds; r++) {
    for (int k = 0; k < REPS; k++) {
      double start = calibrate_now_ns();
#pragma dosc task
      matvec(m, v, out, side);
#pragma dosc taskwait
      calls[k] = calibrate_now_ns() - start;
    }
    if (r >= 0) samples[r] = calibrate_median(calls, REPS, NULL);
  }
  printf("kernel matvec n=%d", side);
  summarize(samples, rounds);

  for (int r = -WARM_UP_ROUNDS; r < rounds; r++) {
    for (int k = 0; k < REPS; k++) {
      double start = calibrate_now_ns();
#pragma dosc task
      smooth(x, out, n);
#pragma dosc taskwait
      calls[k] = calibrate_now_ns() - start;
    }
    if (r >= 0) samples[r] = calibrate_median(calls, REPS, NULL);
  }
  printf("kernel smooth n=%d", n);
  summarize(samples, rounds);

  double check = 0.0;
  for (int i = 0; i < SIZE; i++)
    check += y[i] + out[i];
  printf("checksum %.3f\n", check);
  free(x);
  free(y);
  free(m);
  free(v);
  free(out);
  free(samples);
  return 0;
}
