/* The Stanford integer/float benchmarks and Olden kernels as tasks (branch unseen9), the access
   shapes kept and the code written anew. Stanford: Perm's recursive permutations of a global
   array with a global counter, Towers over a global cell space with a free list and global stack
   heads, Queens' `Try(i, &q, a, b, c, x)` with its diagonals `b[i + j]`, `c[i - j + 7]` passed as
   parameters, Intmm/Mm's inner products over `int (*)[R + 1]` rows and columns, Puzzle's Fit /
   Place / Remove over global tables (`p[i][k]`, `puzzl[j + k]`), Bubble on a global list with a
   shrinking top, Quick's recursive partition of a parameter array, and Trees' insertion into a
   malloc'd binary tree then its check. Olden: em3d's nodes holding arrays of pointers to the
   values of other nodes (`*n->from_values[i]`), computed per block of nodes; bisort's bitonic
   merge swapping values between subtrees; treeadd over a tree built as an array with child
   indices (a task per subtree root). The program prints a checksum. */
#include <stdio.h>
#include <stdlib.h>

/* ---- Perm ---- */
#define permrange 7
int permarray[permrange + 1];
unsigned pctr;

static void Swap(int *a, int *b) {
  int t = *a;
  *a = *b;
  *b = t;
}

static void Initialize(void) {
  for (int i = 1; i <= 7; i++) permarray[i] = i - 1;
}

void Permute(int n) {
  pctr = pctr + 1;
  if (n != 1) {
    Permute(n - 1);
    for (int k = n - 1; k >= 1; k--) {
      Swap(&permarray[n], &permarray[k]);
      Permute(n - 1);
      Swap(&permarray[n], &permarray[k]);
    }
  }
}

/* ---- Towers ---- */
#define maxcells 18
#define stackrange 3
struct element {
  int discsize, next;
};
struct element cellspace[maxcells + 1];
int stack[stackrange + 1], freelist, movesdone;

static int Getelement(void) {
  int temp = 0;
  if (freelist > 0) {
    temp = freelist;
    freelist = cellspace[freelist].next;
  }
  return temp;
}

static void Push(int i, int s) {
  int localel = Getelement();
  cellspace[localel].next = stack[s];
  stack[s] = localel;
  cellspace[localel].discsize = i;
}

static void Init(int s, int n) {
  stack[s] = 0;
  for (int discctr = n; discctr >= 1; discctr--) Push(discctr, s);
}

static int Pop(int s) {
  int temp1 = 0;
  if (stack[s] > 0) {
    temp1 = cellspace[stack[s]].discsize;
    int temp = cellspace[stack[s]].next;
    cellspace[stack[s]].next = freelist;
    freelist = stack[s];
    stack[s] = temp;
  }
  return temp1;
}

static void Move(int s1, int s2) {
  Push(Pop(s1), s2);
  movesdone = movesdone + 1;
}

static void tower(int i, int j, int k) {
  if (k == 1)
    Move(i, j);
  else {
    int other = 6 - i - j;
    tower(i, other, k - 1);
    Move(i, j);
    tower(other, j, k - 1);
  }
}

int Towers(int n) {
  for (int i = 1; i <= maxcells; i++) cellspace[i].next = i - 1;
  freelist = maxcells;
  Init(1, n);
  Init(2, 0);
  Init(3, 0);
  movesdone = 0;
  tower(1, 2, n);
  return movesdone;
}

/* ---- Queens ---- */
static void Try(int i, int *q, int a[], int b[], int c[], int x[]) {
  int j = 0;
  *q = 0;
  while (!*q && j != 8) {
    j = j + 1;
    *q = 0;
    if (b[j] && a[i + j] && c[i - j + 7]) {
      x[i] = j;
      b[j] = 0;
      a[i + j] = 0;
      c[i - j + 7] = 0;
      if (i < 8) {
        Try(i + 1, q, a, b, c, x);
        if (!*q) {
          b[j] = 1;
          a[i + j] = 1;
          c[i - j + 7] = 1;
        }
      } else
        *q = 1;
    }
  }
}

/* a, b, c, x: 17, 9, 15, 9 ints (Stanford's 1-based bounds) */
int Doit(int *a, int *b, int *c, int *x) {
  int q;
  for (int i = -7; i <= 16; i++) {
    if (i >= 1 && i <= 8) b[i] = 1;
    if (i >= 2) a[i] = 1;
    if (i <= 7) c[i + 7] = 1;
  }
  Try(1, &q, a, b, c, x);
  return q;
}

/* ---- Intmm / Mm ---- */
#define rowsize 6
void Innerproduct(int *result, int (*a)[rowsize + 1], int (*b)[rowsize + 1], int row, int column) {
  *result = 0;
  for (int i = 1; i <= rowsize; i++) *result = *result + a[row][i] * b[i][column];
}

void Intmm_rows(int (*ima)[rowsize + 1], int (*imb)[rowsize + 1], int (*imr)[rowsize + 1], int r0, int r1) {
  for (int i = r0; i <= r1; i++)
    for (int j = 1; j <= rowsize; j++) Innerproduct(&imr[i][j], ima, imb, i, j);
}

float Mm_cell(float (*a)[rowsize + 1], float (*b)[rowsize + 1], int row, int column) {
  float r = 0.0f;
  for (int i = 1; i <= rowsize; i++) r = r + a[row][i] * b[i][column];
  return r;
}

/* ---- Puzzle (reduced: 3 x 3 x 3 box, 6 piece types) ---- */
#define d 4
#define size (d * d * d - 1)
#define classmax 3
#define typemax 6
int piececount[classmax + 1], class_[typemax + 1], piecemax[typemax + 1];
int puzzl[size + 1], p[typemax + 1][size + 1], kount;

static int Fit(int i, int j) {
  for (int k = 0; k <= piecemax[i]; k++)
    if (p[i][k] && puzzl[j + k]) return 0;
  return 1;
}

static int Place(int i, int j) {
  for (int k = 0; k <= piecemax[i]; k++)
    if (p[i][k]) puzzl[j + k] = 1;
  piececount[class_[i]] = piececount[class_[i]] - 1;
  for (int k = j; k <= size; k++)
    if (!puzzl[k]) return k;
  return 0;
}

static void Remove(int i, int j) {
  for (int k = 0; k <= piecemax[i]; k++)
    if (p[i][k]) puzzl[j + k] = 0;
  piececount[class_[i]] = piececount[class_[i]] + 1;
}

static int Trial(int j) {
  kount = kount + 1;
  for (int i = 0; i <= typemax; i++)
    if (piececount[class_[i]] != 0 && Fit(i, j)) {
      int k = Place(i, j);
      if (Trial(k) || k == 0) return 1;
      Remove(i, j);
    }
  return 0;
}

int Puzzle(int start) {
  for (int m = 0; m <= size; m++) puzzl[m] = 1;
  for (int i = 1; i <= 3; i++)
    for (int j = 1; j <= 3; j++)
      for (int k = 1; k <= 3; k++) puzzl[i + d * (j + d * k)] = 0;
  for (int i = 0; i <= typemax; i++)
    for (int m = 0; m <= size; m++) p[i][m] = 0;
  /* pieces: 1x1x3 along each axis (class 0), 1x1x1 (class 1), 2x1x1 along x and y (class 2) */
  for (int t = 0; t < 3; t++) {
    for (int k = 0; k < 3; k++) p[t][t == 0 ? k : t == 1 ? d * k : d * d * k] = 1;
    class_[t] = 0;
    piecemax[t] = t == 0 ? 2 : t == 1 ? 2 * d : 2 * d * d;
  }
  p[3][0] = 1, class_[3] = 1, piecemax[3] = 0;
  p[4][0] = p[4][1] = 1, class_[4] = 2, piecemax[4] = 1;
  p[5][0] = p[5][d] = 1, class_[5] = 2, piecemax[5] = d;
  p[6][0] = p[6][d * d] = 1, class_[6] = 2, piecemax[6] = d * d;
  piececount[0] = 7, piececount[1] = 2, piececount[2] = 2, piececount[3] = 0;
  kount = 0;
  int m = start;
  int n = Fit(0, m) ? Place(0, m) : 0;
  return Trial(n) ? kount : -kount;
}

/* ---- Bubble on a global list ---- */
#define srtelements 40
int sortlist[srtelements + 1];
int bubble_sort(int seed) {
  for (int i = 1; i <= srtelements; i++) {
    seed = (seed * 1309 + 13849) & 65535;
    sortlist[i] = seed - 32768;
  }
  int top = srtelements;
  while (top > 1) {
    int i = 1;
    while (i < top) {
      if (sortlist[i] > sortlist[i + 1]) {
        int j = sortlist[i];
        sortlist[i] = sortlist[i + 1];
        sortlist[i + 1] = j;
      }
      i = i + 1;
    }
    top = top - 1;
  }
  return sortlist[1] + sortlist[srtelements];
}

/* ---- Quick on a parameter array, inclusive bounds ---- */
void Quicksort(int a[], int l, int r) {
  int i = l, j = r;
  int x = a[(l + r) / 2];
  do {
    while (a[i] < x) i = i + 1;
    while (x < a[j]) j = j - 1;
    if (i <= j) {
      int w = a[i];
      a[i] = a[j];
      a[j] = w;
      i = i + 1;
      j = j - 1;
    }
  } while (i <= j);
  if (l < j) Quicksort(a, l, j);
  if (i < r) Quicksort(a, i, r);
}

/* ---- Trees ---- */
struct tnode {
  struct tnode *left, *right;
  int val;
};
static void tInsert(int n, struct tnode *t) {
  if (n > t->val) {
    if (t->left == NULL) {
      t->left = calloc(1, sizeof *t);
      t->left->val = n;
    } else
      tInsert(n, t->left);
  } else if (n < t->val) {
    if (t->right == NULL) {
      t->right = calloc(1, sizeof *t);
      t->right->val = n;
    } else
      tInsert(n, t->right);
  }
}
static int Checktree(struct tnode *p_) {
  int result = 1;
  if (p_->left != NULL) {
    if (p_->left->val <= p_->val)
      result = 0;
    else
      result = Checktree(p_->left) && result;
  }
  if (p_->right != NULL) {
    if (p_->right->val >= p_->val)
      result = 0;
    else
      result = Checktree(p_->right) && result;
  }
  return result;
}
int tree_build_check(const int *keys, int n, int *depth_out) {
  struct tnode *root = calloc(1, sizeof *root);
  root->val = keys[0];
  for (int i = 1; i < n; i++) tInsert(keys[i], root);
  int ok = Checktree(root);
  int depth = 0;
  for (struct tnode *t = root; t; t = t->left) depth++;
  *depth_out = depth;
  return ok;
}

/* ---- Olden em3d ---- */
typedef struct node_t {
  double *value;
  int from_count;
  double **from_values;
  double *coeffs;
} node_t;

void compute_nodes(node_t *nodes, int lo, int hi) {
  for (int k = lo; k < hi; k++) {
    node_t *n = &nodes[k];
    double cur = *n->value;
    for (int i = 0; i < n->from_count; i++) cur -= n->coeffs[i] * *n->from_values[i];
    *n->value = cur;
  }
}

/* the same with the values as a flat array and the neighbour lists as indices */
void compute_flat(double *e_values, const double *h_values, const int *from, const double *coeff,
                  int degree, int lo, int hi) {
  for (int k = lo; k < hi; k++)
    for (int i = 0; i < degree; i++) e_values[k] -= coeff[k * degree + i] * h_values[from[k * degree + i]];
}

/* ---- Olden bisort over an implicit tree (heap order in an array) ---- */
static void swap_val(int *v, int a, int b) {
  int t = v[a];
  v[a] = v[b];
  v[b] = t;
}
/* bitonic merge of the leaves [lo, lo + n) in v, direction dir */
void bimerge(int *v, int lo, int n, int dir) {
  if (n <= 1) return;
  int h = n / 2;
  for (int i = lo; i < lo + h; i++)
    if ((v[i] > v[i + h]) == dir) swap_val(v, i, i + h);
  bimerge(v, lo, h, dir);
  bimerge(v, lo + h, h, dir);
}
void bisort(int *v, int lo, int n, int dir) {
  if (n <= 1) return;
  int h = n / 2;
#pragma dosc task
  bisort(v, lo, h, 1);
#pragma dosc task
  bisort(v, lo + h, h, 0);
#pragma dosc taskwait
  bimerge(v, lo, n, dir);
}

/* ---- Olden treeadd over an array tree: left = 2i + 1, right = 2i + 2 ---- */
int tree_add(const int *val, int n, int i) {
  if (i >= n) return 0;
  return val[i] + tree_add(val, n, 2 * i + 1) + tree_add(val, n, 2 * i + 2);
}

int main(void) {
  long checksum = 0;

  Initialize();
  pctr = 0;
#pragma dosc task
  Permute(5);
#pragma dosc taskwait
  checksum += pctr;
  for (int i = 1; i <= 7; i++) checksum += permarray[i] * i;

  int moves;
#pragma dosc task
  moves = Towers(8);
#pragma dosc taskwait
  checksum += moves + stack[2] + freelist;

  int qa[17], qb[9], qc[15], qx[9] = {0}, qok;
#pragma dosc task
  qok = Doit(qa, qb, qc, qx);
#pragma dosc taskwait
  checksum += qok;
  for (int i = 1; i <= 8; i++) checksum += qx[i] * i;

  int (*ima)[rowsize + 1] = calloc(rowsize + 1, sizeof *ima);
  int (*imb)[rowsize + 1] = calloc(rowsize + 1, sizeof *imb);
  int (*imr)[rowsize + 1] = calloc(rowsize + 1, sizeof *imr);
  float (*rma)[rowsize + 1] = calloc(rowsize + 1, sizeof *rma);
  float (*rmb)[rowsize + 1] = calloc(rowsize + 1, sizeof *rmb);
  for (int i = 1; i <= rowsize; i++)
    for (int j = 1; j <= rowsize; j++) {
      ima[i][j] = (i * 5 + j * 3) % 120 - 60;
      imb[i][j] = (i * 7 + j) % 120 - 60;
      rma[i][j] = (float)(((i * 5 + j * 3) % 120 - 60) / 3.0);
      rmb[i][j] = (float)(((i * 7 + j) % 120 - 60) / 3.0);
    }
#pragma dosc task
  Intmm_rows(ima, imb, imr, 1, 2);
#pragma dosc task
  Intmm_rows(ima, imb, imr, 3, rowsize);
#pragma dosc taskwait
  float rmr[rowsize + 1][rowsize + 1];
  for (int i = 1; i <= rowsize; i++)
    for (int j = 1; j <= rowsize; j++) {
#pragma dosc task
      rmr[i][j] = Mm_cell(rma, rmb, i, j);
    }
#pragma dosc taskwait
  for (int i = 1; i <= rowsize; i++)
    for (int j = 1; j <= rowsize; j++) checksum += imr[i][j] * (i + j) + (long)(rmr[i][j] * 4);

  int pz;
#pragma dosc task
  pz = Puzzle(1 + d * (1 + d * 1));
#pragma dosc taskwait
  checksum += pz;
  for (int m = 0; m <= size; m++) checksum += puzzl[m] * m;

  int bs;
#pragma dosc task
  bs = bubble_sort(74755);
#pragma dosc taskwait
  checksum += bs;
  for (int i = 1; i <= srtelements; i += 3) checksum += sortlist[i] % 1000;

  int qs[50];
  for (int i = 0; i < 50; i++) qs[i] = (i * 7919) % 101 - 50;
#pragma dosc task
  Quicksort(qs, 0, 24);
#pragma dosc task
  Quicksort(qs, 25, 49);
#pragma dosc taskwait
#pragma dosc task
  Quicksort(qs, 10, 39);
#pragma dosc taskwait
  for (int i = 0; i < 50; i++) checksum += qs[i] * (i % 9);

  int keys[30], depth, tok;
  for (int i = 0; i < 30; i++) keys[i] = (i * 37 + 11) % 53;
#pragma dosc task
  tok = tree_build_check(keys, 30, &depth);
#pragma dosc taskwait
  checksum += tok * 100 + depth;

  /* em3d: 12 e-nodes and 12 h-nodes, degree 3, two steps, blocks of 5, 4, 3 */
  enum { NN = 12, DEG = 3 };
  double evals[NN], hvals[NN], coeff[NN * DEG];
  int from[NN * DEG];
  node_t enodes[NN], hnodes[NN];
  double *efrom[NN * DEG], *hfrom[NN * DEG];
  for (int k = 0; k < NN; k++) {
    evals[k] = 1.0 + k * 0.1;
    hvals[k] = 2.0 - k * 0.05;
    for (int i = 0; i < DEG; i++) {
      from[k * DEG + i] = (k * 5 + i * 7) % NN;
      coeff[k * DEG + i] = 0.01 * (1 + (k + i) % 4);
      efrom[k * DEG + i] = &hvals[from[k * DEG + i]];
      hfrom[k * DEG + i] = &evals[(k * 3 + i * 5) % NN];
    }
    enodes[k] = (node_t){&evals[k], DEG, &efrom[k * DEG], &coeff[k * DEG]};
    hnodes[k] = (node_t){&hvals[k], DEG, &hfrom[k * DEG], &coeff[k * DEG]};
  }
  int cut[4] = {0, 5, 9, NN};
  for (int step = 0; step < 2; step++) {
    for (int b = 0; b < 3; b++) {
#pragma dosc task
      compute_nodes(enodes, cut[b], cut[b + 1]);
    }
#pragma dosc taskwait
    for (int b = 0; b < 3; b++) {
#pragma dosc task
      compute_nodes(hnodes, cut[b], cut[b + 1]);
    }
#pragma dosc taskwait
  }
  double fe[NN], fh[NN];
  for (int k = 0; k < NN; k++) fe[k] = 1.0 + k * 0.1, fh[k] = 2.0 - k * 0.05;
  for (int b = 0; b < 3; b++) {
#pragma dosc task
    compute_flat(fe, fh, from, coeff, DEG, cut[b], cut[b + 1]);
  }
#pragma dosc taskwait
  double fsum = 0;
  for (int k = 0; k < NN; k++) fsum += evals[k] * (k + 1) + hvals[k] * 0.5 + fe[k];
  checksum += (long)(fsum * 1000);

  int bv[32];
  for (int i = 0; i < 32; i++) bv[i] = (i * 13 + 5) % 32;
#pragma dosc task
  bisort(bv, 0, 32, 1);
#pragma dosc taskwait
  for (int i = 0; i < 32; i++) checksum += bv[i] * (i + 1);

  int tv[40], tsum[3];
  for (int i = 0; i < 40; i++) tv[i] = i % 6 + 1;
#pragma dosc task
  tsum[0] = tree_add(tv, 40, 1);
#pragma dosc task
  tsum[1] = tree_add(tv, 40, 2);
#pragma dosc task
  tsum[2] = tree_add(tv, 40, 0);
#pragma dosc taskwait
  checksum += tsum[0] * 3 + tsum[1] * 5 + tsum[2];

  printf("checksum %ld\n", checksum);
  return 0;
}
