/* SPLASH-2 FFT, CHStone SHA and ADPCM pieces, and Mantevo HPCCG as tasks, written for dosc in
   the suites' own shapes:
   - SPLASH-2 FFT (the six-step form): complex data interleaved (x[2*k], x[2*k + 1]) in
     columns padded by pad_length, BitReverse/Reverse, FFT1DOnce's butterflies over a column,
     TwiddleOneCol's roots umain2[2*(j*n1 + i)], a blocked Transpose of a processor's rows
     (MyFirst..MyLast) into another matrix, a task per block of columns (a processor's share);
   - CHStone SHA: sha_update over a struct SHA_INFO (digest[5], count_lo/hi, data[16]), the
     block loop `while (count >= SHA_BLOCKSIZE)` stepping `buffer += SHA_BLOCKSIZE`, memcpy into
     the struct's array, sha_transform's local W[80] and the byte reversal through a `BYTE *`
     view of the longs, sha_final's memset of a computed tail; a task per message;
   - CHStone ADPCM: the encoder's upzero (dlt and bli arrays of 6 through pointers), uppol2,
     and the quantizer's table search `for (mil = 0; mil < 30; mil++) if (wd <= decis[mil])
     break;` over a global const table; a task per channel with a state of its own;
   - HPCCG: waxpby (a dense store in each of three arms), ddot with its `y == x` test between
     parameters, and sparsemv through a matrix struct holding pointers to each row's values
     and indices (ptr_to_vals_in_row[i], ptr_to_inds_in_row[i], nnz_in_row[i]); a task per row
     block, per vector chunk. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- SPLASH-2 FFT ---- */
long BitReverse(long M, long k) {
  long i, j = 0, tmp = k;
  for (i = 0; i < M; i++) {
    j = 2 * j + (tmp & 0x1);
    tmp = tmp >> 1;
  }
  return j;
}
void Reverse(long N, long M, double *x) {
  long j, k;
  for (k = 0; k < N; k++) {
    j = BitReverse(M, k);
    if (j > k) {
      double t0 = x[2 * j], t1 = x[2 * j + 1];
      x[2 * j] = x[2 * k];
      x[2 * j + 1] = x[2 * k + 1];
      x[2 * k] = t0;
      x[2 * k + 1] = t1;
    }
  }
}
void FFT1DOnce(int direction, long M, long N, const double *u, double *x) {
  long j, k, q, L, r, Lstar, u1, x1, x2;
  double omega_r, omega_c, tau_r, tau_c, x_r, x_c;
  Reverse(N, M, x);
  for (q = 1; q <= M; q++) {
    L = 1 << q;
    r = N / L;
    Lstar = L / 2;
    u1 = 2 * (Lstar - 1);
    for (k = 0; k < r; k++) {
      x1 = 2 * (k * L);
      x2 = 2 * (k * L + Lstar);
      for (j = 0; j < Lstar; j++) {
        omega_r = u[u1 + 2 * j];
        omega_c = direction * u[u1 + 2 * j + 1];
        x_r = x[x2 + 2 * j];
        x_c = x[x2 + 2 * j + 1];
        tau_r = omega_r * x_r - omega_c * x_c;
        tau_c = omega_r * x_c + omega_c * x_r;
        x_r = x[x1 + 2 * j];
        x_c = x[x1 + 2 * j + 1];
        x[x2 + 2 * j] = x_r - tau_r;
        x[x2 + 2 * j + 1] = x_c - tau_c;
        x[x1 + 2 * j] = x_r + tau_r;
        x[x1 + 2 * j + 1] = x_c + tau_c;
      }
    }
  }
}
void TwiddleOneCol(int direction, long n1, long j, const double *umain2, double *x, long pad_length) {
  long i;
  double omega_r, omega_c, x_r, x_c;
  for (i = 0; i < n1; i++) {
    omega_r = umain2[2 * (j * (n1 + pad_length) + i)];
    omega_c = direction * umain2[2 * (j * (n1 + pad_length) + i) + 1];
    x_r = x[2 * i];
    x_c = x[2 * i + 1];
    x[2 * i] = omega_r * x_r - omega_c * x_c;
    x[2 * i + 1] = omega_r * x_c + omega_c * x_r;
  }
}
void fft_columns(int direction, long m1, long n1, const double *umain, const double *umain2, double *x,
                 long pad_length, long MyFirst, long MyLast) {
  for (long j = MyFirst; j < MyLast; j++) {
    FFT1DOnce(direction, m1, n1, umain, &x[2 * j * (n1 + pad_length)]);
    TwiddleOneCol(direction, n1, j, umain2, &x[2 * j * (n1 + pad_length)], pad_length);
  }
}
void Transpose(long n1, const double *src, double *dest, long MyFirst, long MyLast, long pad_length) {
  long blksize = 2, i, j, k, l;
  for (l = MyFirst; l < MyLast; l += blksize)
    for (k = 0; k < n1; k += blksize)
      for (i = 0; i < blksize && l + i < MyLast; i++)
        for (j = 0; j < blksize; j++) {
          dest[2 * ((k + j) * (n1 + pad_length) + l + i)] = src[2 * ((l + i) * (n1 + pad_length) + k + j)];
          dest[2 * ((k + j) * (n1 + pad_length) + l + i) + 1] = src[2 * ((l + i) * (n1 + pad_length) + k + j) + 1];
        }
}

/* ---- CHStone SHA ---- */
typedef unsigned char BYTE;
typedef unsigned int INT32;
#define SHA_BLOCKSIZE 64
typedef struct {
  INT32 digest[5];
  INT32 count_lo, count_hi;
  INT32 data[16];
} SHA_INFO;
#define f1(x, y, z) ((x & y) | (~x & z))
#define f2(x, y, z) (x ^ y ^ z)
#define f3(x, y, z) ((x & y) | (x & z) | (y & z))
#define f4(x, y, z) (x ^ y ^ z)
#define CONST1 0x5a827999L
#define CONST2 0x6ed9eba1L
#define CONST3 0x8f1bbcdcL
#define CONST4 0xca62c1d6L
#define ROT32(x, n) ((x << n) | (x >> (32 - n)))
#define FUNC(n, i)                                          \
  temp = ROT32(A, 5) + f##n(B, C, D) + E + W[i] + CONST##n; \
  E = D;                                                    \
  D = C;                                                    \
  C = ROT32(B, 30);                                         \
  B = A;                                                    \
  A = temp

static void sha_transform(SHA_INFO *sha_info) {
  int i;
  INT32 temp, A, B, C, D, E, W[80];
  for (i = 0; i < 16; ++i) W[i] = sha_info->data[i];
  for (i = 16; i < 80; ++i) W[i] = W[i - 3] ^ W[i - 8] ^ W[i - 14] ^ W[i - 16];
  A = sha_info->digest[0];
  B = sha_info->digest[1];
  C = sha_info->digest[2];
  D = sha_info->digest[3];
  E = sha_info->digest[4];
  for (i = 0; i < 20; ++i) { FUNC(1, i); }
  for (i = 20; i < 40; ++i) { FUNC(2, i); }
  for (i = 40; i < 60; ++i) { FUNC(3, i); }
  for (i = 60; i < 80; ++i) { FUNC(4, i); }
  sha_info->digest[0] += A;
  sha_info->digest[1] += B;
  sha_info->digest[2] += C;
  sha_info->digest[3] += D;
  sha_info->digest[4] += E;
}
static void byte_reverse(INT32 *buffer, int count) {
  int i;
  BYTE ct[4], *cp;
  count /= sizeof(INT32);
  cp = (BYTE *)buffer;
  for (i = 0; i < count; i++) {
    ct[0] = cp[0];
    ct[1] = cp[1];
    ct[2] = cp[2];
    ct[3] = cp[3];
    cp[0] = ct[3];
    cp[1] = ct[2];
    cp[2] = ct[1];
    cp[3] = ct[0];
    cp += sizeof(INT32);
  }
}
void sha_digest(SHA_INFO *sha_info, const BYTE *buffer, int count) {
  sha_info->digest[0] = 0x67452301L;
  sha_info->digest[1] = 0xefcdab89L;
  sha_info->digest[2] = 0x98badcfeL;
  sha_info->digest[3] = 0x10325476L;
  sha_info->digest[4] = 0xc3d2e1f0L;
  sha_info->count_lo = 0L;
  sha_info->count_hi = 0L;
  if ((sha_info->count_lo + ((INT32)count << 3)) < sha_info->count_lo) ++sha_info->count_hi;
  sha_info->count_lo += (INT32)count << 3;
  sha_info->count_hi += (INT32)count >> 29;
  while (count >= SHA_BLOCKSIZE) {
    memcpy(sha_info->data, buffer, SHA_BLOCKSIZE);
    byte_reverse(sha_info->data, SHA_BLOCKSIZE);
    sha_transform(sha_info);
    buffer += SHA_BLOCKSIZE;
    count -= SHA_BLOCKSIZE;
  }
  memcpy(sha_info->data, buffer, count);
  int tail = (int)((sha_info->count_lo >> 3) & 0x3f);
  ((BYTE *)sha_info->data)[tail++] = 0x80;
  if (tail > 56) {
    memset((BYTE *)sha_info->data + tail, 0, 64 - tail);
    byte_reverse(sha_info->data, SHA_BLOCKSIZE);
    sha_transform(sha_info);
    memset(sha_info->data, 0, 56);
  } else {
    memset((BYTE *)sha_info->data + tail, 0, 56 - tail);
  }
  byte_reverse(sha_info->data, SHA_BLOCKSIZE);
  sha_info->data[14] = sha_info->count_hi;
  sha_info->data[15] = sha_info->count_lo;
  sha_transform(sha_info);
}

/* ---- CHStone ADPCM (encoder pieces) ---- */
static const int decis_levl[30] = {280,  576,  880,  1200, 1520, 1864, 2208, 2584, 2960, 3376,
                                   3784, 4240, 4696, 5200, 5712, 6288, 6864, 7520, 8184, 8968,
                                   9752, 10712, 11664, 12896, 14120, 15840, 17560, 20456, 23352, 32767};
typedef struct {
  int delay_bpl[6], delay_dltx[6];
  int al1, al2, plt1, plt2, nbl;
} adpcm_band;
static void upzero(int dlt, int *dlti, int *bli) {
  int i, wd2, wd3;
  if (dlt == 0) {
    for (i = 0; i < 6; i++) bli[i] = (int)((255L * bli[i]) >> 8L);
  } else {
    for (i = 0; i < 6; i++) {
      wd2 = (long)dlt * dlti[i] >= 0 ? 128 : -128;
      wd3 = (int)((255L * bli[i]) >> 8L);
      bli[i] = wd2 + wd3;
    }
  }
  dlti[5] = dlti[4];
  dlti[4] = dlti[3];
  dlti[3] = dlti[2];
  dlti[2] = dlti[1];
  dlti[1] = dlti[0];
  dlti[0] = dlt;
}
static int uppol2(int al1, int al2, int plt, int plt1, int plt2) {
  long wd2 = 4L * (long)al1, apl2;
  if ((long)plt * plt1 >= 0L) wd2 = -wd2;
  wd2 = wd2 >> 7;
  apl2 = ((long)plt * plt2 >= 0L) ? wd2 + 128 : wd2 - 128;
  apl2 += (127L * (long)al2) >> 7L;
  return apl2 > 12288 ? 12288 : apl2 < -12288 ? -12288 : (int)apl2;
}
static int quantl(int el, int detl) {
  int ril, mil;
  long wd, decis;
  wd = labs((long)el);
  for (mil = 0; mil < 30; mil++) {
    decis = (decis_levl[mil] * (long)detl) >> 15L;
    if (wd <= decis) break;
  }
  ril = el >= 0 ? 63 - mil : 31 - mil;
  return ril;
}
void adpcm_channel(const int *samples, int *codes, int n, adpcm_band *band) {
  int detl = 32;
  for (int k = 0; k < n; k++) {
    int el = samples[k] - band->plt1;
    codes[k] = quantl(el, detl);
    int dlt = (int)(((long)detl * (codes[k] - 32)) >> 6);
    upzero(dlt, band->delay_dltx, band->delay_bpl);
    band->al2 = uppol2(band->al1, band->al2, dlt, band->plt1, band->plt2);
    band->plt2 = band->plt1;
    band->plt1 = dlt;
    detl = detl * 3 / 2 > 2000 ? 32 : detl * 3 / 2;
  }
}

/* ---- HPCCG ---- */
typedef struct {
  int local_nrow;
  double **ptr_to_vals_in_row;
  int **ptr_to_inds_in_row;
  int *nnz_in_row;
} HPC_Sparse_Matrix;
void waxpby(int n, double alpha, const double *x, double beta, const double *y, double *w) {
  if (alpha == 1.0) {
    for (int i = 0; i < n; i++) w[i] = x[i] + beta * y[i];
  } else if (beta == 1.0) {
    for (int i = 0; i < n; i++) w[i] = alpha * x[i] + y[i];
  } else {
    for (int i = 0; i < n; i++) w[i] = alpha * x[i] + beta * y[i];
  }
}
double ddot(int n, const double *x, const double *y) {
  double local_result = 0.0;
  if (y == x)
    for (int i = 0; i < n; i++) local_result += x[i] * x[i];
  else
    for (int i = 0; i < n; i++) local_result += x[i] * y[i];
  return local_result;
}
void sparsemv(const HPC_Sparse_Matrix *A, const double *x, double *y, int r0, int r1) {
  for (int i = r0; i < r1; i++) {
    double sum = 0.0;
    const double *const cur_vals = A->ptr_to_vals_in_row[i];
    const int *const cur_inds = A->ptr_to_inds_in_row[i];
    const int cur_nnz = A->nnz_in_row[i];
    for (int j = 0; j < cur_nnz; j++) sum += cur_vals[j] * x[cur_inds[j]];
    y[i] = sum;
  }
}

int main(void) {
  /* FFT: n1 = 8 (m1 = 3), pad 1, 8 columns in 4 blocks */
  long m1 = 3, n1 = 8, pad = 1, stride = n1 + pad;
  double *x = malloc(sizeof(double) * (size_t)(2 * n1 * stride)), *y = malloc(sizeof(double) * (size_t)(2 * n1 * stride));
  double *umain = malloc(sizeof(double) * (size_t)(2 * n1)), *umain2 = malloc(sizeof(double) * (size_t)(2 * n1 * stride));
  for (long i = 0; i < 2 * n1 * stride; i++) x[i] = (double)((i * 7) % 11) - 5, y[i] = 0;
  for (long q = 0; q < m1; q++) {
    long L = 1 << (q + 1), Lstar = L / 2;
    for (long j = 0; j < Lstar; j++) {
      umain[2 * (Lstar - 1) + 2 * j] = cos(2 * M_PI * j / L);
      umain[2 * (Lstar - 1) + 2 * j + 1] = -sin(2 * M_PI * j / L);
    }
  }
  for (long j = 0; j < n1; j++)
    for (long i = 0; i < stride; i++) {
      umain2[2 * (j * stride + i)] = cos(2 * M_PI * i * j / (n1 * n1));
      umain2[2 * (j * stride + i) + 1] = -sin(2 * M_PI * i * j / (n1 * n1));
    }
  for (long b = 0; b < n1; b += 2) {
#pragma dosc task
    fft_columns(1, m1, n1, umain, umain2, x, pad, b, b + 2);
  }
#pragma dosc taskwait
  for (long b = 0; b < n1; b += 4) {
#pragma dosc task
    Transpose(n1, x, y, b, b + 4, pad);
  }
#pragma dosc taskwait
  double fsum = 0;
  for (long i = 0; i < 2 * n1 * stride; i++) fsum += y[i] * (i % 5 + 1);
  printf("fft: %.6f\n", fsum);

  /* SHA: three messages of 100, 130 and 40 bytes */
  int lengths[3] = {100, 130, 40};
  BYTE *messages = malloc(300);
  for (int i = 0; i < 300; i++) messages[i] = (BYTE)(i * 31 + 7);
  SHA_INFO *infos = malloc(sizeof(SHA_INFO) * 3);
  int offset = 0;
  for (int m = 0; m < 3; m++) {
#pragma dosc task
    sha_digest(&infos[m], messages + offset, lengths[m]);
    offset += lengths[m];
  }
  /* ADPCM: two channels of 24 samples */
  int *samples = malloc(sizeof(int) * 48), *codes = malloc(sizeof(int) * 48);
  adpcm_band *bands = calloc(2, sizeof(adpcm_band));
  for (int i = 0; i < 48; i++) samples[i] = (int)(3000 * sin(i * 0.4)) + (i % 7) * 50;
  for (int c = 0; c < 2; c++) {
#pragma dosc task
    adpcm_channel(samples + 24 * c, codes + 24 * c, 24, &bands[c]);
  }
#pragma dosc taskwait
  for (int m = 0; m < 3; m++)
    printf("sha %d: %08x %08x %08x %08x %08x\n", m, infos[m].digest[0], infos[m].digest[1], infos[m].digest[2],
           infos[m].digest[3], infos[m].digest[4]);
  long csum = 0;
  for (int i = 0; i < 48; i++) csum += codes[i] * (i + 1);
  printf("adpcm: %ld %d %d\n", csum, bands[0].al2, bands[1].delay_bpl[3]);

  /* HPCCG: a 1-D Laplacian of 20 rows, rows stored apart */
  int nrow = 20;
  HPC_Sparse_Matrix A;
  A.local_nrow = nrow;
  A.ptr_to_vals_in_row = malloc(sizeof(double *) * (size_t)nrow);
  A.ptr_to_inds_in_row = malloc(sizeof(int *) * (size_t)nrow);
  A.nnz_in_row = malloc(sizeof(int) * (size_t)nrow);
  for (int i = 0; i < nrow; i++) {
    int nnz = 0;
    A.ptr_to_vals_in_row[i] = malloc(sizeof(double) * 3);
    A.ptr_to_inds_in_row[i] = malloc(sizeof(int) * 3);
    for (int j = i - 1; j <= i + 1; j++) {
      if (j < 0 || j >= nrow) continue;
      A.ptr_to_vals_in_row[i][nnz] = j == i ? 2.0 : -1.0;
      A.ptr_to_inds_in_row[i][nnz++] = j;
    }
    A.nnz_in_row[i] = nnz;
  }
  double *p = malloc(sizeof(double) * (size_t)nrow), *Ap = malloc(sizeof(double) * (size_t)nrow);
  double *r = malloc(sizeof(double) * (size_t)nrow), *w = malloc(sizeof(double) * (size_t)nrow);
  for (int i = 0; i < nrow; i++) p[i] = (i % 4) - 1.5, r[i] = i * 0.1;
  for (int r0 = 0; r0 < nrow; r0 += 5) {
#pragma dosc task
    sparsemv(&A, p, Ap, r0, r0 + 5);
  }
#pragma dosc taskwait
  double dots[4];
  for (int c = 0; c < 2; c++) {
#pragma dosc task
    dots[c] = ddot(10, p + 10 * c, Ap + 10 * c);
#pragma dosc task
    dots[2 + c] = ddot(10, r + 10 * c, r + 10 * c);
  }
  for (int c = 0; c < 4; c++) {
#pragma dosc task
    waxpby(5, c == 0 ? 1.0 : 0.5, p + 5 * c, c == 1 ? 1.0 : -0.25, r + 5 * c, w + 5 * c);
  }
#pragma dosc taskwait
  double hsum = dots[0] + dots[1] + 2 * (dots[2] + dots[3]);
  for (int i = 0; i < nrow; i++) hsum += Ap[i] * (i + 1) + w[i];
  printf("hpccg: %.6f\n", hsum);
  return 0;
}
