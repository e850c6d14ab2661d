/* Remote attack: linked lists and trees (BOTS health, uts): a node's neighbours are addresses,
   so these tasks must stay on rank 0, each with a located reason, and still be right. */
#include <stdio.h>
#include <stdlib.h>

struct node {
  int value;
  struct node *next;
};

struct tree {
  int key;
  struct tree *left, *right;
};

long list_sum(const struct node *n) {
  long s = 0;
  for (; n; n = n->next) s += n->value;
  return s;
}

void list_double(struct node *n) {
  while (n) {
    n->value *= 2;
    n = n->next;
  }
}

long tree_sum(const struct tree *t) {
  if (!t) return 0;
  long left, right;
#pragma dosc task
  left = tree_sum(t->left);
#pragma dosc task
  right = tree_sum(t->right);
#pragma dosc taskwait
  return left + right + t->key;
}

struct tree *build(int lo, int hi) {
  if (lo >= hi) return NULL;
  int mid = (lo + hi) / 2;
  struct tree *t = malloc(sizeof *t);
  t->key = mid * 3 % 17;
  t->left = build(lo, mid);
  t->right = build(mid + 1, hi);
  return t;
}

void destroy(struct tree *t) {
  if (!t) return;
  destroy(t->left);
  destroy(t->right);
  free(t);
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 25;
  struct node *lists[3] = {NULL, NULL, NULL};
  for (int k = 0; k < 3; k++)
    for (int i = 0; i < n + k; i++) {
      struct node *node = malloc(sizeof *node);
      node->value = i * (k + 1);
      node->next = lists[k];
      lists[k] = node;
    }
  for (int k = 0; k < 3; k++) {
#pragma dosc task
    list_double(lists[k]);
  }
#pragma dosc taskwait
  long sums[3];
  for (int k = 0; k < 3; k++) {
#pragma dosc task
    sums[k] = list_sum(lists[k]);
  }
  struct tree *t = build(0, n);
  long total;
#pragma dosc task
  total = tree_sum(t);
#pragma dosc taskwait
  printf("lists %ld %ld %ld tree %ld\n", sums[0], sums[1], sums[2], total);
  for (int k = 0; k < 3; k++)
    while (lists[k]) {
      struct node *next = lists[k]->next;
      free(lists[k]);
      lists[k] = next;
    }
  destroy(t);
  return 0;
}
