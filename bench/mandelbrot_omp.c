/* Examples/mandelbrot/mandelbrot.c with an OpenMP `parallel for` (dynamic) over the same row blocks.
   Mandelbrot set: one task per block of rows. Rows through the set cost up to max_iter
   iterations per pixel, rows outside it a few: the work per task is very uneven. */
#include <stdio.h>
#include <stdlib.h>

void mandel_rows(int *counts, int width, int height, int lo, int hi, int max_iter) {
  for (int y = lo; y < hi; y++) {
    double ci = -1.2 + 2.4 * y / height;
    for (int x = 0; x < width; x++) {
      double cr = -2.1 + 3.0 * x / width;
      double zr = 0.0, zi = 0.0;
      int k = 0;
      while (k < max_iter && zr * zr + zi * zi <= 4.0) {
        double t = zr * zr - zi * zi + cr;
        zi = 2.0 * zr * zi + ci;
        zr = t;
        k++;
      }
      counts[y * width + x] = k;
    }
  }
}

int main(int argc, char **argv) {
  int width = argc > 1 ? atoi(argv[1]) : 640;
  int height = argc > 2 ? atoi(argv[2]) : 480;
  int max_iter = argc > 3 ? atoi(argv[3]) : 500;
  int block = 8;
  int *counts = malloc(sizeof(int) * width * height);
#pragma omp parallel for schedule(dynamic)
  for (int lo = 0; lo < height; lo += block) {
    int hi = lo + block < height ? lo + block : height;
    mandel_rows(counts, width, height, lo, hi, max_iter);
  }
  long long total = 0, inside = 0;
  for (int i = 0; i < width * height; i++) {
    total += counts[i];
    if (counts[i] == max_iter) inside++;
  }
  printf("%dx%d max_iter = %d iterations = %lld inside = %lld\n", width, height, max_iter, total, inside);
  /* a coarse picture: one character per 8x16 pixels */
  for (int y = 0; y < height; y += 16) {
    for (int x = 0; x < width; x += 8) putchar(counts[y * width + x] == max_iter ? '#' : counts[y * width + x] > 8 ? '+' : '.');
    putchar('\n');
  }
  free(counts);
  return 0;
}
