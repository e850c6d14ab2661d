/* PolyBench/C stencils as tasks, a task per row block (or column block), written with the
   suite's macros (_PB_N for the size parameter, SCALAR_VAL) and its index shapes: jacobi-1d,
   jacobi-2d (A[i][1+j], A[1+i][j]), heat-3d (i +- 1 planes), fdtd-2d (ey from hz[i-1], ex from
   hz[i][j-1], hz from ex[i][j+1] and ey[i+1]), adi (the column sweep writes v[j][i], a column,
   and walks j down), deriche (float rows forward and backward, then columns). */
#include <stdio.h>

#define N 10
#define W 7
#define H 6
#define _PB_N n
#define _PB_W w
#define _PB_H h
#define SCALAR_VAL(x) x

void jacobi_1d_rows(int n, double A[N], double B[N], int lo, int hi) {
  int i;
  for (i = lo; i < hi; i++) B[i] = 0.33333 * (A[i - 1] + A[i] + A[i + 1]);
}

void jacobi_2d_rows(int n, double A[N][N], double B[N][N], int lo, int hi) {
  int i, j;
  for (i = lo; i < hi; i++)
    for (j = 1; j < _PB_N - 1; j++)
      B[i][j] = SCALAR_VAL(0.2) * (A[i][j] + A[i][j - 1] + A[i][1 + j] + A[1 + i][j] + A[i - 1][j]);
}

void heat_3d_planes(int n, double A[N][N][N], double B[N][N][N], int lo, int hi) {
  int i, j, k;
  for (i = lo; i < hi; i++)
    for (j = 1; j < _PB_N - 1; j++)
      for (k = 1; k < _PB_N - 1; k++)
        B[i][j][k] = SCALAR_VAL(0.125) * (A[i + 1][j][k] - SCALAR_VAL(2.0) * A[i][j][k] + A[i - 1][j][k]) +
                     SCALAR_VAL(0.125) * (A[i][j + 1][k] - SCALAR_VAL(2.0) * A[i][j][k] + A[i][j - 1][k]) +
                     SCALAR_VAL(0.125) * (A[i][j][k + 1] - SCALAR_VAL(2.0) * A[i][j][k] + A[i][j][k - 1]) + A[i][j][k];
}

/* fdtd-2d's three sweeps, each a task per row block; ey's row 0 is the source _fict_[t]. */
void fdtd_ey(int nx, int ny, double ey[W][H], double hz[W][H], double *_fict_, int t, int lo, int hi) {
  for (int i = lo; i < hi; i++)
    for (int j = 0; j < ny; j++) ey[i][j] = i == 0 ? _fict_[t] : ey[i][j] - SCALAR_VAL(0.5) * (hz[i][j] - hz[i - 1][j]);
}

void fdtd_ex(int nx, int ny, double ex[W][H], double hz[W][H], int lo, int hi) {
  for (int i = lo; i < hi; i++)
    for (int j = 1; j < ny; j++) ex[i][j] = ex[i][j] - SCALAR_VAL(0.5) * (hz[i][j] - hz[i][j - 1]);
}

void fdtd_hz(int nx, int ny, double ex[W][H], double ey[W][H], double hz[W][H], int lo, int hi) {
  for (int i = lo; i < hi; i++)
    for (int j = 0; j < ny - 1; j++)
      hz[i][j] = hz[i][j] - SCALAR_VAL(0.7) * (ex[i][j + 1] - ex[i][j] + ey[i + 1][j] - ey[i][j]);
}

/* adi's column sweep for columns [lo, hi) of v (rows of p and q). */
void adi_columns(int n, double u[N][N], double v[N][N], double p[N][N], double q[N][N], double a, double b, double c,
                 double d, double f, int lo, int hi) {
  int i, j;
  for (i = lo; i < hi; i++) {
    v[0][i] = SCALAR_VAL(1.0);
    p[i][0] = SCALAR_VAL(0.0);
    q[i][0] = v[0][i];
    for (j = 1; j < _PB_N - 1; j++) {
      p[i][j] = -c / (a * p[i][j - 1] + b);
      q[i][j] = (-d * u[j][i - 1] + (SCALAR_VAL(1.0) + SCALAR_VAL(2.0) * d) * u[j][i] - f * u[j][i + 1] - a * q[i][j - 1]) /
                (a * p[i][j - 1] + b);
    }
    v[_PB_N - 1][i] = SCALAR_VAL(1.0);
    for (j = _PB_N - 2; j >= 1; j--) v[j][i] = p[i][j] * v[j + 1][i] + q[i][j];
  }
}

/* adi's row sweep for rows [lo, hi) of u. */
void adi_rows(int n, double u[N][N], double v[N][N], double p[N][N], double q[N][N], double a, double c, double d,
              double e, double f, int lo, int hi) {
  int i, j;
  for (i = lo; i < hi; i++) {
    u[i][0] = SCALAR_VAL(1.0);
    p[i][0] = SCALAR_VAL(0.0);
    q[i][0] = u[i][0];
    for (j = 1; j < _PB_N - 1; j++) {
      p[i][j] = -f / (d * p[i][j - 1] + e);
      q[i][j] = (-a * v[i - 1][j] + (SCALAR_VAL(1.0) + SCALAR_VAL(2.0) * a) * v[i][j] - c * v[i + 1][j] - d * q[i][j - 1]) /
                (d * p[i][j - 1] + e);
    }
    u[i][_PB_N - 1] = SCALAR_VAL(1.0);
    for (j = _PB_N - 2; j >= 1; j--) u[i][j] = p[i][j] * u[i][j + 1] + q[i][j];
  }
}

/* deriche: the horizontal pass over rows [lo, hi): y1 forward, y2 backward, their sum. */
void deriche_rows(int w, int h, float a1, float a2, float a3, float a4, float b1, float b2, float c1, float imgIn[W][H],
                  float imgOut[W][H], float y1[W][H], float y2[W][H], int lo, int hi) {
  int i, j;
  float xm1, ym1, ym2, xp1, xp2, yp1, yp2;
  for (i = lo; i < hi; i++) {
    ym1 = SCALAR_VAL(0.0);
    ym2 = SCALAR_VAL(0.0);
    xm1 = SCALAR_VAL(0.0);
    for (j = 0; j < _PB_H; j++) {
      y1[i][j] = a1 * imgIn[i][j] + a2 * xm1 + b1 * ym1 + b2 * ym2;
      xm1 = imgIn[i][j];
      ym2 = ym1;
      ym1 = y1[i][j];
    }
  }
  for (i = lo; i < hi; i++) {
    yp1 = SCALAR_VAL(0.0);
    yp2 = SCALAR_VAL(0.0);
    xp1 = SCALAR_VAL(0.0);
    xp2 = SCALAR_VAL(0.0);
    for (j = _PB_H - 1; j >= 0; j--) {
      y2[i][j] = a3 * xp1 + a4 * xp2 + b1 * yp1 + b2 * yp2;
      xp2 = xp1;
      xp1 = imgIn[i][j];
      yp2 = yp1;
      yp1 = y2[i][j];
    }
  }
  for (i = lo; i < hi; i++)
    for (j = 0; j < _PB_H; j++) imgOut[i][j] = c1 * (y1[i][j] + y2[i][j]);
}

/* deriche: the vertical pass over columns [lo, hi). */
void deriche_cols(int w, int h, float a5, float a6, float a7, float a8, float b1, float b2, float c2, float imgOut[W][H],
                  float y1[W][H], float y2[W][H], int lo, int hi) {
  int i, j;
  float tm1, ym1, ym2, tp1, tp2, yp1, yp2;
  for (j = lo; j < hi; j++) {
    tm1 = SCALAR_VAL(0.0);
    ym1 = SCALAR_VAL(0.0);
    ym2 = SCALAR_VAL(0.0);
    for (i = 0; i < _PB_W; i++) {
      y1[i][j] = a5 * imgOut[i][j] + a6 * tm1 + b1 * ym1 + b2 * ym2;
      tm1 = imgOut[i][j];
      ym2 = ym1;
      ym1 = y1[i][j];
    }
  }
  for (j = lo; j < hi; j++) {
    tp1 = SCALAR_VAL(0.0);
    tp2 = SCALAR_VAL(0.0);
    yp1 = SCALAR_VAL(0.0);
    yp2 = SCALAR_VAL(0.0);
    for (i = _PB_W - 1; i >= 0; i--) {
      y2[i][j] = a7 * tp1 + a8 * tp2 + b1 * yp1 + b2 * yp2;
      tp2 = tp1;
      tp1 = imgOut[i][j];
      yp2 = yp1;
      yp1 = y2[i][j];
    }
  }
  for (i = 0; i < _PB_W; i++)
    for (j = lo; j < hi; j++) imgOut[i][j] = c2 * (y1[i][j] + y2[i][j]);
}

static double A1[N], B1[N], A2[N][N], B2[N][N], A3[N][N][N], B3[N][N][N];
static double ex[W][H], ey[W][H], hz[W][H], fict[3];
static double u[N][N], v[N][N], p[N][N], q[N][N];
static float imgIn[W][H], imgOut[W][H], y1[W][H], y2[W][H];

int main(void) {
  int n = N;
  for (int i = 0; i < N; i++) {
    A1[i] = ((double)i + 2) / n, B1[i] = ((double)i + 3) / n;
    for (int j = 0; j < N; j++) {
      A2[i][j] = ((double)i * (j + 2) + 2) / n, B2[i][j] = ((double)i * (j + 3) + 3) / n;
      u[i][j] = (double)(i + n - j) / n;
      for (int k = 0; k < N; k++) A3[i][j][k] = B3[i][j][k] = (double)(i + j + (n - k)) * 10 / n;
    }
  }
  for (int t = 0; t < 2; t++) {
    for (int lo = 1; lo < N - 1; lo += 3) {
#pragma dosc task
      jacobi_1d_rows(N, A1, B1, lo, lo + 3 < N - 1 ? lo + 3 : N - 1);
    }
#pragma dosc taskwait
    for (int lo = 1; lo < N - 1; lo += 3) {
#pragma dosc task
      jacobi_1d_rows(N, B1, A1, lo, lo + 3 < N - 1 ? lo + 3 : N - 1);
    }
#pragma dosc taskwait
    for (int lo = 1; lo < N - 1; lo += 4) {
#pragma dosc task
      jacobi_2d_rows(N, A2, B2, lo, lo + 4 < N - 1 ? lo + 4 : N - 1);
    }
#pragma dosc taskwait
    for (int lo = 1; lo < N - 1; lo += 4) {
#pragma dosc task
      jacobi_2d_rows(N, B2, A2, lo, lo + 4 < N - 1 ? lo + 4 : N - 1);
    }
#pragma dosc taskwait
    for (int lo = 1; lo < N - 1; lo += 3) {
#pragma dosc task
      heat_3d_planes(N, A3, B3, lo, lo + 3 < N - 1 ? lo + 3 : N - 1);
    }
#pragma dosc taskwait
    for (int lo = 1; lo < N - 1; lo += 3) {
#pragma dosc task
      heat_3d_planes(N, B3, A3, lo, lo + 3 < N - 1 ? lo + 3 : N - 1);
    }
#pragma dosc taskwait
  }

  for (int i = 0; i < W; i++)
    for (int j = 0; j < H; j++)
      ex[i][j] = ((double)i * (j + 1)) / W, ey[i][j] = ((double)i * (j + 2)) / H, hz[i][j] = ((double)i * (j + 3)) / W;
  for (int t = 0; t < 3; t++) fict[t] = t;
  for (int t = 0; t < 3; t++) {
    for (int lo = 0; lo < W; lo += 3) {
#pragma dosc task
      fdtd_ey(W, H, ey, hz, fict, t, lo, lo + 3 < W ? lo + 3 : W);
    }
#pragma dosc taskwait
    for (int lo = 0; lo < W; lo += 3) {
#pragma dosc task
      fdtd_ex(W, H, ex, hz, lo, lo + 3 < W ? lo + 3 : W);
    }
#pragma dosc taskwait
    for (int lo = 0; lo < W - 1; lo += 3) {
#pragma dosc task
      fdtd_hz(W, H, ex, ey, hz, lo, lo + 3 < W - 1 ? lo + 3 : W - 1);
    }
#pragma dosc taskwait
  }

  double DX = SCALAR_VAL(1.0) / n, DT = SCALAR_VAL(1.0) / 2, B1c = SCALAR_VAL(2.0), B2c = SCALAR_VAL(1.0);
  double mul1 = B1c * DT / (DX * DX), mul2 = B2c * DT / (DX * DX);
  double a = -mul1 / SCALAR_VAL(2.0), b = SCALAR_VAL(1.0) + mul1, c = a;
  double d = -mul2 / SCALAR_VAL(2.0), e = SCALAR_VAL(1.0) + mul2, f = d;
  for (int t = 1; t <= 2; t++) {
    for (int lo = 1; lo < N - 1; lo += 3) {
#pragma dosc task
      adi_columns(N, u, v, p, q, a, b, c, d, f, lo, lo + 3 < N - 1 ? lo + 3 : N - 1);
    }
#pragma dosc taskwait
    for (int lo = 1; lo < N - 1; lo += 3) {
#pragma dosc task
      adi_rows(N, u, v, p, q, a, c, d, e, f, lo, lo + 3 < N - 1 ? lo + 3 : N - 1);
    }
#pragma dosc taskwait
  }

  for (int i = 0; i < W; i++)
    for (int j = 0; j < H; j++) imgIn[i][j] = (float)((313 * i + 991 * j) % 65536) / 65535.0f;
  float alpha = 0.25f, k = (1.0f - 0.7788f) * (1.0f - 0.7788f) / (1.0f + 2.0f * alpha * 0.7788f - 0.6065f);
  float a1 = k, a5 = k, a2 = k * 0.7788f * (alpha - 1.0f), a6 = a2, a3 = k * 0.7788f * (alpha + 1.0f), a7 = a3;
  float a4 = -k * 0.6065f, a8 = a4, b1 = 1.5576f, b2 = -0.6065f, c1 = 1.0f, c2 = 1.0f;
  for (int lo = 0; lo < W; lo += 4) {
#pragma dosc task
    deriche_rows(W, H, a1, a2, a3, a4, b1, b2, c1, imgIn, imgOut, y1, y2, lo, lo + 4 < W ? lo + 4 : W);
  }
#pragma dosc taskwait
  for (int lo = 0; lo < H; lo += 4) {
#pragma dosc task
    deriche_cols(W, H, a5, a6, a7, a8, b1, b2, c2, imgOut, y1, y2, lo, lo + 4 < H ? lo + 4 : H);
  }
#pragma dosc taskwait

  double s = 0;
  for (int i = 0; i < N; i++) {
    s += A1[i] * (i + 1);
    for (int j = 0; j < N; j++) {
      s += A2[i][j] * (i + 2 * j + 1) + u[i][j] * (2 * i + j + 1) + v[i][j] * (i + 1);
      for (int l = 0; l < N; l++) s += A3[i][j][l] * ((i + j + l) % 7 + 1);
    }
  }
  for (int i = 0; i < W; i++)
    for (int j = 0; j < H; j++) s += ex[i][j] * (i + 1) + ey[i][j] * (j + 1) + hz[i][j] * (i + j + 1) + imgOut[i][j] * (i + 3);
  printf("checksum %.6f\n", s);
  return 0;
}
