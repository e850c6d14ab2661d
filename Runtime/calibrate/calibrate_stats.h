/* calibrate_stats.h - the clock and the statistics every measuring program of
 * `dosc calibrate` reports: each figure is the median of its samples, and its
 * noise the interquartile range over the median. One copy, so that the three
 * programs' figures mean the same. */
#ifndef CALIBRATE_STATS_H
#define CALIBRATE_STATS_H

#include <stdlib.h>
#include <time.h>

static inline double calibrate_now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

/* qsort's comparison for doubles, ascending. */
static inline int calibrate_compare(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* Sorts `count` samples; their median, and (q3 - q1) / median in `spread`. */
static inline double calibrate_median(double *samples, int count, double *spread) {
  qsort(samples, (size_t)count, sizeof *samples, calibrate_compare);
  double median = samples[count / 2];
  if (spread != NULL)
    *spread = (samples[(3 * count) / 4] - samples[count / 4]) / (median > 0 ? median : 1);
  return median;
}

#endif
