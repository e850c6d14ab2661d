/* Sites the rewrite must get right: multi-line calls, unbraced returns, a macro site (left a
   plain call with a warning), no arguments, typedefs, function pointers, pointers to arrays,
   a site in a switch, static tasks. The tasks' work depends on their arguments (or has no
   bound), so that no site is fixed as a plain call when compiled and every one is rewritten. */
#include <stdio.h>
#include <string.h>
typedef long count_t;
static int hits[4];
#define SPAWN_TOUCH(i) touch(i)

static void touch(int i) {
  for (int k = 0; k <= i; k++) hits[k & 3]++;
}
static void noargs(void) {
  int k = 0;
  while (k < 10) hits[k++ & 3] += 10;
}
static count_t twice(count_t v, int (*f)(int)) { return 2 * v + f(0); }
static int zero(int x) { return x * 0; }
static int row_sum(const int m[][3], int r) {
  int s = 0;
  for (int c = 0; c < r + 2; c++) s += m[r][c];
  return s;
}

static count_t tree(int depth, const char *tag) {
  if (depth == 0)
    return (count_t)strlen(tag);
  count_t a, b;
#pragma dosc task
  a = tree(depth - 1,
           tag);
#pragma dosc task
  b = tree(depth - 1, "xy");
  if (depth > 100) return -1;
  return a + b;
}

void run(int n) {
  for (int i = 0; i < n; i++) {
#pragma dosc task
    SPAWN_TOUCH(i);
  }
#pragma dosc task
  noargs();
  int m[2][3] = {{1, 2, 3}, {4, 5, 6}};
  int s;
#pragma dosc task
  s = row_sum(m, 1);
  count_t t;
#pragma dosc task
  t = twice(21, zero);
#pragma dosc taskwait
  printf("s=%d t=%ld\n", s, (long)t);
  switch (n) {
  case 8:
#pragma dosc task
    touch(1);
    break;
  default:
    break;
  }
}

int main(void) {
  run(8);
  count_t r;
#pragma dosc task
  r = tree(10, "abc");
#pragma dosc taskwait
  printf("tree=%ld hits=%d %d %d %d\n", (long)r, hits[0], hits[1], hits[2], hits[3]);
  return 0;
}
