/* FreeBench's neural (Fredrik Warg, (C) 1996, 2001; FreeBench 1.03, "freely available and
   redistributable", see MultiSource/Benchmarks/FreeBench/README_LLVM.txt), a Hopfield network
   storing letter patterns, as dosc tasks (branch unseen12), read from llvm/llvm-test-suite,
   MultiSource/Benchmarks/FreeBench/neural/neural.c: the shapes kept, the code written anew around
   them, the patterns made by a formula instead of read from a file:
   - the T matrix as `real **` rows (`typedef float real`) and the patterns as `int **` rows, each
     malloc'd apart; generateT's Hebbian sum `Tmatrix[row][col] += vectors[vec][row] *
     vectors[vec][col]` with the diagonal zeroed, over `vec < 10` as the original has it, a task
     per band of rows given `T + r0`;
   - hamming(ny, orig, mode) comparing `ny[neuron] != (orig[neuron] * mode)`; checkham's pairs
     (`comp = vec + 1`), a task per vec returning its count of close pairs;
   - run: the asynchronous update with malloc'd tempvecA / tempvecB, `thesum += T[row][neuron] *
     tempvecA[neuron]`, `while ((neuron < n) && (tempvecB[neuron] == tempvecA[neuron]))
     neuron++;` then `tempvecA[neuron] = tempvecB[neuron]` (neuron < n by the test before it),
     returning its iteration count; runcont with continuous neurons, `tempvecA[neuron] =
     dest[neuron] = source[neuron]`, myexp's clamps, the inner `while ((!threshold) && (maxcont <
     50))`, and `dest[neuron] = tempvecC[neuron]` after the same search; a task per pattern;
   - delta's learning step: `tempvecC[neuron] = (real)(vectors[vec][neuron] -
     newvectors[vec][neuron]) * n` tested `!= 0.0` in the assignment, then the T update a task per
     band of rows.
   The program prints what storecheck prints and a checksum. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define MODE_NORMAL 1
#define MODE_COMPLEMENT -1
#define NNWIDTH 5
#define NNHEIGHT 5
#define NNTOT (NNWIDTH * NNHEIGHT)
#define NUMPATS 10
#define BAND 12

typedef enum { WFALSE, WTRUE } wbool;
typedef float real;

unsigned long randnum = 7;

int hamming(signed int *ny, signed int *orig, int n, int mode) {
  int hd = 0, neuron;
  for (neuron = 0; neuron < n; neuron++)
    if (ny[neuron] != (orig[neuron] * mode)) hd++;
  return hd;
}

int checkham_row(int **vectors, int npats, int n, int vec) {
  int comp, hd, hamwarn = 0;
  for (comp = (vec + 1); comp < npats; comp++) {
    if ((hd = hamming(vectors[vec], vectors[comp], n, MODE_NORMAL)) < 2) hamwarn++;
    if ((hd = hamming(vectors[vec], vectors[comp], n, MODE_COMPLEMENT)) < 2) hamwarn++;
  }
  return hamwarn;
}

void generateT_rows(real **Tmatrix, int **vectors, int n, int r0, int r1) {
  int row, col, vec;
  for (row = r0; row < r1; row++)
    for (col = 0; col < n; col++) Tmatrix[row][col] = 0.0;
  for (vec = 0; vec < 10; vec++) {
    for (row = r0; row < r1; row++) {
      for (col = 0; col < n; col++) {
        if (row == col)
          Tmatrix[row][col] = 0.0;
        else
          Tmatrix[row][col] += vectors[vec][row] * vectors[vec][col];
      }
    }
  }
}

static double myexp(double in) {
  if (in > 2.0e2) in = 200.0;
  if (in < -2.0e2) in = -200.0;
  return exp(in);
}

int run(real **Tmatrix, int n, signed int *source, signed int *dest) {
  signed int neuron, thesum, row, max = 0, *tempvecA, *tempvecB;
  wbool stable = WFALSE;
  tempvecA = (int *)malloc(n * sizeof(int));
  tempvecB = (int *)malloc(n * sizeof(int));
  for (neuron = 0; neuron < n; neuron++) tempvecA[neuron] = source[neuron];
  while ((!stable) && (max < 500)) {
    for (row = 0; row < n; row++) {
      thesum = 0;
      for (neuron = 0; neuron < n; neuron++) thesum += Tmatrix[row][neuron] * tempvecA[neuron];
      tempvecB[row] = (thesum >= 0) ? 1 : -1;
    }
    for (neuron = 0; neuron < n; neuron++)
      if (tempvecA[neuron] == 0) tempvecA[neuron] = tempvecB[neuron];
    if (hamming(tempvecB, tempvecA, n, MODE_NORMAL) == 0)
      stable = WTRUE;
    else {
      neuron = 0;
      while ((neuron < n) && (tempvecB[neuron] == tempvecA[neuron])) neuron++;
      tempvecA[neuron] = tempvecB[neuron];
    }
    max++;
  }
  for (neuron = 0; neuron < n; neuron++) dest[neuron] = tempvecA[neuron];
  free(tempvecA);
  free(tempvecB);
  return max;
}

int runcont(real **Tmatrix, int n, signed int source[], signed int dest[]) {
  signed int neuron, row, max = 0, maxcont = 0;
  real *tempvecA, thesum;
  signed int *tempvecC;
  wbool stable = WFALSE, threshold = WFALSE;

  tempvecA = (real *)malloc((n) * sizeof(real));
  tempvecC = (signed int *)malloc((n) * sizeof(signed int));
  for (neuron = 0; neuron < n; neuron++) tempvecA[neuron] = dest[neuron] = source[neuron];
  while ((!stable) && (max < 500)) {
    maxcont = 0;
    for (row = 0; row < n; row++) {
      thesum = 0.0;
      for (neuron = 0; neuron < n; neuron++) thesum += Tmatrix[row][neuron] * source[neuron];
      tempvecA[row] = (1.0 - myexp(-1.0 * thesum)) / (1.0 + myexp(-1.0 * thesum));
    }
    while ((!threshold) && (maxcont < 50)) {
      threshold = WTRUE;
      for (row = 0; row < n; row++) {
        if (fabs(tempvecA[row]) < 0.7) {
          thesum = 0.0;
          for (neuron = 0; neuron < n; neuron++) thesum += Tmatrix[row][neuron] * tempvecA[neuron];
          if ((tempvecA[row] = (1.0 - myexp(-1.0 * thesum)) / (1.0 + myexp(-1.0 * thesum))) < 0.7) threshold = WFALSE;
        }
      }
      maxcont++;
    }
    for (neuron = 0; neuron < n; neuron++) tempvecC[neuron] = (tempvecA[neuron] > 0) ? 1 : -1;
    if (hamming(dest, tempvecC, n, MODE_NORMAL) == 0)
      stable = WTRUE;
    else {
      neuron = 0;
      while ((neuron < n) && (dest[neuron] == tempvecC[neuron])) neuron++;
      dest[neuron] = tempvecC[neuron];
      for (neuron = 0; neuron < n; neuron++) tempvecA[neuron] = dest[neuron];
    }
    max++;
  }
  free(tempvecA);
  free(tempvecC);
  return max;
}

/* delta's error vector for one pattern: nonzero entries clear the status */
int delta_error(real *tempvecC, const int *vec, const int *newvec, int n, real rate) {
  int neuron, status = WTRUE;
  for (neuron = 0; neuron < n; ++neuron)
    if ((tempvecC[neuron] = (real)(vec[neuron] - newvec[neuron]) * rate) != 0.0) status = WFALSE;
  return status;
}

void delta_rows(real **Tmatrix, const real *tempvecC, const int *vec, int n, int r0, int r1) {
  int row, col;
  for (row = r0; row < r1; ++row) {
    for (col = 0; col < n; ++col) {
      if (row == col)
        Tmatrix[row][col] = 0.0;
      else
        Tmatrix[row][col] += tempvecC[row] * (real)(vec[col]);
    }
  }
}

int main(void) {
  real **Tmatrix = (real **)malloc(sizeof(real *) * NNTOT);
  int **vectors = (int **)malloc(sizeof(int *) * NUMPATS);
  int **newvectors = (int **)malloc(sizeof(int *) * NUMPATS);
  real *tempvecC = (real *)malloc(NNTOT * sizeof(real));
  int iter[NUMPATS], warn[NUMPATS];
  int i, vec, r, rounds = 0;

  for (i = 0; i < NNTOT; i++) Tmatrix[i] = (real *)malloc(sizeof(real) * NNTOT);
  for (vec = 0; vec < NUMPATS; vec++) {
    vectors[vec] = (int *)malloc(sizeof(int) * NNTOT);
    newvectors[vec] = (int *)malloc(sizeof(int) * NNTOT);
    for (i = 0; i < NNTOT; i++) {
      randnum = (randnum * 1103515245 + 12345) % 4294967296;
      vectors[vec][i] = (randnum >> 16) & 1 ? 1 : -1;
    }
  }

  for (vec = 0; vec < NUMPATS; vec++) {
#pragma dosc task
    warn[vec] = checkham_row(vectors, NUMPATS, NNTOT, vec);
  }
#pragma dosc taskwait
  int hamwarn = 0;
  for (vec = 0; vec < NUMPATS; vec++) hamwarn += warn[vec];
  printf("hamming warnings %d\n", hamwarn);

  for (r = 0; r < NNTOT; r += BAND) {
#pragma dosc task
    generateT_rows(Tmatrix, vectors, NNTOT, r, r + BAND < NNTOT ? r + BAND : NNTOT);
  }
#pragma dosc taskwait

  for (vec = 0; vec < NUMPATS; vec++) {
#pragma dosc task
    iter[vec] = run(Tmatrix, NNTOT, vectors[vec], newvectors[vec]);
  }
#pragma dosc taskwait
  for (vec = 0; vec < NUMPATS; vec++)
    printf("bin %d: iter %d hd %d\n", vec, iter[vec], hamming(vectors[vec], newvectors[vec], NNTOT, MODE_NORMAL));

  /* delta learning, continuous neurons: each pattern's recall, its error, the T update */
  wbool status;
  do {
    status = WTRUE;
    for (vec = 0; vec < NUMPATS; ++vec) {
      int ok;
#pragma dosc task
      iter[vec] = runcont(Tmatrix, NNTOT, vectors[vec], newvectors[vec]);
#pragma dosc taskwait
#pragma dosc task
      ok = delta_error(tempvecC, vectors[vec], newvectors[vec], NNTOT, 0.5);
#pragma dosc taskwait
      if (!ok) status = WFALSE;
      for (r = 0; r < NNTOT; r += BAND) {
#pragma dosc task
        delta_rows(Tmatrix, tempvecC, vectors[vec], NNTOT, r, r + BAND < NNTOT ? r + BAND : NNTOT);
      }
#pragma dosc taskwait
    }
    rounds++;
  } while (!status && rounds < 2);

  for (vec = 0; vec < NUMPATS; vec++) {
#pragma dosc task
    iter[vec] = runcont(Tmatrix, NNTOT, vectors[vec], newvectors[vec]);
  }
#pragma dosc taskwait
  for (vec = 0; vec < NUMPATS; vec++) {
    int hd = hamming(vectors[vec], newvectors[vec], NNTOT, MODE_NORMAL);
    if (hd == 0)
      printf("Pattern %d stored.\n", vec);
    else
      printf("Pattern %d: hamming distance=%-.2d.\n", vec, hd);
  }
  double s = 0.0;
  for (i = 0; i < NNTOT; i++)
    for (r = 0; r < NNTOT; r++) s += Tmatrix[i][r] * ((i + 2 * r) % 5 - 2);
  printf("rounds %d checksum %.4f\n", rounds, s);
  for (i = 0; i < NNTOT; i++) free(Tmatrix[i]);
  for (vec = 0; vec < NUMPATS; vec++) free(vectors[vec]), free(newvectors[vec]);
  free(Tmatrix);
  free(vectors);
  free(newvectors);
  free(tempvecC);
  return 0;
}
