/* MiBench network/patricia (Matthew Guthaus et al., University of Michigan; the trie code by
   Sklower's Patricia of BSD origin, BSD-style licence) as dosc tasks (branch unseen13), read
   from the structs of snu-sf/crellvm-tests (MultiSource.Benchmarks.MiBench/87.network-patricia)
   and llvm-test-suite MultiSource/Benchmarks/MiBench/network-patricia (patricia.c,
   patricia_test.c): the shapes kept, the code written anew.
   - struct ptree { p_key, p_m (an array of struct ptree_mask {pm_mask, pm_data}), p_mlen, p_b,
     p_left, p_right }: a bit-indexed trie whose upward links point back at ancestors (a search
     stops when the bit index stops growing), masks kept sorted by insertion into a realloc'd
     array, pm_data a malloc'd `struct MyNode { int foo; double bar; }`;
   - pat_insert / pat_search over a trie given by its head, bit(i, key) = key & (1 << (31 - i));
   - tasks: one per block of addresses that builds a trie of its own from its keys (every node
     malloc'd and freed inside the task), probes it and writes hits; one per block of look-ups
     in a shared trie (pointer chasing through p_left/p_right); a recursive count of the
     downward edges spawned on both children, the result assigned at the spawn.
   The program prints the hit counts and sums. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ptree_mask {
  unsigned long pm_mask;
  void *pm_data;
};

struct ptree {
  unsigned long p_key;
  struct ptree_mask *p_m;
  unsigned char p_mlen;
  signed char p_b;
  struct ptree *p_left;
  struct ptree *p_right;
};

struct MyNode {
  int foo;
  double bar;
};

static inline unsigned long bit(int i, unsigned long key) {
  return i < 0 ? 0 : key & (1UL << (31 - i));
}

struct ptree *pat_new_head(void) {
  struct ptree *h = calloc(1, sizeof(struct ptree));
  h->p_b = -1;
  h->p_left = h->p_right = h;
  return h;
}

/* The node whose key is the closest to key (an upward link ends the walk). */
struct ptree *pat_search(unsigned long key, struct ptree *head) {
  struct ptree *p, *x = head;
  do {
    p = x;
    x = bit(x->p_b, key) ? x->p_right : x->p_left;
  } while (x->p_b > p->p_b);
  return x;
}

/* Adds mask to node t's sorted mask array (a new entry shifts the larger ones up). */
static void pat_add_mask(struct ptree *t, unsigned long mask, double bar) {
  int i = 0;
  while (i < t->p_mlen && t->p_m[i].pm_mask < mask)
    i++;
  if (i < t->p_mlen && t->p_m[i].pm_mask == mask) {
    ((struct MyNode *)t->p_m[i].pm_data)->bar += bar;
    return;
  }
  t->p_m = realloc(t->p_m, sizeof(struct ptree_mask) * (t->p_mlen + 1));
  memmove(t->p_m + i + 1, t->p_m + i, sizeof(struct ptree_mask) * (t->p_mlen - i));
  struct MyNode *d = malloc(sizeof(struct MyNode));
  d->foo = (int)(mask & 0xff);
  d->bar = bar;
  t->p_m[i].pm_mask = mask;
  t->p_m[i].pm_data = d;
  t->p_mlen++;
}

struct ptree *pat_insert(unsigned long key, unsigned long mask, double bar, struct ptree *head) {
  struct ptree *t = pat_search(key, head);
  if (t != head && t->p_key == key) {
    pat_add_mask(t, mask, bar);
    return t;
  }
  int i = 0;
  while (i < 32 && bit(i, key) == bit(i, t->p_key))
    i++;
  struct ptree *p, *x = head;
  do {
    p = x;
    x = bit(x->p_b, key) ? x->p_right : x->p_left;
  } while (x->p_b > p->p_b && x->p_b < i);
  struct ptree *n = calloc(1, sizeof(struct ptree));
  n->p_key = key;
  n->p_b = (signed char)i;
  n->p_left = bit(i, key) ? x : n;
  n->p_right = bit(i, key) ? n : x;
  if (bit(p->p_b, key))
    p->p_right = n;
  else
    p->p_left = n;
  pat_add_mask(n, mask, bar);
  return n;
}

/* Frees the nodes below t (downward edges only), then t. */
void pat_free(struct ptree *t, struct ptree *head) {
  if (t->p_left->p_b > t->p_b) pat_free(t->p_left, head);
  if (t->p_right->p_b > t->p_b) pat_free(t->p_right, head);
  for (int i = 0; i < t->p_mlen; i++)
    free(t->p_m[i].pm_data);
  free(t->p_m);
  free(t);
}

/* A task per block: a trie of its own from keys[0..n), then the probes; hits[j] is the number
   of masks at the probe's node when the key matches, else 0. Returns the sum of bar found. */
double build_and_probe(const unsigned long *keys, int n, const unsigned long *probes, int m,
                       int *hits) {
  struct ptree *head = pat_new_head();
  for (int i = 0; i < n; i++)
    pat_insert(keys[i], 0xffffff00UL | (keys[i] & 0xf), (double)(i % 5), head);
  double s = 0.0;
  for (int j = 0; j < m; j++) {
    struct ptree *t = pat_search(probes[j], head);
    hits[j] = 0;
    if (t != head && t->p_key == probes[j]) {
      hits[j] = t->p_mlen;
      for (int k = 0; k < t->p_mlen; k++)
        s += ((struct MyNode *)t->p_m[k].pm_data)->bar;
    }
  }
  if (head->p_left != head) pat_free(head->p_left, head);
  free(head);
  return s;
}

/* Look-ups of addrs[lo..hi) in a shared trie: found[i] is the node's first mask data's foo. */
void lookup_block(struct ptree *head, const unsigned long *addrs, int lo, int hi, int *found) {
  for (int i = lo; i < hi; i++) {
    struct ptree *t = pat_search(addrs[i], head);
    found[i] = (t != head && t->p_key == addrs[i]) ? ((struct MyNode *)t->p_m[0].pm_data)->foo : -1;
  }
}

/* The number of downward edges below t, both children spawned. */
int count_edges(struct ptree *t) {
  int l = 0, r = 0;
  if (t->p_left->p_b > t->p_b) {
#pragma dosc task
    l = count_edges(t->p_left);
  }
  if (t->p_right->p_b > t->p_b) {
#pragma dosc task
    r = count_edges(t->p_right);
  }
#pragma dosc taskwait
  return l + r + (t->p_left->p_b > t->p_b) + (t->p_right->p_b > t->p_b);
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 240, blocks = 4;
  unsigned long *keys = malloc(sizeof(unsigned long) * n),
                *probes = malloc(sizeof(unsigned long) * n);
  unsigned long seed = 12345;
  for (int i = 0; i < n; i++) {
    seed = (seed * 1103515245UL + 12345UL) & 0x7fffffffUL;
    keys[i] = (seed << 1) & 0xffffffffUL;
    if (i % 3 == 0 && i > 0) keys[i] = keys[i - 1]; /* repeated addresses: more masks */
  }
  for (int i = 0; i < n; i++)
    probes[i] = i % 2 ? keys[(i * 7) % n] : keys[i] ^ 0x10UL;
  int *hits = calloc((size_t)n, sizeof(int));
  double sums[16];
  int per = n / blocks;
  for (int b = 0; b < blocks; b++) {
#pragma dosc task
    sums[b] = build_and_probe(keys + b * per, per, probes + b * per, per, hits + b * per);
  }
#pragma dosc taskwait
  struct ptree *head = pat_new_head();
  for (int i = 0; i < n; i++)
    pat_insert(keys[i], 0xffff0000UL | (unsigned long)(i & 0xff), 1.0, head);
  int *found = malloc(sizeof(int) * n);
  for (int b = 0; b < blocks; b++) {
#pragma dosc task
    lookup_block(head, probes, b * per, b == blocks - 1 ? n : (b + 1) * per, found);
  }
#pragma dosc taskwait
  int edges = 0;
  if (head->p_left != head) {
#pragma dosc task
    edges = count_edges(head->p_left);
#pragma dosc taskwait
  }
  long h = 0, f = 0;
  double s = 0.0;
  for (int i = 0; i < n; i++)
    h += hits[i] * (i % 7 + 1), f += found[i] * (i % 5 + 1);
  for (int b = 0; b < blocks; b++)
    s += sums[b];
  printf("hits %ld found %ld sums %.1f edges %d\n", h, f, s, edges);
  if (head->p_left != head) pat_free(head->p_left, head);
  free(head);
  free(keys);
  free(probes);
  free(hits);
  free(found);
  return 0;
}
