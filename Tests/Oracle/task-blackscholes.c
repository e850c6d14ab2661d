/* Remote attack: PARSEC blackscholes' shape: an array of option structs read field by field,
   prices written to a separate array by ranges, with math library calls in the task. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct {
  float s, strike, r, v, t;
  char type;
  float divq, dgrefval;
} OptionData;

static float cndf(float x) {
  float sign = x < 0 ? -1.0f : 1.0f;
  return 0.5f * (1.0f + sign * (1.0f - expf(-0.5f * x * x * 0.637f)));
}

void price_range(const OptionData *data, float *prices, int start, int end) {
  for (int i = start; i < end; i++) {
    float sqrt_t = sqrtf(data[i].t);
    float d1 = (logf(data[i].s / data[i].strike) + (data[i].r + 0.5f * data[i].v * data[i].v) * data[i].t) /
               (data[i].v * sqrt_t);
    float d2 = d1 - data[i].v * sqrt_t;
    float fut = data[i].strike * expf(-data[i].r * data[i].t);
    prices[i] = data[i].type == 'C' ? data[i].s * cndf(d1) - fut * cndf(d2)
                                    : fut * (1.0f - cndf(d2)) - data[i].s * (1.0f - cndf(d1));
  }
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 40;
  OptionData *data = malloc(sizeof *data * (size_t)n);
  float *prices = calloc((size_t)n, sizeof(float));
  for (int i = 0; i < n; i++)
    data[i] = (OptionData){40.0f + i % 7, 42.0f, 0.05f, 0.2f + 0.01f * (i % 5), 0.5f + 0.1f * (i % 4),
                           i % 2 ? 'C' : 'P', 0, 0};
  for (int lo = 0; lo < n; lo += 9) {
    int hi = lo + 9 < n ? lo + 9 : n;
#pragma dosc task
    price_range(data, prices, lo, hi);
  }
#pragma dosc taskwait
  double s = 0;
  for (int i = 0; i < n; i++) s += prices[i] * (i % 3 + 1);
  printf("prices %.3f\n", s);
  free(data);
  free(prices);
  return 0;
}
