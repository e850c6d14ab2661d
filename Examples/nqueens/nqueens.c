/* N-queens: count the placements; each candidate column spawns a task on a private copy
   of the board. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int ok(int j, const char *a) {
  for (int i = 0; i < j; i++) {
    int p = a[i], q = a[j];
    if (p == q || p - q == j - i || q - p == j - i) return 0;
  }
  return 1;
}

long nqueens(int n, int j, const char *a) {
  if (j == n) return 1;
  long counts[32];
  for (int i = 0; i < n; i++) {
    char *b = alloca(n);
    memcpy(b, a, j);
    b[j] = (char)i;
    counts[i] = 0;
    if (ok(j, b)) {
#pragma dosc task
      counts[i] = nqueens(n, j + 1, b);
    }
  }
#pragma dosc taskwait
  long total = 0;
  for (int i = 0; i < n; i++) total += counts[i];
  return total;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 9;
  char board[32];
  printf("%d-queens: %ld solutions\n", n, nqueens(n, 0, board));
  return 0;
}
