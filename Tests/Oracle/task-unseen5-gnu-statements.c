/* Statements beside the suites' loops (branch unseen5), each in a task: inline `asm` storing
   through an "=m" operand and through a pointer with a "memory" clobber (x86-64; plain C
   elsewhere), a computed `goto *labels[i & 1]` loop, a statement expression as an index,
   `__builtin_alloca`, `_Generic` in an index, and loops under `#pragma clang loop
   unroll(enable)`, `vectorize(enable) interleave(enable)` and `#pragma unroll 4`, and
   `__attribute__((fallthrough))` in a switch. Found wrong before this branch: the asm tasks
   (`access: none`, remotable: rank 2 crashed) and the three loops under loop pragmas
   (attributed statements were dropped: `access: none`, remotable). */
#include <stdio.h>
#include <stdlib.h>
#if defined(__x86_64__)
void asm_store(int *a, int n) {
  for (int i = 0; i < n; i++) __asm__ volatile("movl %1, %0" : "=m"(a[i]) : "r"(i * 3));
}
void asm_pointer(int *a, int n) {
  for (int i = 0; i < n; i++) { int *p = a + i; __asm__ volatile("movl $7, (%0)" : : "r"(p) : "memory"); }
}
#else /* the same stores in C elsewhere */
void asm_store(int *a, int n) {
  for (int i = 0; i < n; i++) a[i] = i * 3;
}
void asm_pointer(int *a, int n) {
  for (int i = 0; i < n; i++) a[i] = 7;
}
#endif
void computed_goto(int *a, int n) {
  static void *labels[] = {&&even, &&odd};
  int i = 0;
next:
  if (i >= n) return;
  goto *labels[i & 1];
even:
  a[i] += 2; i++; goto next;
odd:
  a[i] -= 1; i++; goto next;
}
void stmt_expr(int *a, int n) {
  for (int i = 0; i < n; i++) a[({ int t = i * 2; t + 1; })] = i;
}
void with_alloca(int *out, int n) {
  int *tmp = __builtin_alloca(sizeof(int) * (size_t)n);
  for (int i = 0; i < n; i++) tmp[i] = i * i;
  for (int i = 0; i < n; i++) out[n - 1 - i] = tmp[i];
}
#define TYPED(x) _Generic((x), int *: 1, default: 2)
void generic_pick(int *a, int n) { for (int i = 0; i < n; i++) a[i * TYPED(a)] += 5; }
void unrolled(int *a, int n) {
#pragma clang loop unroll(enable)
  for (int i = 0; i < n; i++) a[i] += 3;
}
void vectorized(int *a, int n) {
#pragma clang loop vectorize(enable) interleave(enable)
  for (int i = 0; i < n; i++) a[i] *= 2;
}
void unroll_count(int *a, int n) {
#pragma unroll 4
  for (int i = 0; i < n; i++) a[i] -= 1;
}
void fall(int *a, int n, int mode) {
  for (int i = 0; i < n; i++) switch (mode) {
    case 1: a[i] += 1; __attribute__((fallthrough));
    default: a[i] += 2;
  }
}
int main(void) {
  int *a = calloc(64, sizeof(int));
  #pragma dosc task
  asm_store(a, 8);
  #pragma dosc taskwait
  #pragma dosc task
  asm_pointer(a + 8, 8);
  #pragma dosc taskwait
  #pragma dosc task
  computed_goto(a + 16, 8);
  #pragma dosc taskwait
  #pragma dosc task
  stmt_expr(a + 24, 8);
  #pragma dosc taskwait
  #pragma dosc task
  with_alloca(a + 40, 8);
  #pragma dosc taskwait
  #pragma dosc task
  generic_pick(a + 48, 8);
  #pragma dosc taskwait

  int *b = calloc(40, sizeof(int));
  #pragma dosc task
  unrolled(b, 10);
  #pragma dosc task
  vectorized(b + 10, 10);
  #pragma dosc task
  unroll_count(b + 20, 10);
  #pragma dosc task
  fall(b + 30, 10, 1);
  #pragma dosc taskwait
  long s = 0;
  for (int i = 0; i < 64; i++) s += a[i] * (i + 1);
  for (int i = 0; i < 40; i++) s += b[i] * (i + 2);
  printf("gnu statements: %ld\n", s);
  free(a);
  free(b);
  return 0;
}
