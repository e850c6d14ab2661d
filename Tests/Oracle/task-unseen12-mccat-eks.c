/* McCat's 05-eks (Mikkel Damsgaard; (C) 1996 McGill University, McCAT System Group, ACAPS; LLVM
   licence, see MultiSource/Benchmarks/McCat/LICENSE.TXT), eigenvalues of banded symmetric
   matrices by Jacobi band reduction and shifted QR, as dosc tasks (branch unseen12), read from
   llvm/llvm-test-suite, MultiSource/Benchmarks/McCat/05-eks/ (main.h, MM.c, Jacobi.c, QRfact.c,
   main.c): the shapes kept, the code written anew around them, a smaller order:
   - the order as a lower-case object-like macro `#define n 12` and `typedef double **Matrix`,
     `typedef double *Vector` (rows malloc'd apart by newMatrix), MakeMatrix's `M[j][k] = M[k][j]
     = ...` for k from j under `abs(k-j) > i`, MakeID's triangle;
   - Givens(a, b, &s, &c) writing through two `double *`; ApplyGivens(A, s, c, i, j, start, end)
     over the inclusive range [start, end] on rows i, j then columns i, j, called with `(j+2*i<n) ?
     j+2*i : n-1`; ApplyRGivens on U's columns; Jacobi's bulge chase `while (m < n-i) { ...; m +=
     i; }`;
   - QRiterate's deflation `while ((q>0) && (A[q-1][q]==0.0)) q--;`, `p` found the same way, the
     Wilkinson shift and the rotations over `l = (i-1>p)?i-1:p`, `m = (q<i+2)?q:i+2`;
   - qsort of the diagonal with the file's comparator cast `(int (*)(const void*, const
     void*))comp`;
   - a task per matrix (bandwidth l = 2..5) doing the whole reduction on matrices it allocates and
     frees, writing its sorted eigenvalues into `v + (l - 2) * n`; a task per matrix for Check's
     products `matrixMult(C, A, B)` (C[i][j] over `Matrix` rows) returning the Frobenius norm of
     U^T T U - D; NormInf / NormOne as value-returning tasks over a matrix the caller made.
   The program prints the eigenvalues and the checks. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

typedef double **Matrix;
typedef double *Vector;
#define n 12
#define epsilon 1.0e-10

Matrix newMatrix(void) {
  Matrix M;
  int i;
  M = (Matrix)malloc(sizeof(double *) * n);
  for (i = 0; i < n; i++) M[i] = (double *)malloc(sizeof(double) * n);
  return M;
}

void freeMatrix(Matrix A) {
  int i;
  for (i = 0; i < n; i++) free(A[i]);
  free(A);
}

Matrix MakeMatrix(int i) {
  int j, k;
  Matrix M;
  M = newMatrix();
  for (j = 0; j < n; j++)
    for (k = j; k < n; k++)
      if (abs(k - j) > i)
        M[j][k] = M[k][j] = 0.0;
      else
        M[j][k] = M[k][j] = 4.0 / (5.0 * sqrt(2.0 * M_PI)) * exp(-(8.0 / 25.0) * (j - k) * (j - k));
  return M;
}

void MakeID(Matrix A) {
  int l, j;
  for (j = 0; j < n; j++)
    for (l = j; l < n; l++)
      if (j == l)
        A[j][l] = 1;
      else
        A[j][l] = A[l][j] = 0.0;
}

Matrix newIdMatrix(void) {
  Matrix C;
  C = newMatrix();
  MakeID(C);
  return C;
}

void matrixMult(Matrix C, Matrix A, Matrix B) {
  int i, j, k;
  for (i = 0; i < n; i++)
    for (j = 0; j < n; j++) {
      C[i][j] = 0.0;
      for (k = 0; k < n; k++) C[i][j] += A[i][k] * B[k][j];
    }
}

void matrixTranspose(Matrix A) {
  int i, j;
  double a;
  for (i = 0; i < n; i++)
    for (j = i + 1; j < n; j++) {
      a = A[i][j];
      A[i][j] = A[j][i];
      A[j][i] = a;
    }
}

double NormInf(Matrix A) {
  double a, b;
  int i, j;
  a = 0.0;
  for (i = 0; i < n; i++) {
    b = 0.0;
    for (j = 0; j < n; j++) b += fabs(A[i][j]);
    if (b > a) a = b;
  }
  return a;
}

double NormOne(Matrix A) {
  double a, b;
  int i, j;
  a = 0.0;
  for (j = 0; j < n; j++) {
    b = 0.0;
    for (i = 0; i < n; i++) b += fabs(A[i][j]);
    if (b > a) a = b;
  }
  return a;
}

void Givens(double a, double b, double *s, double *c) {
  double t;
  if (b == 0.0) {
    *c = 1;
    *s = 0;
  } else if (fabs(b) > fabs(a)) {
    t = -a / b;
    *s = 1 / sqrt(1 + t * t);
    *c = (*s) * t;
  } else {
    t = -b / a;
    *c = 1 / sqrt(1 + t * t);
    *s = (*c) * t;
  }
}

int sign(double a) {
  if (a < 0) return -1;
  return 1;
}

void ApplyRGivens(Matrix U, double s, double c, int i, int j) {
  int k;
  double t1, t2;
  for (k = 0; k < n; k++) {
    t1 = U[k][i];
    t2 = U[k][j];
    U[k][i] = c * t1 - s * t2;
    U[k][j] = s * t1 + c * t2;
  }
}

void ApplyGivens(Matrix A, double s, double c, int i, int j, int start, int end) {
  double t1, t2;
  int k;
  for (k = start; k <= end; k++) {
    t1 = A[i][k];
    t2 = A[j][k];
    A[i][k] = c * t1 - s * t2;
    A[j][k] = s * t1 + c * t2;
  }
  for (k = start; k <= end; k++) {
    t1 = A[k][i];
    t2 = A[k][j];
    A[k][i] = c * t1 - s * t2;
    A[k][j] = s * t1 + c * t2;
  }
}

Matrix Jacobi(Matrix A, int bw) {
  double s, c;
  int i, j, m;
  Matrix U;
  U = newIdMatrix();
  for (i = bw; i >= 2; i--) {
    for (j = 0; j < n - i; j++) {
      Givens(A[j][j + i - 1], A[j][j + i], &s, &c);
      ApplyGivens(A, s, c, j + i - 1, j + i, j, (j + 2 * i < n) ? j + 2 * i : n - 1);
      ApplyRGivens(U, s, c, j + i - 1, j + i);
      m = j + i;
      while (m < n - i) {
        Givens(A[m - 1][m + i - 1], A[m - 1][m + i], &s, &c);
        ApplyGivens(A, s, c, m + i - 1, m + i, m - 1, (m + 2 * i < n) ? m + 2 * i : n - 1);
        ApplyRGivens(U, s, c, m + i - 1, m + i);
        m += i;
      }
    }
  }
  return U;
}

void QRiterate(Matrix A, Matrix U) {
  double c, s, t;
  double d, mu, x, z, t1, t2;
  int i, k, notdone = 1, p = 0, q, l, m;
  while (notdone) {
    for (i = 0; i < n - 1; i++)
      if (fabs(A[i + 1][i]) < (fabs(A[i][i]) + fabs(A[i + 1][i + 1])) * epsilon) A[i + 1][i] = A[i][i + 1] = 0.0;
    q = n - 1;
    while ((q > 0) && (A[q - 1][q] == 0.0)) q--;
    if (q == 0) {
      notdone = 0;
    } else {
      p = q;
      while ((p > 0) && (A[p - 1][p] != 0.0)) p--;
    }
    if (!notdone) break;
    d = (A[q - 1][q - 1] - A[q][q]) / 2;
    t = A[q][q - 1];
    t = t * t;
    mu = A[q][q] - (t / (d + sign(d) * sqrt(d * d + t)));
    x = A[p][p] - mu;
    z = A[p + 1][p];
    for (i = p; i < q; i++) {
      Givens(x, z, &s, &c);
      l = (i - 1 > p) ? i - 1 : p;
      m = (q < i + 2) ? q : i + 2;
      for (k = l; k <= m; k++) {
        t1 = A[i][k];
        t2 = A[i + 1][k];
        A[i][k] = c * t1 - s * t2;
        A[i + 1][k] = s * t1 + c * t2;
      }
      for (k = l; k <= m; k++) {
        t1 = A[k][i];
        t2 = A[k][i + 1];
        A[k][i] = c * t1 - s * t2;
        A[k][i + 1] = s * t1 + c * t2;
      }
      ApplyRGivens(U, s, c, i, i + 1);
      if (i < q - 1) {
        x = A[i + 1][i];
        z = A[i + 2][i];
      }
    }
  }
}

int comp(const double *a, const double *b) {
  if (fabs(*a) < fabs(*b))
    return 1;
  else if (fabs(*a) > fabs(*b))
    return -1;
  else
    return 0;
}

/* one matrix of main's loop: its eigenvalues, sorted by size, into v[0..n) */
void eigen(int l, Vector v) {
  int i;
  Matrix A = MakeMatrix(l);
  Matrix U = Jacobi(A, l);
  QRiterate(A, U);
  for (i = 0; i < n; i++) v[i] = A[i][i];
  qsort(v, n, sizeof(double), (int (*)(const void *, const void *))comp);
  freeMatrix(U);
  freeMatrix(A);
}

/* Check's test: U^T T U against the reduced A, as the Frobenius norm of the difference */
double check(int l) {
  int i, j;
  double a = 0.0;
  Matrix A = MakeMatrix(l);
  Matrix U = Jacobi(A, l);
  Matrix X = newMatrix();
  Matrix T = MakeMatrix(l);
  matrixMult(X, T, U);
  matrixTranspose(U);
  matrixMult(T, U, X);
  matrixTranspose(U);
  for (i = 0; i < n; i++)
    for (j = 0; j < n; j++) a += (A[i][j] - T[i][j]) * (A[i][j] - T[i][j]);
  freeMatrix(A);
  freeMatrix(U);
  freeMatrix(X);
  freeMatrix(T);
  return sqrt(a);
}

int main() {
  int i, l;
  Vector v = (Vector)malloc(sizeof(double) * n * 4);
  double frob[4], ninf, none;
  Matrix M;

  for (l = 2; l <= 5; l++) {
#pragma dosc task
    eigen(l, v + (l - 2) * n);
#pragma dosc task
    frob[l - 2] = check(l);
  }
  M = MakeMatrix(3);
#pragma dosc task
  ninf = NormInf(M);
#pragma dosc task
  none = NormOne(M);
#pragma dosc taskwait

  for (l = 2; l <= 5; l++) {
    printf("l = %d, check %s\n", l, frob[l - 2] < 1e-9 ? "ok" : "FAILED");
    for (i = 0; i < n; i++) printf("%i %e\n", i, v[(l - 2) * n + i]);
  }
  printf("norms %.10f %.10f\n", ninf, none);
  freeMatrix(M);
  free(v);
  return 0;
}
