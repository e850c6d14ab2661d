/* The shapes of the OpenMP Examples document's tasking chapter, converted to dosc: a linked
   list walked by the spawner with a task per node, a node task that also looks at its
   neighbour through `next`, a postorder tree with value-returning tasks, fib with results
   through pointers to the caller's locals, a reduction written as plain code (each task
   returns its partial sum), and a task given the address of one scalar. */
#include <stdio.h>
#include <stdlib.h>

struct node {
  int value;
  int result;
  struct node *next;
};

struct tree {
  int key;
  struct tree *left, *right;
};

/* The task of the list example: works on one node's payload. */
void process(struct node *p) { p->result = p->value * p->value + 1; }

/* An adversarial variant: a node task that reads its successor through the node. */
void smooth(struct node *p) { p->result = p->value + (p->next ? p->next->value : 0); }

/* Counts a tree's keys below a bound, postorder, each subtree a task. */
int count_below(const struct tree *t, int bound) {
  if (!t) return 0;
  int l, r;
#pragma dosc task
  l = count_below(t->left, bound);
#pragma dosc task
  r = count_below(t->right, bound);
#pragma dosc taskwait
  return l + r + (t->key < bound);
}

/* fib with its result through a pointer, the children's into the caller's locals. */
void fib_into(int n, int *result) {
  if (n < 2) {
    *result = n;
    return;
  }
  int x, y;
#pragma dosc task
  fib_into(n - 1, &x);
#pragma dosc task
  fib_into(n - 2, &y);
#pragma dosc taskwait
  *result = x + y;
}

/* A partial sum over [lo, hi): the reduction's contribution, returned. */
long partial_sum(const int *v, int lo, int hi) {
  long s = 0;
  for (int i = lo; i < hi; i++) s += v[i];
  return s;
}

/* Increments one counter: the task given &x of the example. */
void bump(int *x, int by) { *x += by; }

static struct tree *build(int lo, int hi) {
  if (lo >= hi) return NULL;
  int mid = (lo + hi) / 2;
  struct tree *t = malloc(sizeof *t);
  t->key = (mid * 7) % 23;
  t->left = build(lo, mid);
  t->right = build(mid + 1, hi);
  return t;
}

static void release(struct tree *t) {
  if (!t) return;
  release(t->left);
  release(t->right);
  free(t);
}

int main(void) {
  struct node *head = NULL;
  for (int i = 0; i < 9; i++) {
    struct node *p = malloc(sizeof *p);
    p->value = i * 3 - 4;
    p->result = 0;
    p->next = head;
    head = p;
  }
  for (struct node *p = head; p; p = p->next) {
#pragma dosc task
    process(p);
  }
#pragma dosc taskwait
  int total = 0;
  for (struct node *p = head; p; p = p->next) total += p->result;
  for (struct node *p = head; p; p = p->next) {
#pragma dosc task
    smooth(p);
  }
#pragma dosc taskwait
  for (struct node *p = head; p; p = p->next) total += p->result * 3;
  struct tree *t = build(0, 15);
  int below;
#pragma dosc task
  below = count_below(t, 11);
  int f;
#pragma dosc task
  fib_into(11, &f);
#pragma dosc taskwait
  int v[40];
  for (int i = 0; i < 40; i++) v[i] = i * i - 17;
  long parts[4], sum = 0;
  for (int k = 0; k < 4; k++) {
#pragma dosc task
    parts[k] = partial_sum(v, k * 10, k * 10 + 10);
  }
#pragma dosc taskwait
  for (int k = 0; k < 4; k++) sum += parts[k];
  int counter = 5;
#pragma dosc task
  bump(&counter, 7);
#pragma dosc taskwait
#pragma dosc task
  bump(&counter, 30);
#pragma dosc taskwait
  printf("list %d below %d fib %d sum %ld counter %d\n", total, below, f, sum, counter);
  while (head) {
    struct node *next = head->next;
    free(head);
    head = next;
  }
  release(t);
  return 0;
}
