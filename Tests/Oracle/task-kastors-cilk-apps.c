/* The shapes of KASTORS jacobi (block tasks in place of `depend` clauses) and of the Cilk
   apps heat, matmul, lu and cholesky (written for dosc in the suites' shapes, not copied):
   jacobi's sweep of one bs x bs block of an n x n grid (`u[i*n + j]` for i in the block's
   rows, the halo read from its neighbours) and its copy back; heat's row band of a grid with
   two time levels (`xa + j*ny`) and fixed borders; matmul's recursion over quadrants of
   matrices with a leading dimension (A + half, A + half*ld), with a leaf task; lu's recursive
   Schur update of quadrants; cholesky on a quadtree of nodes with child pointers. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- KASTORS jacobi ---------------------------------------------------------------------- */
/* One block [ib*bs, (ib+1)*bs) x [jb*bs, (jb+1)*bs) of the interior of an n x n grid. */
void jacobi_block(const double *u, double *unew, const double *f, int n, int ib, int jb, int bs, double dx2) {
  for (int i = ib * bs; i < (ib + 1) * bs; i++)
    for (int j = jb * bs; j < (jb + 1) * bs; j++) {
      if (i == 0 || j == 0 || i == n - 1 || j == n - 1) {
        unew[i * n + j] = f[i * n + j];
        continue;
      }
      unew[i * n + j] = 0.25 * (u[(i - 1) * n + j] + u[(i + 1) * n + j] + u[i * n + j - 1] + u[i * n + j + 1] +
                                f[i * n + j] * dx2);
    }
}
void copy_block(const double *unew, double *u, int n, int ib, int jb, int bs) {
  for (int i = ib * bs; i < (ib + 1) * bs; i++)
    for (int j = jb * bs; j < (jb + 1) * bs; j++) u[i * n + j] = unew[i * n + j];
}

/* ---- Cilk heat --------------------------------------------------------------------------- */
/* Rows [x0, x1) of the nx x ny grid at the next time level, borders held. */
void heat_band(const double *xa, double *xb, int nx, int ny, int x0, int x1, double ax, double ay) {
  for (int i = x0; i < x1; i++) {
    const double *a = xa + i * ny;
    double *b = xb + i * ny;
    if (i == 0 || i == nx - 1) {
      for (int j = 0; j < ny; j++) b[j] = a[j];
      continue;
    }
    b[0] = a[0];
    for (int j = 1; j < ny - 1; j++) b[j] = a[j] + ax * (a[j + ny] - 2 * a[j] + a[j - ny]) + ay * (a[j + 1] - 2 * a[j] + a[j - 1]);
    b[ny - 1] = a[ny - 1];
  }
}

/* ---- Cilk matmul ------------------------------------------------------------------------- */
/* C[0..n)^2 += A * B, all with leading dimension ld (a leaf: n <= 4). */
void mm_leaf(const double *A, const double *B, double *C, int n, int ld) {
  for (int i = 0; i < n; i++)
    for (int k = 0; k < n; k++)
      for (int j = 0; j < n; j++) C[i * ld + j] += A[i * ld + k] * B[k * ld + j];
}
void mm_rec(const double *A, const double *B, double *C, int n, int ld) {
  if (n <= 4) {
    mm_leaf(A, B, C, n, ld);
    return;
  }
  int h = n / 2;
#pragma dosc task
  mm_rec(A, B, C, h, ld);
#pragma dosc task
  mm_rec(A, B + h, C + h, h, ld);
#pragma dosc task
  mm_rec(A + h * ld, B, C + h * ld, h, ld);
#pragma dosc task
  mm_rec(A + h * ld, B + h, C + h * ld + h, h, ld);
#pragma dosc taskwait
#pragma dosc task
  mm_rec(A + h, B + h * ld, C, h, ld);
#pragma dosc task
  mm_rec(A + h, B + h * ld + h, C + h, h, ld);
#pragma dosc task
  mm_rec(A + h * ld + h, B + h * ld, C + h * ld, h, ld);
#pragma dosc task
  mm_rec(A + h * ld + h, B + h * ld + h, C + h * ld + h, h, ld);
#pragma dosc taskwait
}

/* ---- Cilk lu: the Schur update of quadrant (bi, bj) from the panels ----------------------- */
void schur_quadrant(double *M, int ld, int k0, int bs, int bi, int bj) {
  for (int i = bi; i < bi + bs; i++)
    for (int j = bj; j < bj + bs; j++)
      for (int k = k0; k < k0 + bs; k++) M[i * ld + j] -= M[i * ld + k] * M[k * ld + j];
}

/* ---- Cilk cholesky on a quadtree -------------------------------------------------------- */
struct quad {
  double leaf[4]; /* a 2 x 2 block when the children are NULL */
  struct quad *child[4];
};
static struct quad *build(int depth, int *seed) {
  struct quad *q = calloc(1, sizeof *q);
  if (depth == 0) {
    for (int i = 0; i < 4; i++) q->leaf[i] = 1.0 + (*seed = (*seed * 17 + 5) % 23);
  } else {
    for (int c = 0; c < 4; c++) q->child[c] = build(depth - 1, seed);
  }
  return q;
}
/* Scales every leaf under q by s, a task per child. */
void scale_quad(struct quad *q, double s) {
  if (q->child[0] == NULL) {
    for (int i = 0; i < 4; i++) q->leaf[i] *= s;
    return;
  }
  for (int c = 0; c < 4; c++) {
#pragma dosc task
    scale_quad(q->child[c], s);
  }
#pragma dosc taskwait
}
double sum_quad(const struct quad *q) {
  if (q->child[0] == NULL) return q->leaf[0] + 2 * q->leaf[1] + 3 * q->leaf[2] + 4 * q->leaf[3];
  double parts[4];
  for (int c = 0; c < 4; c++) {
#pragma dosc task
    parts[c] = sum_quad(q->child[c]);
  }
#pragma dosc taskwait
  return parts[0] + 1.5 * parts[1] + 2.5 * parts[2] + 3.5 * parts[3];
}
static void free_quad(struct quad *q) {
  for (int c = 0; c < 4; c++)
    if (q->child[c]) free_quad(q->child[c]);
  free(q);
}

int main(void) {
  /* jacobi */
  enum { N = 16, BS = 4 };
  double *u = malloc(sizeof(double) * N * N), *unew = malloc(sizeof(double) * N * N);
  double *f = malloc(sizeof(double) * N * N);
  for (int i = 0; i < N * N; i++) u[i] = 0, f[i] = (i % 9) * 0.1;
  for (int it = 0; it < 3; it++) {
    for (int ib = 0; ib < N / BS; ib++)
      for (int jb = 0; jb < N / BS; jb++) {
#pragma dosc task
        jacobi_block(u, unew, f, N, ib, jb, BS, 0.01);
      }
#pragma dosc taskwait
    for (int ib = 0; ib < N / BS; ib++)
      for (int jb = 0; jb < N / BS; jb++) {
#pragma dosc task
        copy_block(unew, u, N, ib, jb, BS);
      }
#pragma dosc taskwait
  }
  double js = 0;
  for (int i = 0; i < N * N; i++) js += u[i] * (i % 13);
  printf("jacobi: %.9f\n", js);

  /* heat */
  enum { NX = 12, NY = 10 };
  double xa[NX * NY], xb[NX * NY];
  for (int i = 0; i < NX * NY; i++) xa[i] = (i % 11 == 0) ? 10.0 : 0.0;
  for (int t = 0; t < 4; t++) {
    for (int x0 = 0; x0 < NX; x0 += 3) {
#pragma dosc task
      heat_band(xa, xb, NX, NY, x0, x0 + 3, 0.1, 0.1);
    }
#pragma dosc taskwait
    memcpy(xa, xb, sizeof xa);
  }
  double hs = 0;
  for (int i = 0; i < NX * NY; i++) hs += xa[i] * (i % 7);
  printf("heat: %.9f\n", hs);

  /* matmul */
  enum { NM = 16 };
  double A[NM * NM], B[NM * NM], C[NM * NM];
  for (int i = 0; i < NM * NM; i++) A[i] = (i % 5) - 2, B[i] = (i % 3) * 0.5, C[i] = 0;
#pragma dosc task
  mm_rec(A, B, C, NM, NM);
#pragma dosc taskwait
  for (int q = 0; q < 4; q++) {
    int bi = (q / 2) * (NM / 2), bj = (q % 2) * (NM / 2);
#pragma dosc task
    mm_leaf(A + bi * NM + bj, B + bj * NM + bi, C + bi * NM + bj, 4, NM);
  }
#pragma dosc taskwait
  double ms = 0;
  for (int i = 0; i < NM * NM; i++) ms += C[i] * (i % 7 + 1);
  printf("matmul: %.3f\n", ms);

  /* lu: one Schur step over the trailing quadrants */
  enum { NL = 8, LB = 2 };
  double M[NL * NL];
  for (int i = 0; i < NL * NL; i++) M[i] = (i % 6) * 0.25 + (i % (NL + 1) == 0 ? 4 : 0);
  for (int bi = LB; bi < NL; bi += LB)
    for (int bj = LB; bj < NL; bj += LB) {
#pragma dosc task
      schur_quadrant(M, NL, 0, LB, bi, bj);
    }
#pragma dosc taskwait
  double lsum = 0;
  for (int i = 0; i < NL * NL; i++) lsum += M[i] * (i % 5);
  printf("lu: %.6f\n", lsum);

  /* cholesky quadtree */
  int seed = 3;
  struct quad *root = build(3, &seed);
#pragma dosc task
  scale_quad(root, 0.5);
#pragma dosc taskwait
  double qs;
#pragma dosc task
  qs = sum_quad(root);
#pragma dosc taskwait
  printf("quadtree: %.6f\n", qs);
  free_quad(root);
  free(u);
  free(unew);
  free(f);
  return 0;
}
