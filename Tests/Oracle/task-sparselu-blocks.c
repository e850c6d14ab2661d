/* Remote attack: BOTS sparselu's block kernels, each task given separate bs x bs blocks
   (lu0 on the diagonal, fwd/bdiv on its row and column, bmod on the rest), blocks stored in
   one array, `blocks + (i*nb + j)*bs*bs`. */
#include <stdio.h>
#include <stdlib.h>

void lu0(float *diag, int bs) {
  for (int k = 0; k < bs; k++)
    for (int i = k + 1; i < bs; i++) {
      diag[i * bs + k] /= diag[k * bs + k];
      for (int j = k + 1; j < bs; j++) diag[i * bs + j] -= diag[i * bs + k] * diag[k * bs + j];
    }
}

void fwd(const float *diag, float *col, int bs) {
  for (int k = 0; k < bs; k++)
    for (int i = k + 1; i < bs; i++)
      for (int j = 0; j < bs; j++) col[i * bs + j] -= diag[i * bs + k] * col[k * bs + j];
}

void bdiv(const float *diag, float *row, int bs) {
  for (int i = 0; i < bs; i++)
    for (int k = 0; k < bs; k++) {
      row[i * bs + k] /= diag[k * bs + k];
      for (int j = k + 1; j < bs; j++) row[i * bs + j] -= row[i * bs + k] * diag[k * bs + j];
    }
}

void bmod(const float *row, const float *col, float *inner, int bs) {
  for (int i = 0; i < bs; i++)
    for (int j = 0; j < bs; j++)
      for (int k = 0; k < bs; k++) inner[i * bs + j] -= row[i * bs + k] * col[k * bs + j];
}

int main(int argc, char **argv) {
  int nb = argc > 1 ? atoi(argv[1]) : 3, bs = 4, size = bs * bs;
  float *m = malloc(sizeof(float) * (size_t)nb * nb * size);
  for (int i = 0; i < nb * nb * size; i++) m[i] = (float)((i * 7) % 10 + 1);
  for (int b = 0; b < nb; b++)
    for (int d = 0; d < bs; d++) m[(b * nb + b) * size + d * bs + d] += 40.0f;
#define B(i, j) (m + ((i) * nb + (j)) * size)
  for (int k = 0; k < nb; k++) {
#pragma dosc task
    lu0(B(k, k), bs);
#pragma dosc taskwait
    for (int j = k + 1; j < nb; j++) {
#pragma dosc task
      fwd(B(k, k), B(k, j), bs);
    }
    for (int i = k + 1; i < nb; i++) {
#pragma dosc task
      bdiv(B(k, k), B(i, k), bs);
    }
#pragma dosc taskwait
    for (int i = k + 1; i < nb; i++)
      for (int j = k + 1; j < nb; j++) {
#pragma dosc task
        bmod(B(i, k), B(k, j), B(i, j), bs);
      }
#pragma dosc taskwait
  }
  double s = 0;
  for (int i = 0; i < nb * nb * size; i++) s += m[i] * (i % 5 + 1);
  printf("lu %.4f\n", s);
  free(m);
  return 0;
}
