/* A helper's reason about its parameter's memory holds for a caller only where the caller gives
   it memory that is not its own (lead's review, 2026-11-29): a task whose helper frees a scratch
   buffer the task allocated was told "passes 'p', which it was given, to 'free'", true of the
   helper and not of the task. scratch_sum is remotable now and runs on other ranks;
   given_buffer, whose helper frees what the task was given, stays on rank 0. build_sum, which
   builds a tree in its own memory, keeps "stores an address of its own process in 't->left'":
   the analysis does not follow an own address from the task's memory into what it was given
   (`*out = *root` would send it back), so the reason stays, conservatively. */
#include <stdio.h>
#include <stdlib.h>

struct tree {
  int key;
  struct tree *left, *right;
};

static void insert(struct tree *t, int key) {
  struct tree *n = calloc(1, sizeof *n);
  n->key = key;
  if (key < t->key) {
    n->left = t->left;
    t->left = n;
  } else {
    n->right = t->right;
    t->right = n;
  }
}

static void release(int *p) { free(p); }

/* A tree of its own: the root and the nodes the helper hangs on it. */
int build_sum(const int *keys, int n) {
  struct tree *root = calloc(1, sizeof *root);
  root->key = keys[0];
  for (int i = 1; i < n; i++) insert(root, keys[i]);
  int s = root->key;
  free(root);
  return s + n;
}

long scratch_sum(const int *in, int n) {
  int *t = malloc(sizeof(int) * (size_t)n);
  for (int i = 0; i < n; i++) t[i] = in[i] * 2;
  long s = 0;
  for (int i = 0; i < n; i++) s += t[i];
  release(t);
  return s;
}

/* The helper stores an address of this process into the caller's tree. */
void given_tree(struct tree *t, int key) { insert(t, key); }

void given_buffer(int *p) { release(p); }

int main(void) {
  int keys[64];
  for (int i = 0; i < 64; i++) keys[i] = (i * 37) % 101;
  int sums[8];
  long scratch[8];
  struct tree shared = {50, NULL, NULL};
  int *buffers[8];
  for (int c = 0; c < 8; c++) buffers[c] = malloc(sizeof(int));
  for (int c = 0; c < 8; c++) {
#pragma dosc task
    sums[c] = build_sum(keys + c * 8, 8);
#pragma dosc task
    scratch[c] = scratch_sum(keys + c * 8, 8);
#pragma dosc task
    given_buffer(buffers[c]);
  }
#pragma dosc taskwait
#pragma dosc task
  given_tree(&shared, 7);
#pragma dosc taskwait
  long s = 0;
  for (int c = 0; c < 8; c++) s += sums[c] * (c + 1) + scratch[c];
  int below = shared.left ? shared.left->key : -1;
  printf("own memory %ld %d\n", s, below);
  free(shared.left);
  return 0;
}
