/* Dense factorizations and image kernels (branch unseen10), converted as a user would, each a task
   on a tile, a column block or a band of rows (the shapes of the textbook and library codes kept,
   the code written anew): the OmpSs/PLASMA tiled Cholesky whose tiles are separate allocations
   reached through `double *A[NT][NT]` and handed to potrf/trsm/syrk/gemm tile kernels (`A[k][k]`,
   `A[i][k]`, `A[j][i]`), column-major inside a tile (`a[i + j * ts]`); a blocked right-looking LU
   without pivoting on one row-major matrix (`&a[k * lda + k]` panels, the trailing update a task
   per column block); Householder QR (LAPACK dgeqr2's shape: the column norm below the diagonal,
   `v` kept in place under the diagonal with `tau[k]`, and the reflector applied to the column
   block `[j0, j1)` of the trailing matrix reading column k); a Gaussian pyramid's REDUCE step
   (the 5-tap kernel `w[dy + 2] * w[dx + 2]` over `in[(2 * y + dy) * w + 2 * x + dx]` with the
   border clamped by a CLAMP macro); a Haar wavelet by lifting in place (`a[2 * i + 1] -= a[2 *
   i]`, then the even ones, then a de-interleaving copy into the halves); a 3x3 median through a
   sorting network on locals with a swap macro; erosion with a 3x3 structuring element over the
   interior; Canny's non-maximum suppression picking the two neighbours by the quantized gradient
   direction (a switch on `dir[i]`); and a bilinear resize reading `in[y0 * w + x0]` at
   coordinates computed from the scale. The program prints a checksum. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- tiled Cholesky (lower, column-major tiles) ---- */
#define NT 3
#define TS 4

void potrf_tile(double *a, int ts) {
  for (int j = 0; j < ts; j++) {
    double s = a[j + j * ts];
    for (int k = 0; k < j; k++) s -= a[j + k * ts] * a[j + k * ts];
    a[j + j * ts] = sqrt(s);
    for (int i = j + 1; i < ts; i++) {
      double t = a[i + j * ts];
      for (int k = 0; k < j; k++) t -= a[i + k * ts] * a[j + k * ts];
      a[i + j * ts] = t / a[j + j * ts];
    }
  }
}

/* b := b * inv(l)^T, l lower triangular. */
void trsm_tile(const double *l, double *b, int ts) {
  for (int i = 0; i < ts; i++)
    for (int j = 0; j < ts; j++) {
      double t = b[i + j * ts];
      for (int k = 0; k < j; k++) t -= b[i + k * ts] * l[j + k * ts];
      b[i + j * ts] = t / l[j + j * ts];
    }
}

/* c := c - a * a^T, lower part only. */
void syrk_tile(const double *a, double *c, int ts) {
  for (int j = 0; j < ts; j++)
    for (int i = j; i < ts; i++) {
      double t = 0;
      for (int k = 0; k < ts; k++) t += a[i + k * ts] * a[j + k * ts];
      c[i + j * ts] -= t;
    }
}

/* c := c - a * b^T. */
void gemm_tile(const double *a, const double *b, double *c, int ts) {
  for (int j = 0; j < ts; j++)
    for (int i = 0; i < ts; i++) {
      double t = 0;
      for (int k = 0; k < ts; k++) t += a[i + k * ts] * b[j + k * ts];
      c[i + j * ts] -= t;
    }
}

/* ---- blocked LU without pivoting, row-major with lda ---- */
void lu_panel(double *a, int lda, int m, int nb) {
  for (int k = 0; k < nb; k++)
    for (int i = k + 1; i < m; i++) {
      a[i * lda + k] /= a[k * lda + k];
      for (int j = k + 1; j < nb; j++) a[i * lda + j] -= a[i * lda + k] * a[k * lda + j];
    }
}

/* Rows [0, nb) of the column block: the unit lower triangle's solve; rows [nb, m): the update. */
void lu_update(const double *l, double *a, int lda, int m, int nb, int ncols) {
  for (int k = 0; k < nb; k++)
    for (int i = k + 1; i < nb; i++)
      for (int j = 0; j < ncols; j++) a[i * lda + j] -= l[i * lda + k] * a[k * lda + j];
  for (int i = nb; i < m; i++)
    for (int k = 0; k < nb; k++)
      for (int j = 0; j < ncols; j++) a[i * lda + j] -= l[i * lda + k] * a[k * lda + j];
}

/* ---- Householder QR, row-major m x n with lda ---- */
double house_column(double *a, int lda, int m, int k, double *tau) {
  double norm = 0.0;
  for (int i = k; i < m; i++) norm += a[i * lda + k] * a[i * lda + k];
  norm = sqrt(norm);
  double alpha = a[k * lda + k] > 0 ? -norm : norm;
  if (norm == 0.0) {
    tau[k] = 0.0;
    return 0.0;
  }
  double v0 = a[k * lda + k] - alpha;
  for (int i = k + 1; i < m; i++) a[i * lda + k] /= v0;
  tau[k] = (alpha - a[k * lda + k]) / alpha;
  a[k * lda + k] = alpha;
  return alpha;
}

void house_apply(double *a, int lda, int m, int k, const double *tau, int j0, int j1) {
  for (int j = j0; j < j1; j++) {
    double s = a[k * lda + j];
    for (int i = k + 1; i < m; i++) s += a[i * lda + k] * a[i * lda + j];
    s *= tau[k];
    a[k * lda + j] -= s;
    for (int i = k + 1; i < m; i++) a[i * lda + j] -= s * a[i * lda + k];
  }
}

/* ---- image kernels ---- */
#define CLAMP(v, lo, hi) ((v) < (lo) ? (lo) : (v) > (hi) ? (hi) : (v))

void pyr_reduce(const float *in, int w, int h, float *out, int ow, int y0, int y1) {
  static const float k5[5] = {1.0f / 16, 4.0f / 16, 6.0f / 16, 4.0f / 16, 1.0f / 16};
  for (int y = y0; y < y1; y++)
    for (int x = 0; x < ow; x++) {
      float s = 0.0f;
      for (int dy = -2; dy <= 2; dy++)
        for (int dx = -2; dx <= 2; dx++) {
          int sy = CLAMP(2 * y + dy, 0, h - 1), sx = CLAMP(2 * x + dx, 0, w - 1);
          s += k5[dy + 2] * k5[dx + 2] * in[sy * w + sx];
        }
      out[y * ow + x] = s;
    }
}

/* One level of the Haar transform of a[0 .. 2 * half), scratch given. */
void haar_lift(double *a, double *scratch, int half) {
  for (int i = 0; i < half; i++) a[2 * i + 1] -= a[2 * i];
  for (int i = 0; i < half; i++) a[2 * i] += a[2 * i + 1] / 2;
  for (int i = 0; i < half; i++) {
    scratch[i] = a[2 * i];
    scratch[half + i] = a[2 * i + 1];
  }
  memcpy(a, scratch, 2 * half * sizeof(double));
}

#define PIX_SORT(a, b) \
  { \
    if ((a) > (b)) { \
      unsigned char t_ = (a); \
      (a) = (b); \
      (b) = t_; \
    } \
  }

void median3x3(const unsigned char *in, unsigned char *out, int w, int y0, int y1) {
  for (int y = y0; y < y1; y++)
    for (int x = 1; x < w - 1; x++) {
      unsigned char p[9];
      for (int k = 0; k < 9; k++) p[k] = in[(y + k / 3 - 1) * w + x + k % 3 - 1];
      PIX_SORT(p[1], p[2]);
      PIX_SORT(p[4], p[5]);
      PIX_SORT(p[7], p[8]);
      PIX_SORT(p[0], p[1]);
      PIX_SORT(p[3], p[4]);
      PIX_SORT(p[6], p[7]);
      PIX_SORT(p[1], p[2]);
      PIX_SORT(p[4], p[5]);
      PIX_SORT(p[7], p[8]);
      PIX_SORT(p[0], p[3]);
      PIX_SORT(p[5], p[8]);
      PIX_SORT(p[4], p[7]);
      PIX_SORT(p[3], p[6]);
      PIX_SORT(p[1], p[4]);
      PIX_SORT(p[2], p[5]);
      PIX_SORT(p[4], p[7]);
      PIX_SORT(p[4], p[2]);
      PIX_SORT(p[6], p[4]);
      PIX_SORT(p[4], p[2]);
      out[y * w + x] = p[4];
    }
}

void erode3x3(const unsigned char *in, unsigned char *out, const unsigned char se[3][3], int w, int y0, int y1) {
  for (int y = y0; y < y1; y++)
    for (int x = 1; x < w - 1; x++) {
      unsigned char m = 255;
      for (int dy = -1; dy <= 1; dy++)
        for (int dx = -1; dx <= 1; dx++)
          if (se[dy + 1][dx + 1] && in[(y + dy) * w + (x + dx)] < m) m = in[(y + dy) * w + (x + dx)];
      out[y * w + x] = m;
    }
}

void canny_nms(const float *mag, const unsigned char *dir, float *out, int w, int y0, int y1) {
  for (int y = y0; y < y1; y++)
    for (int x = 1; x < w - 1; x++) {
      int i = y * w + x;
      float a, b;
      switch (dir[i]) {
      case 0:
        a = mag[i - 1], b = mag[i + 1];
        break;
      case 1:
        a = mag[i - w + 1], b = mag[i + w - 1];
        break;
      case 2:
        a = mag[i - w], b = mag[i + w];
        break;
      default:
        a = mag[i - w - 1], b = mag[i + w + 1];
        break;
      }
      out[i] = (mag[i] >= a && mag[i] >= b) ? mag[i] : 0.0f;
    }
}

void resize_bilinear(const float *in, int w, int h, float *out, int ow, int oh, int y0, int y1) {
  float sx = (float)(w - 1) / (ow - 1), sy = (float)(h - 1) / (oh - 1);
  for (int y = y0; y < y1; y++)
    for (int x = 0; x < ow; x++) {
      float fx = x * sx, fy = y * sy;
      int x0 = (int)fx, yy0 = (int)fy;
      int x1 = x0 + 1 < w ? x0 + 1 : x0, yy1 = yy0 + 1 < h ? yy0 + 1 : yy0;
      float ax = fx - x0, ay = fy - yy0;
      out[y * ow + x] = (1 - ay) * ((1 - ax) * in[yy0 * w + x0] + ax * in[yy0 * w + x1]) +
                        ay * ((1 - ax) * in[yy1 * w + x0] + ax * in[yy1 * w + x1]);
    }
}

int main(void) {
  double checksum = 0.0;

  /* Tiled Cholesky of an SPD 12 x 12 matrix in 3 x 3 tiles of 4 x 4. */
  {
    double *A[NT][NT];
    int n = NT * TS;
    for (int i = 0; i < NT; i++)
      for (int j = 0; j < NT; j++) A[i][j] = malloc(TS * TS * sizeof(double));
    for (int gi = 0; gi < n; gi++)
      for (int gj = 0; gj < n; gj++)
        A[gi / TS][gj / TS][gi % TS + (gj % TS) * TS] = (gi == gj) ? n + 1.0 : 1.0 / (1 + abs(gi - gj));
    for (int k = 0; k < NT; k++) {
#pragma dosc task
      potrf_tile(A[k][k], TS);
#pragma dosc taskwait
      for (int i = k + 1; i < NT; i++) {
#pragma dosc task
        trsm_tile(A[k][k], A[i][k], TS);
      }
#pragma dosc taskwait
      for (int i = k + 1; i < NT; i++) {
        for (int j = k + 1; j < i; j++) {
#pragma dosc task
          gemm_tile(A[i][k], A[j][k], A[i][j], TS);
        }
#pragma dosc task
        syrk_tile(A[i][k], A[i][i], TS);
      }
#pragma dosc taskwait
    }
    for (int i = 0; i < NT; i++)
      for (int j = 0; j <= i; j++)
        for (int t = 0; t < TS * TS; t++) checksum += A[i][j][t] * (1 + (i + j + t) % 3);
    for (int i = 0; i < NT; i++)
      for (int j = 0; j < NT; j++) free(A[i][j]);
  }

  /* Blocked LU, 10 x 10 with lda 11, blocks of 4 (a ragged last one). */
  {
    int n = 10, lda = 11, nb = 4;
    double *a = calloc(n * lda, sizeof(double));
    for (int i = 0; i < n; i++)
      for (int j = 0; j < n; j++) a[i * lda + j] = (i == j) ? 12.0 : 1.0 / (1 + i + 2 * j);
    for (int k = 0; k < n; k += nb) {
      int b = n - k < nb ? n - k : nb;
#pragma dosc task
      lu_panel(&a[k * lda + k], lda, n - k, b);
#pragma dosc taskwait
      for (int j = k + b; j < n; j += 3) {
        int nc = n - j < 3 ? n - j : 3;
#pragma dosc task
        lu_update(&a[k * lda + k], &a[k * lda + j], lda, n - k, b, nc);
      }
#pragma dosc taskwait
    }
    for (int i = 0; i < n * lda; i++) checksum += a[i] * (1 + i % 4);
    free(a);
  }

  /* Householder QR of a 9 x 6 matrix, lda 7, the trailing columns in blocks of 2. */
  {
    int m = 9, n = 6, lda = 7;
    double *a = calloc(m * lda, sizeof(double)), tau[6], alpha[6];
    for (int i = 0; i < m; i++)
      for (int j = 0; j < n; j++) a[i * lda + j] = 1.0 / (1 + i + j) + (i == j ? 1.0 : 0.0);
    for (int k = 0; k < n; k++) {
#pragma dosc task
      alpha[k] = house_column(a, lda, m, k, tau);
#pragma dosc taskwait
      for (int j0 = k + 1; j0 < n; j0 += 2) {
#pragma dosc task
        house_apply(a, lda, m, k, tau, j0, j0 + 2 < n ? j0 + 2 : n);
      }
#pragma dosc taskwait
    }
    for (int k = 0; k < n; k++) checksum += fabs(alpha[k]) + tau[k];
    for (int i = 0; i < m * lda; i++) checksum += a[i] * (1 + i % 3);
    free(a);
  }

  /* Pyramid: 17 x 13 down to 9 x 7, bands of 3, 2, 2 rows. */
  {
    int w = 17, h = 13, ow = 9, oh = 7;
    float *in = malloc(w * h * sizeof(float)), *out = malloc(ow * oh * sizeof(float));
    for (int i = 0; i < w * h; i++) in[i] = (float)((i * 31) % 17);
    int cut[4] = {0, 3, 5, oh};
    for (int b = 0; b < 3; b++) {
#pragma dosc task
      pyr_reduce(in, w, h, out, ow, cut[b], cut[b + 1]);
    }
#pragma dosc taskwait
    for (int i = 0; i < ow * oh; i++) checksum += out[i] * (1 + i % 5);
    /* Bilinear back up to 13 x 10. */
    int rw = 13, rh = 10;
    float *up = malloc(rw * rh * sizeof(float));
    for (int b = 0; b < 2; b++) {
#pragma dosc task
      resize_bilinear(out, ow, oh, up, rw, rh, b * 5, b * 5 + 5);
    }
#pragma dosc taskwait
    for (int i = 0; i < rw * rh; i++) checksum += up[i] * (1 + i % 3);
    free(in), free(out), free(up);
  }

  /* Haar: four signals of 16 in one array, two levels each. */
  {
    double *sig = malloc(64 * sizeof(double)), *scratch = malloc(64 * sizeof(double));
    for (int i = 0; i < 64; i++) sig[i] = (i * 7 % 13) - 6.0;
    for (int s = 0; s < 4; s++) {
#pragma dosc task
      haar_lift(sig + 16 * s, scratch + 16 * s, 8);
    }
#pragma dosc taskwait
    for (int s = 0; s < 4; s++) {
#pragma dosc task
      haar_lift(sig + 16 * s, scratch + 16 * s, 4);
    }
#pragma dosc taskwait
    for (int i = 0; i < 64; i++) checksum += sig[i] * (1 + i % 7);
    free(sig), free(scratch);
  }

  /* Median, erosion, non-maximum suppression on a 12 x 10 image, interior bands. */
  {
    int w = 12, h = 10;
    unsigned char *img = malloc(w * h), *med = calloc(w * h, 1), *ero = calloc(w * h, 1), *dir = malloc(w * h);
    float *mag = malloc(w * h * sizeof(float)), *nms = calloc(w * h, sizeof(float));
    for (int i = 0; i < w * h; i++) img[i] = (unsigned char)((i * 73 + 11) % 251), dir[i] = (unsigned char)(i * 5 % 4);
    for (int i = 0; i < w * h; i++) mag[i] = (float)((i * 29) % 23);
    static const unsigned char se[3][3] = {{0, 1, 0}, {1, 1, 1}, {0, 1, 0}};
    int cut[3] = {1, 5, h - 1};
    for (int b = 0; b < 2; b++) {
#pragma dosc task
      median3x3(img, med, w, cut[b], cut[b + 1]);
#pragma dosc task
      erode3x3(img, ero, se, w, cut[b], cut[b + 1]);
#pragma dosc task
      canny_nms(mag, dir, nms, w, cut[b], cut[b + 1]);
    }
#pragma dosc taskwait
    for (int i = 0; i < w * h; i++) checksum += med[i] + 2 * ero[i] + nms[i] * (1 + i % 3);
    free(img), free(med), free(ero), free(dir), free(mag), free(nms);
  }

  printf("checksum %.6f\n", checksum);
  return 0;
}
