/* Remote attack: Rodinia hotspot's chunked update, the neighbours chosen by conditionals at
   the borders (`r == 0 ? ... : temp[(r-1)*col + c]`), results into a separate grid. */
#include <stdio.h>
#include <stdlib.h>

void hotspot_rows(float *result, const float *temp, const float *power, int row_lo, int row_hi, int rows,
                  int cols) {
  for (int r = row_lo; r < row_hi; r++)
    for (int c = 0; c < cols; c++) {
      float north = r == 0 ? temp[r * cols + c] : temp[(r - 1) * cols + c];
      float south = r == rows - 1 ? temp[r * cols + c] : temp[(r + 1) * cols + c];
      float west = c == 0 ? temp[r * cols + c] : temp[r * cols + c - 1];
      float east = c == cols - 1 ? temp[r * cols + c] : temp[r * cols + c + 1];
      result[r * cols + c] = temp[r * cols + c] + 0.1f * (north + south + west + east - 4 * temp[r * cols + c]) +
                             0.01f * power[r * cols + c];
    }
}

int main(int argc, char **argv) {
  int rows = argc > 1 ? atoi(argv[1]) : 16, cols = 9;
  float *t = malloc(sizeof(float) * (size_t)rows * cols), *p = malloc(sizeof(float) * (size_t)rows * cols);
  float *r = malloc(sizeof(float) * (size_t)rows * cols);
  for (int i = 0; i < rows * cols; i++) t[i] = 300.0f + (i % 11), p[i] = (float)(i % 7);
  for (int it = 0; it < 4; it++) {
    for (int lo = 0; lo < rows; lo += 5) {
      int hi = lo + 5 < rows ? lo + 5 : rows;
#pragma dosc task
      hotspot_rows(r, t, p, lo, hi, rows, cols);
    }
#pragma dosc taskwait
    float *swap = t;
    t = r;
    r = swap;
  }
  double s = 0;
  for (int i = 0; i < rows * cols; i++) s += t[i] * (i % 3 + 1);
  printf("hotspot %.3f\n", s);
  free(t), free(p), free(r);
  return 0;
}
