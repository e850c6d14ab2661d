/* Loop variables that run negative, named by their distance from their least value
   (CountedLoop.countedFromLeast): `for (k = -r; k <= r; k++)` is `k = -r + t`, t from 0 to 2r, a
   symbol never negative as the figures' algebra takes every symbol to be. Each task below was
   null ("may be negative") before; its figures must still never be smaller than what it touches
   and counts, under every shape: constant and symbolic least values, loops counting down, steps
   of 2 and 3, nests where both variables run negative, products of two of them, the exit value
   used after the loop, if/else arms on the sign, a callee given a value that may be negative,
   `/` and `%` of negative values (C truncates), do-while and while forms. Each task runs at
   several sizes, 0 among them. */
#include <stdio.h>

/* A convolution: k from -r to r, in[i + k + r]. Exact: reads n * (2r + 1), in[0 .. n + 2r). */
void conv(double *out, const double *in, int n, int r) {
  for (int i = 0; i < n; i++) {
    double s = 0;
    for (int k = -r; k <= r; k++) s += in[i + k + r] * (k + 2);
    out[i] = s;
  }
}

/* life's neighbours: dr, dc from -1 to 1 around an interior cell. */
void neighbours(double *out, const double *in, int rows, int cols) {
  for (int r = 1; r < rows - 1; r++)
    for (int c = 1; c < cols - 1; c++) {
      double s = 0;
      for (int dr = -1; dr <= 1; dr++)
        for (int dc = -1; dc <= 1; dc++)
          if (dr != 0 || dc != 0) s += in[(r + dr) * cols + c + dc];
      out[r * cols + c] = s;
    }
}

/* A down loop into the negatives, step 1 and step 2. */
void down_to(double *a, int n) {
  for (int i = n - 1; i >= -3; i--) a[i + 3] += 1;
}
void down_by_two(double *a, int n) {
  for (int i = n; i >= -4; i -= 2) a[i + 4] += 2;
}

/* Up from a negative constant by 3: the last value is not the bound. */
void up_by_three(double *a, int n) {
  for (int i = -5; i < n; i += 3) a[i + 5] += 3;
}

/* Both variables of a nest run negative: a 5x7 block and a product i * j. */
void block(double *a, int m) {
  for (int i = -2; i <= 2; i++)
    for (int j = -3; j <= 3 + m; j++) a[(i + 2) * (7 + m) + j + 3] += 1;
}
void product(double *a, int m) {
  for (int i = -3; i <= 3; i++)
    for (int j = -m; j <= m; j++) a[i * j + 3 * m] += 1;
}

/* The exit value after the loop: -4 when it runs to its end (b[0]), the start when it does not. */
void exit_value(double *a, double *b, int n) {
  int i;
  for (i = n; i > -4; i--) a[i + 4] += 1;
  b[i + 4] = 7;
}

/* A search whose exit value is anywhere from the start to one past the last value. */
void search_from(double *a, const double *b, int lo, int n) {
  int i;
  for (i = -lo; i < n && b[i + lo] < 0.5; i++) a[i + lo] += 1;
  a[i + lo] = 9;
}

/* if/else on the variable's sign: a[-i] for the negative half, a[i + 10] for the rest. */
void sign_arms(double *a, int n) {
  for (int i = -n; i < n; i++) {
    if (i < 0)
      a[-i] += 1;
    else
      a[i + 10] += 2;
  }
}

/* A guard that keeps a stencil inside the array (box blur of a row): j + k in [0, n). */
void box_row(double *out, const double *in, int n, int r) {
  for (int j = 0; j < n; j++) {
    double s = 0;
    for (int k = -r; k <= r; k++)
      if (j + k >= 0 && j + k < n) s += in[j + k];
    out[j] = s;
  }
}

/* A callee's count given a value that may be negative: cnt makes max(3 - m, 0) + 1 stores. */
static void cnt(double *a, int m) {
  for (int i = m; i < 3; i++) a[2] += 1;
  a[5] = 1;
}
void negative_argument(double *a, int n) {
  for (int i = -5; i <= n; i++) cnt(a, -i);
}

/* An inner count that is negative for the outer variable's first values: max(i, 0) summed. */
void triangle_from_negative(double *a, int n) {
  for (int i = -4; i < n; i++)
    for (int j = 0; j < i; j++) a[j] += 1;
}

/* `/` and `%` of negative values truncate toward 0: -5 / 2 is -2, -5 % 4 is -1. */
void quotients(double *a, int n) {
  for (int i = -6; i < n; i++) a[i / 2 + 3] += 1;
}
void remainders(double *a, int n) {
  for (int i = -7; i < n; i++) a[i % 4 + 3] += 1;
}

/* A least value from the parameters that may be negative: lo - 2, and -k (symmetric_sum). */
void from_lo_less_two(double *a, int lo, int hi) {
  for (int i = lo - 2; i < hi; i++) a[i + 2] += 1;
}
double symmetric(const double *a, int k) {
  double s = 0;
  for (int i = -k; i <= k; i++) s += a[i + k] * i;
  return s;
}

/* while and do-while forms from a negative start. */
void while_form(double *a, int n) {
  int k = -3;
  while (k < n) {
    a[k + 3] += 1;
    k++;
  }
}
void do_form(double *a, int n) {
  int k = -2;
  do {
    a[k + 2] += 1;
    k++;
  } while (k < n);
}

/* A second induction variable beside one that runs negative, and a negative slope. */
void second_variable(double *a, int n) {
  int p = 0;
  for (int i = -n; i < n; i++) {
    a[p] += 1;
    a[2 * n - 1 - (i + n)] += 1;
    p += 2;
  }
}

int main(void) {
  static double in[256], out[256], a[512], b[64], c[64];
  for (int i = 0; i < 256; i++) in[i] = (i * 7) % 11 / 10.0;
  int sizes[3] = {0, 1, 6};
  for (int s = 0; s < 3; s++) {
    int n = sizes[s];
#pragma dosc task
    conv(out, in, n, 2);
#pragma dosc task
    conv(out + 100, in + 100, 4, n);
#pragma dosc task
    neighbours(out + 150, in, n + 2, 5);
#pragma dosc task
    down_to(a, n);
#pragma dosc task
    down_by_two(a + 20, n);
#pragma dosc task
    down_by_two(a + 40, n + 1);
#pragma dosc task
    up_by_three(a + 60, n);
#pragma dosc task
    block(a + 80, n);
#pragma dosc task
    product(a + 200, n);
#pragma dosc task
    exit_value(a + 260, b, n);
#pragma dosc task
    search_from(a + 280, in, n, 5);
#pragma dosc task
    sign_arms(a + 300, n);
#pragma dosc task
    box_row(out + 200, in, n + 1, 2);
#pragma dosc task
    negative_argument(c, n);
#pragma dosc task
    triangle_from_negative(c + 10, n);
#pragma dosc task
    quotients(a + 330, n);
#pragma dosc task
    remainders(a + 350, n);
#pragma dosc task
    from_lo_less_two(a + 360, n, 9);
#pragma dosc task
    c[40 + s] = symmetric(in + 20, n);
#pragma dosc task
    while_form(a + 380, n);
#pragma dosc task
    do_form(a + 400, n);
#pragma dosc task
    second_variable(a + 420, n);
#pragma dosc taskwait
  }
  double sum = 0;
  for (int i = 0; i < 256; i++) sum += out[i] * (i % 7 + 1);
  for (int i = 0; i < 512; i++) sum += a[i] * (i % 13 + 1);
  for (int i = 0; i < 64; i++) sum += b[i] * (i + 1) + c[i] * (i + 2);
  printf("%.1f\n", sum);
  return 0;
}
