/* Written footprints that look dense and are not (what a remote run ships back whole, unread,
   must have been stored in full): a store skipped by `continue` at one index, a loop left by
   `break` on the data, a store under a data test, a loop whose guard also tests the data, a
   `return` from inside the loop, a store in one case of a `switch`, a store through a helper
   called under a test, a `goto` past the store, `longjmp`-free early exits through a flag; and
   beside them the dense ones (if/else both storing, a helper storing unconditionally). */
#include <stdio.h>

void skip_one(int *out, int lo, int hi, int k) {
  for (int i = lo; i < hi; i++) {
    if (i == k) continue;
    out[i] = 3 * i;
  }
}
void stop_on_data(const int *in, int *out, int lo, int hi) {
  for (int i = lo; i < hi; i++) {
    if (in[i] < 0) break;
    out[i] = in[i] + 1;
  }
}
void guarded_store(const int *in, int *out, int lo, int hi) {
  for (int i = lo; i < hi; i++)
    if (in[i] % 3 != 0) out[i] = in[i];
}
void guard_in_condition(const int *in, int *out, int lo, int hi) {
  for (int i = lo; i < hi && in[i] != 7; i++) out[i] = 2 * in[i];
}
void return_inside(const int *in, int *out, int lo, int hi) {
  for (int i = lo; i < hi; i++) {
    if (in[i] == 11) return;
    out[i] = in[i] - 1;
  }
}
void switch_case(const int *in, int *out, int lo, int hi) {
  for (int i = lo; i < hi; i++) switch (in[i] % 4) {
    case 0: out[i] = 1; break;
    case 1: out[i] = 2; break;
    default: break;
    }
}
static void put(int *out, int i, int v) { out[i] = v; }
void helper_under_test(const int *in, int *out, int lo, int hi) {
  for (int i = lo; i < hi; i++)
    if (in[i] > 4) put(out, i, in[i]);
}
void goto_past(const int *in, int *out, int lo, int hi) {
  for (int i = lo; i < hi; i++) {
    if (in[i] == 5) goto next;
    out[i] = 9;
  next:;
  }
}
void flag_exit(const int *in, int *out, int lo, int hi) {
  int done = 0;
  for (int i = lo; i < hi; i++) {
    if (!done) out[i] = in[i];
    if (in[i] == 13) done = 1;
  }
}
void both_branches(const int *in, int *out, int lo, int hi) {
  for (int i = lo; i < hi; i++)
    if (in[i] & 1) out[i] = 1;
    else out[i] = 0;
}
void helper_always(int *out, int lo, int hi) {
  for (int i = lo; i < hi; i++) put(out, i, i * i);
}
void ternary_store(const int *in, int *out, int *other, int lo, int hi) {
  for (int i = lo; i < hi; i++) *(in[i] > 8 ? &out[i] : &other[i]) = i;
}

#define N 24
int main(void) {
  int in[N], outs[13][N];
  for (int i = 0; i < N; i++) in[i] = (i * 7) % 17 - 1;
  in[15] = 7;
  in[18] = 11;
  in[20] = 13;
  for (int k = 0; k < 13; k++)
    for (int i = 0; i < N; i++) outs[k][i] = -100 - k;
#pragma dosc task
  skip_one(outs[0], 0, N, 5);
#pragma dosc task
  stop_on_data(in, outs[1], 1, N);
#pragma dosc task
  guarded_store(in, outs[2], 0, N);
#pragma dosc task
  guard_in_condition(in, outs[3], 0, N);
#pragma dosc task
  return_inside(in, outs[4], 0, N);
#pragma dosc task
  switch_case(in, outs[5], 0, N);
#pragma dosc task
  helper_under_test(in, outs[6], 0, N);
#pragma dosc task
  goto_past(in, outs[7], 0, N);
#pragma dosc task
  flag_exit(in, outs[8], 0, N);
#pragma dosc task
  both_branches(in, outs[9], 0, N);
#pragma dosc task
  helper_always(outs[10], 0, N);
#pragma dosc task
  ternary_store(in, outs[11], outs[12], 0, N);
#pragma dosc taskwait
  long s = 0;
  for (int k = 0; k < 13; k++)
    for (int i = 0; i < N; i++) s += (long)outs[k][i] * (i + 1) * (k + 1);
  printf("dense or not: %ld\n", s);
  return 0;
}
