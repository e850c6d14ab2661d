/* A soundness bug, reduced (branch unseen12; not in the oracle suite, which globs Tests/Oracle/*.c
   only; the suite's task-unseen12-g721.c has the whole coder): G.721's encoder starts with
   `switch (in_coding) { case LINEAR: sl >>= 2; break; default: return (-1); }`, and the analyzer
   took the code after a switch whose last statement returns for dead. Before the fix: `st` was
   `access: none` in f and block, both remotable; the footprint oracle saw st[0] read and written,
   and g721 on 3 ranks died with a segmentation fault in encode_block (its state not shipped).
   `dosc analyze Tests/Oracle/repro/unseen12-switch-return.c` now gives st[0, 1) read and
   written. */
#include <stdio.h>
int f(int sl, int mode, int *st) {
  switch (mode) {
    case 3:
      sl >>= 2;
      break;
    default:
      return -1;
  }
  st[0] += sl;
  return st[0];
}
void block(int *st, const short *pcm, unsigned char *code, int n) {
  for (int k = 0; k < n; k++) code[k] = (unsigned char)f(pcm[k], 3, st);
}
int main(void) {
  int st[1] = {5}, r;
  short pcm[8] = {1, 2, 3, 4, 5, 6, 7, 8};
  unsigned char code[8];
#pragma dosc task
  r = f(40, 3, st);
#pragma dosc taskwait
#pragma dosc task
  block(st, pcm, code, 8);
#pragma dosc taskwait
  printf("%d %d %d\n", r, st[0], code[7]);
  return 0;
}
