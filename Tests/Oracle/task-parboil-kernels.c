/* Parboil's C reference kernels as tasks, their index shapes kept:
   - stencil: a 7-point 3-D stencil through the suite's Index3D macro (`_nx` unparenthesized),
     a task per k slab;
   - sgemm: basicSgemm's column-major A[mm + i * lda], B[nn + i * ldb], C[mm + nn * ldc] with its
     early returns on transa/transb, a task per column block (C + n0 * ldc, B + n0);
   - spmv: JDS (bound = h_nzcnt[i / 32], j = h_ptr[k] + i, h_Ax_vector[h_perm[i]] = sum);
   - histo: unsigned char bins saturating at UINT8_MAX, a task per image chunk, bins memset;
   - mri-q: ComputeQCPU over a struct kValues array, a task per block of x (pointers offset). */
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define Index3D(_nx, _ny, _i, _j, _k) ((_i) + _nx * ((_j) + _ny * (_k)))

void cpu_stencil(float c0, float c1, float *A0, float *Anext, const int nx, const int ny, const int nz, int klo, int khi) {
  int i;
  for (i = 1; i < nx - 1; i++) {
    int j, k;
    for (j = 1; j < ny - 1; j++) {
      for (k = klo; k < khi; k++) {
        Anext[Index3D(nx, ny, i, j, k)] = (A0[Index3D(nx, ny, i, j, k + 1)] + A0[Index3D(nx, ny, i, j, k - 1)] +
                                           A0[Index3D(nx, ny, i, j + 1, k)] + A0[Index3D(nx, ny, i, j - 1, k)] +
                                           A0[Index3D(nx, ny, i + 1, j, k)] + A0[Index3D(nx, ny, i - 1, j, k)]) *
                                              c1 -
                                          A0[Index3D(nx, ny, i, j, k)] * c0;
      }
    }
  }
}

void basicSgemm(char transa, char transb, int m, int n, int k, float alpha, const float *A, int lda, const float *B,
                int ldb, float beta, float *C, int ldc) {
  if ((transa != 'N') && (transa != 'n')) {
    fprintf(stderr, "unsupported value of 'transa' in regtileSgemm()\n");
    return;
  }
  if ((transb != 'T') && (transb != 't')) {
    fprintf(stderr, "unsupported value of 'transb' in regtileSgemm()\n");
    return;
  }
  for (int mm = 0; mm < m; ++mm) {
    for (int nn = 0; nn < n; ++nn) {
      float c = 0.0f;
      for (int i = 0; i < k; ++i) {
        float a = A[mm + i * lda];
        float b = B[nn + i * ldb];
        c += a * b;
      }
      C[mm + nn * ldc] = C[mm + nn * ldc] * beta + alpha * c;
    }
  }
}

void spmv_jds(float *h_Ax_vector, const float *h_data, const int *h_indices, const int *h_ptr, const int *h_perm,
              const int *h_nzcnt, const float *h_x_vec, int lo, int hi) {
  for (int i = lo; i < hi; i++) {
    float sum = 0.0f;
    int bound = h_nzcnt[i / 32];
    for (int k = 0; k < bound; k++) {
      int j = h_ptr[k] + i;
      int in = h_indices[j];
      float d = h_data[j];
      float t = h_x_vec[in];
      sum += d * t;
    }
    h_Ax_vector[h_perm[i]] = sum;
  }
}

void histo_chunk(const unsigned int *img, unsigned char *histo, unsigned int histo_height, unsigned int histo_width,
                 unsigned int lo, unsigned int hi) {
  memset(histo, 0, histo_height * histo_width * sizeof(unsigned char));
  for (unsigned int i = lo; i < hi; ++i) {
    const unsigned int value = img[i];
    if (histo[value] < UINT8_MAX) ++histo[value];
  }
}

struct kValues {
  float Kx;
  float Ky;
  float Kz;
  float PhiMag;
};
#define PIx2 6.2831853071795864769252867665590058f

void ComputeQCPU(int numK, int numX, struct kValues *kVals, float *x, float *y, float *z, float *Qr, float *Qi) {
  float expArg, cosArg, sinArg;
  int indexK, indexX;
  for (indexX = 0; indexX < numX; indexX++) {
    float Qracc = 0.0f, Qiacc = 0.0f;
    for (indexK = 0; indexK < numK; indexK++) {
      expArg = PIx2 * (kVals[indexK].Kx * x[indexX] + kVals[indexK].Ky * y[indexX] + kVals[indexK].Kz * z[indexX]);
      cosArg = cosf(expArg);
      sinArg = sinf(expArg);
      float phi = kVals[indexK].PhiMag;
      Qracc += phi * cosArg;
      Qiacc += phi * sinArg;
    }
    Qr[indexX] = Qracc;
    Qi[indexX] = Qiacc;
  }
}

int main(void) {
  double check = 0;
  {
    int nx = 6, ny = 5, nz = 7;
    float *A0 = malloc(sizeof(float) * nx * ny * nz), *Anext = malloc(sizeof(float) * nx * ny * nz);
    for (int i = 0; i < nx * ny * nz; i++) A0[i] = Anext[i] = (float)((i * 13) % 10) / 10.0f;
    for (int t = 0; t < 2; t++) {
      for (int lo = 1; lo < nz - 1; lo += 2) {
#pragma dosc task
        cpu_stencil(1.0f / 6.0f, 1.0f / 6.0f / 6.0f, A0, Anext, nx, ny, nz, lo, lo + 2 < nz - 1 ? lo + 2 : nz - 1);
      }
#pragma dosc taskwait
      float *tmp = A0;
      A0 = Anext, Anext = tmp;
    }
    for (int i = 0; i < nx * ny * nz; i++) check += A0[i] * (i % 11 + 1);
    free(A0), free(Anext);
  }
  {
    enum { m = 5, n = 6, k = 4 };
    float A[m * k], B[n * k], C[m * n];
    for (int i = 0; i < m * k; i++) A[i] = (float)(i % 7) / 7.0f;
    for (int i = 0; i < n * k; i++) B[i] = (float)(i % 5) / 5.0f;
    for (int i = 0; i < m * n; i++) C[i] = 1.0f;
    for (int n0 = 0; n0 < n; n0 += 4) {
      int nb = n0 + 4 < n ? 4 : n - n0;
#pragma dosc task
      basicSgemm('N', 'T', m, nb, k, 1.5f, A, m, B + n0, n, 0.5f, C + n0 * m, m);
    }
#pragma dosc task
    basicSgemm('T', 'T', m, n, k, 1.5f, A, m, B, n, 0.5f, C, m);
#pragma dosc taskwait
    for (int i = 0; i < m * n; i++) check += C[i] * (i + 1);
  }
  {
    enum { dim = 40, depth = 3 };
    int h_nzcnt[2] = {3, 2}, h_ptr[depth] = {0, dim, 2 * dim}, h_perm[dim], h_indices[depth * dim];
    float h_data[depth * dim], h_x_vec[dim], h_Ax_vector[dim];
    for (int i = 0; i < dim; i++) h_perm[i] = (i * 7) % dim, h_x_vec[i] = (float)(i % 9) / 9.0f;
    for (int j = 0; j < depth * dim; j++) h_indices[j] = (j * 11) % dim, h_data[j] = (float)(j % 13) / 13.0f;
    for (int lo = 0; lo < dim; lo += 16) {
#pragma dosc task
      spmv_jds(h_Ax_vector, h_data, h_indices, h_ptr, h_perm, h_nzcnt, h_x_vec, lo, lo + 16 < dim ? lo + 16 : dim);
    }
#pragma dosc taskwait
    for (int i = 0; i < dim; i++) check += h_Ax_vector[i] * (i + 1);
  }
  {
    enum { W = 20, H = 15, HH = 4, HW = 8, CHUNKS = 3 };
    unsigned int img[W * H];
    unsigned char histo[CHUNKS][HH * HW];
    for (int i = 0; i < W * H; i++) img[i] = (i * i + 3) % 7 == 0 ? 5 : (unsigned)(i * 31) % (HH * HW);
    for (int c = 0; c < CHUNKS; c++) {
#pragma dosc task
      histo_chunk(img, histo[c], HH, HW, c * W * H / CHUNKS, (c + 1) * W * H / CHUNKS);
    }
#pragma dosc taskwait
    for (int b = 0; b < HH * HW; b++) {
      unsigned s = 0;
      for (int c = 0; c < CHUNKS; c++) s += histo[c][b];
      check += (s > UINT8_MAX ? UINT8_MAX : s) * (b + 1);
    }
  }
  {
    enum { numK = 6, numX = 10 };
    struct kValues kVals[numK];
    float x[numX], y[numX], z[numX], Qr[numX], Qi[numX];
    for (int i = 0; i < numK; i++) kVals[i].Kx = 0.1f * i, kVals[i].Ky = 0.2f - 0.05f * i, kVals[i].Kz = 0.01f * i, kVals[i].PhiMag = 1.0f + i;
    for (int i = 0; i < numX; i++) x[i] = 0.3f * i, y[i] = 0.1f * (i % 3), z[i] = 0.05f * i;
    for (int lo = 0; lo < numX; lo += 4) {
      int cnt = lo + 4 < numX ? 4 : numX - lo;
#pragma dosc task
      ComputeQCPU(numK, cnt, kVals, x + lo, y + lo, z + lo, Qr + lo, Qi + lo);
    }
#pragma dosc taskwait
    for (int i = 0; i < numX; i++) check += Qr[i] * (i + 1) - Qi[i];
  }
  printf("checksum %.5f\n", check);
  return 0;
}
