/* MachSuite's irregular kernels as tasks, written for dosc in the suite's own shapes (read from
   breagen/MachSuite; not copied), a task per row block, atom block, graph, array or text block:
   - spmv/crs: rowDelimiters[i] .. rowDelimiters[i + 1] over val[j] * vec[cols[j]];
     spmv/ellpack: nzval[j + i * L] * vec[cols[j + i * L]];
   - md/knn: struct-of-arrays positions read through a neighbour list NL[i * maxNeighbors + j];
   - bfs/bulk: level[n] == horizon sweeps over nodes[n].edge_begin .. edge_end, a `break` out of
     the horizon loop on an empty level; bfs/queue: its Q_PUSH/Q_PEEK/Q_POP macros over a
     local ring `queue[q_in == 0 ? N_NODES - 1 : q_in - 1]`;
   - sort/radix: ss_sort's helpers (init, hist with `((a[i] >> exp) & 0x3) * NUMOFBLOCKS`, the
     scans, update's `b[bucket[k]] = a[i]`) swapping a and b by a flag, a task per array;
     sort/merge: merge's reversed copy `temp[m + 1 + stop - j]` (temp given, not the suite's
     global), a task per pair of runs at each width;
   - kmp: CPF's `while (k > 0 && pattern[k] != pattern[q]) k = kmpNext[q]` and the matcher, a
     count returned per text block;
   - aes: a context struct of three 32-byte keys, `while (i--) buf[i] ^= key[i]`, comma
     expressions in loop bodies, `ctx->enckey[i] = ctx->deckey[i] = k[i]`, `for (i = 8; --i;)`,
     the const global S-box, a task per 16-byte block with a context of its own. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- spmv ---- */
void spmv_crs(const double *val, const int *cols, const int *rowDelimiters, const double *vec,
              double *out, int r0, int r1) {
  int i, j;
  double sum, Si;
  for (i = r0; i < r1; i++) {
    sum = 0;
    Si = 0;
    int tmp_begin = rowDelimiters[i];
    int tmp_end = rowDelimiters[i + 1];
    for (j = tmp_begin; j < tmp_end; j++) {
      Si = val[j] * vec[cols[j]];
      sum = sum + Si;
    }
    out[i] = sum;
  }
}
void spmv_ellpack(const double *nzval, const int *cols, const double *vec, double *out, int L,
                  int r0, int r1) {
  int i, j;
  double Si;
  for (i = r0; i < r1; i++) {
    double sum = out[i];
    for (j = 0; j < L; j++) {
      Si = nzval[j + i * L] * vec[cols[j + i * L]];
      sum += Si;
    }
    out[i] = sum;
  }
}

/* ---- md/knn ---- */
#define maxNeighbors 4
void md_knn(double *d_force_x, double *d_force_y, double *d_force_z, const double *position_x,
            const double *position_y, const double *position_z, const int *NL, int lo, int hi) {
  double delx, dely, delz, r2inv, r6inv, potential, force, i_x, i_y, i_z, fx, fy, fz;
  int i, j, jidx;
  for (i = lo; i < hi; i++) {
    i_x = position_x[i];
    i_y = position_y[i];
    i_z = position_z[i];
    fx = fy = fz = 0;
    for (j = 0; j < maxNeighbors; j++) {
      jidx = NL[i * maxNeighbors + j];
      delx = i_x - position_x[jidx];
      dely = i_y - position_y[jidx];
      delz = i_z - position_z[jidx];
      r2inv = 1.0 / (delx * delx + dely * dely + delz * delz);
      r6inv = r2inv * r2inv * r2inv;
      potential = r6inv * (1.5 * r6inv - 2.0);
      force = r2inv * potential;
      fx += delx * force;
      fy += dely * force;
      fz += delz * force;
    }
    d_force_x[i] = fx;
    d_force_y[i] = fy;
    d_force_z[i] = fz;
  }
}

/* ---- bfs ---- */
typedef struct {
  int edge_begin, edge_end;
} node_t;
typedef struct {
  int dst;
} edge_t;
#define MAX_LEVEL 127
void bfs_bulk(const node_t *nodes, const edge_t *edges, int starting_node, signed char *level,
              int *level_counts, int n_nodes, int n_levels) {
  int n, e, horizon, cnt;
  level[starting_node] = 0;
  level_counts[0] = 1;
  for (horizon = 0; horizon < n_levels - 1; horizon++) {
    cnt = 0;
    for (n = 0; n < n_nodes; n++) {
      if (level[n] == horizon) {
        int tmp_begin = nodes[n].edge_begin, tmp_end = nodes[n].edge_end;
        for (e = tmp_begin; e < tmp_end; e++) {
          int tmp_dst = edges[e].dst;
          if (level[tmp_dst] == MAX_LEVEL) {
            level[tmp_dst] = (signed char)(horizon + 1);
            ++cnt;
          }
        }
      }
    }
    if ((level_counts[horizon + 1] = cnt) == 0) break;
  }
}
#define N_NODES 16
#define Q_PUSH(node)                                  \
  {                                                   \
    queue[q_in == 0 ? N_NODES - 1 : q_in - 1] = node; \
    q_in = (q_in + 1) % N_NODES;                      \
  }
#define Q_PEEK() (queue[q_out])
#define Q_POP() \
  { q_out = (q_out + 1) % N_NODES; }
#define Q_EMPTY() (q_in > q_out ? q_in == q_out + 1 : (q_in == 0) && (q_out == N_NODES - 1))
void bfs_queue(const node_t *nodes, const edge_t *edges, int starting_node, signed char *level,
               int *level_counts) {
  int queue[N_NODES];
  int q_in = 1, q_out = 0, dummy, n, e;
  level[starting_node] = 0;
  level_counts[0] = 1;
  Q_PUSH(starting_node);
  for (dummy = 0; dummy < N_NODES; dummy++) {
    if (Q_EMPTY()) break;
    n = Q_PEEK();
    Q_POP();
    int tmp_begin = nodes[n].edge_begin, tmp_end = nodes[n].edge_end;
    for (e = tmp_begin; e < tmp_end; e++) {
      int tmp_dst = edges[e].dst;
      if (level[tmp_dst] == MAX_LEVEL) {
        int tmp_level = level[n] + 1;
        level[tmp_dst] = (signed char)tmp_level;
        ++level_counts[tmp_level];
        Q_PUSH(tmp_dst);
      }
    }
  }
}

/* ---- sort/radix (a 64-element array: 16 blocks of 4) ---- */
#define SR_N 64
#define NUMOFBLOCKS 16
#define ELEMENTSPERBLOCK 4
#define RADIXSIZE 4
#define BUCKETSIZE (NUMOFBLOCKS * RADIXSIZE)
#define SCAN_BLOCK 16
#define SCAN_RADIX (BUCKETSIZE / SCAN_BLOCK)
static void local_scan(int *bucket) {
  for (int radixID = 0; radixID < SCAN_RADIX; radixID++)
    for (int i = 1; i < SCAN_BLOCK; i++) {
      int bucket_indx = radixID * SCAN_BLOCK + i;
      bucket[bucket_indx] += bucket[bucket_indx - 1];
    }
}
static void sum_scan(int *sum, const int *bucket) {
  sum[0] = 0;
  for (int radixID = 1; radixID < SCAN_RADIX; radixID++)
    sum[radixID] = sum[radixID - 1] + bucket[radixID * SCAN_BLOCK - 1];
}
static void last_step_scan(int *bucket, const int *sum) {
  for (int radixID = 0; radixID < SCAN_RADIX; radixID++)
    for (int i = 0; i < SCAN_BLOCK; i++) bucket[radixID * SCAN_BLOCK + i] += sum[radixID];
}
static void init(int *bucket) {
  for (int i = 0; i < BUCKETSIZE; i++) bucket[i] = 0;
}
static void hist(int *bucket, const int *a, int exp) {
  for (int blockID = 0; blockID < NUMOFBLOCKS; blockID++)
    for (int i = 0; i < 4; i++) {
      int a_indx = blockID * ELEMENTSPERBLOCK + i;
      int bucket_indx = ((a[a_indx] >> exp) & 0x3) * NUMOFBLOCKS + blockID + 1;
      if (bucket_indx < BUCKETSIZE) bucket[bucket_indx]++;
    }
}
static void update(int *b, int *bucket, const int *a, int exp) {
  for (int blockID = 0; blockID < NUMOFBLOCKS; blockID++)
    for (int i = 0; i < 4; i++) {
      int bucket_indx = ((a[blockID * ELEMENTSPERBLOCK + i] >> exp) & 0x3) * NUMOFBLOCKS + blockID;
      b[bucket[bucket_indx]] = a[blockID * ELEMENTSPERBLOCK + i];
      bucket[bucket_indx]++;
    }
}
void ss_sort(int *a, int *b, int *bucket, int *sum) {
  int exp, flag = 0;
  for (exp = 0; exp < 16; exp += 2) {
    init(bucket);
    if (flag == 0)
      hist(bucket, a, exp);
    else
      hist(bucket, b, exp);
    local_scan(bucket);
    sum_scan(sum, bucket);
    last_step_scan(bucket, sum);
    if (flag == 0) {
      update(b, bucket, a, exp);
      flag = 1;
    } else {
      update(a, bucket, b, exp);
      flag = 0;
    }
  }
}

/* ---- sort/merge ---- */
void merge(int *a, int *temp, int start, int m, int stop) {
  int i, j, k;
  for (i = start; i <= m; i++) temp[i] = a[i];
  for (j = m + 1; j <= stop; j++) temp[m + 1 + stop - j] = a[j];
  i = start;
  j = stop;
  for (k = start; k <= stop; k++) {
    int tmp_j = temp[j];
    int tmp_i = temp[i];
    if (tmp_j < tmp_i) {
      a[k] = tmp_j;
      j--;
    } else {
      a[k] = tmp_i;
      i++;
    }
  }
}

/* ---- kmp ---- */
#define PATTERN_SIZE 4
static void CPF(const char *pattern, int *kmpNext) {
  int k = 0, q;
  kmpNext[0] = 0;
  for (q = 1; q < PATTERN_SIZE; q++) {
    while (k > 0 && pattern[k] != pattern[q]) k = kmpNext[q];
    if (pattern[k] == pattern[q]) k++;
    kmpNext[q] = k;
  }
}
int kmp(const char *pattern, const char *input, int *kmpNext, int string_size) {
  int i, q = 0, outs = 0;
  CPF(pattern, kmpNext);
  for (i = 0; i < string_size; i++) {
    while (q > 0 && pattern[q] != input[i]) q = kmpNext[q];
    if (pattern[q] == input[i]) q++;
    if (q >= PATTERN_SIZE) {
      outs++;
      q = kmpNext[q - 1];
    }
  }
  return outs;
}

/* ---- aes ---- */
typedef struct {
  uint8_t key[32];
  uint8_t enckey[32];
  uint8_t deckey[32];
} aes256_context;
#define F(x) (((x) << 1) ^ ((((x) >> 7) & 1) * 0x1b))
static const uint8_t sbox[256] = {
    0x63, 0x7c, 0x77, 0x7b, 0xf2, 0x6b, 0x6f, 0xc5, 0x30, 0x01, 0x67, 0x2b, 0xfe, 0xd7, 0xab, 0x76, 0xca, 0x82, 0xc9,
    0x7d, 0xfa, 0x59, 0x47, 0xf0, 0xad, 0xd4, 0xa2, 0xaf, 0x9c, 0xa4, 0x72, 0xc0, 0xb7, 0xfd, 0x93, 0x26, 0x36, 0x3f,
    0xf7, 0xcc, 0x34, 0xa5, 0xe5, 0xf1, 0x71, 0xd8, 0x31, 0x15, 0x04, 0xc7, 0x23, 0xc3, 0x18, 0x96, 0x05, 0x9a, 0x07,
    0x12, 0x80, 0xe2, 0xeb, 0x27, 0xb2, 0x75, 0x09, 0x83, 0x2c, 0x1a, 0x1b, 0x6e, 0x5a, 0xa0, 0x52, 0x3b, 0xd6, 0xb3,
    0x29, 0xe3, 0x2f, 0x84, 0x53, 0xd1, 0x00, 0xed, 0x20, 0xfc, 0xb1, 0x5b, 0x6a, 0xcb, 0xbe, 0x39, 0x4a, 0x4c, 0x58,
    0xcf, 0xd0, 0xef, 0xaa, 0xfb, 0x43, 0x4d, 0x33, 0x85, 0x45, 0xf9, 0x02, 0x7f, 0x50, 0x3c, 0x9f, 0xa8, 0x51, 0xa3,
    0x40, 0x8f, 0x92, 0x9d, 0x38, 0xf5, 0xbc, 0xb6, 0xda, 0x21, 0x10, 0xff, 0xf3, 0xd2, 0xcd, 0x0c, 0x13, 0xec, 0x5f,
    0x97, 0x44, 0x17, 0xc4, 0xa7, 0x7e, 0x3d, 0x64, 0x5d, 0x19, 0x73, 0x60, 0x81, 0x4f, 0xdc, 0x22, 0x2a, 0x90, 0x88,
    0x46, 0xee, 0xb8, 0x14, 0xde, 0x5e, 0x0b, 0xdb, 0xe0, 0x32, 0x3a, 0x0a, 0x49, 0x06, 0x24, 0x5c, 0xc2, 0xd3, 0xac,
    0x62, 0x91, 0x95, 0xe4, 0x79, 0xe7, 0xc8, 0x37, 0x6d, 0x8d, 0xd5, 0x4e, 0xa9, 0x6c, 0x56, 0xf4, 0xea, 0x65, 0x7a,
    0xae, 0x08, 0xba, 0x78, 0x25, 0x2e, 0x1c, 0xa6, 0xb4, 0xc6, 0xe8, 0xdd, 0x74, 0x1f, 0x4b, 0xbd, 0x8b, 0x8a, 0x70,
    0x3e, 0xb5, 0x66, 0x48, 0x03, 0xf6, 0x0e, 0x61, 0x35, 0x57, 0xb9, 0x86, 0xc1, 0x1d, 0x9e, 0xe1, 0xf8, 0x98, 0x11,
    0x69, 0xd9, 0x8e, 0x94, 0x9b, 0x1e, 0x87, 0xe9, 0xce, 0x55, 0x28, 0xdf, 0x8c, 0xa1, 0x89, 0x0d, 0xbf, 0xe6, 0x42,
    0x68, 0x41, 0x99, 0x2d, 0x0f, 0xb0, 0x54, 0xbb, 0x16};
#define rj_sbox(x) sbox[(x)]
static uint8_t rj_xtime(uint8_t x) { return (x & 0x80) ? ((x << 1) ^ 0x1b) : (x << 1); }
static void aes_subBytes(uint8_t *buf) {
  uint8_t i = 16;
  while (i--) buf[i] = rj_sbox(buf[i]);
}
static void aes_addRoundKey(uint8_t *buf, const uint8_t *key) {
  uint8_t i = 16;
  while (i--) buf[i] ^= key[i];
}
static void aes_addRoundKey_cpy(uint8_t *buf, const uint8_t *key, uint8_t *cpk) {
  uint8_t i = 16;
  while (i--) buf[i] ^= (cpk[i] = key[i]), cpk[16 + i] = key[16 + i];
}
static void aes_shiftRows(uint8_t *buf) {
  uint8_t i, j;
  i = buf[1], buf[1] = buf[5], buf[5] = buf[9], buf[9] = buf[13], buf[13] = i;
  i = buf[10], buf[10] = buf[2], buf[2] = i;
  j = buf[3], buf[3] = buf[15], buf[15] = buf[11], buf[11] = buf[7], buf[7] = j;
  j = buf[14], buf[14] = buf[6], buf[6] = j;
}
static void aes_mixColumns(uint8_t *buf) {
  uint8_t i, a, b, c, d, e;
  for (i = 0; i < 16; i += 4) {
    a = buf[i], b = buf[i + 1], c = buf[i + 2], d = buf[i + 3];
    e = a ^ b ^ c ^ d;
    buf[i] ^= e ^ rj_xtime(a ^ b), buf[i + 1] ^= e ^ rj_xtime(b ^ c);
    buf[i + 2] ^= e ^ rj_xtime(c ^ d), buf[i + 3] ^= e ^ rj_xtime(d ^ a);
  }
}
static void aes_expandEncKey(uint8_t *k, uint8_t *rc) {
  uint8_t i;
  k[0] ^= rj_sbox(k[29]) ^ (*rc);
  k[1] ^= rj_sbox(k[30]);
  k[2] ^= rj_sbox(k[31]);
  k[3] ^= rj_sbox(k[28]);
  *rc = F(*rc);
  for (i = 4; i < 16; i += 4) k[i] ^= k[i - 4], k[i + 1] ^= k[i - 3], k[i + 2] ^= k[i - 2], k[i + 3] ^= k[i - 1];
  k[16] ^= rj_sbox(k[12]);
  k[17] ^= rj_sbox(k[13]);
  k[18] ^= rj_sbox(k[14]);
  k[19] ^= rj_sbox(k[15]);
  for (i = 20; i < 32; i += 4) k[i] ^= k[i - 4], k[i + 1] ^= k[i - 3], k[i + 2] ^= k[i - 2], k[i + 3] ^= k[i - 1];
}
void aes256_encrypt_ecb(aes256_context *ctx, const uint8_t *k, uint8_t *buf) {
  uint8_t rcon = 1, i;
  for (i = 0; i < sizeof(ctx->key); i++) ctx->enckey[i] = ctx->deckey[i] = k[i];
  for (i = 8; --i;) aes_expandEncKey(ctx->deckey, &rcon);
  aes_addRoundKey_cpy(buf, ctx->enckey, ctx->key);
  for (i = 1, rcon = 1; i < 14; ++i) {
    aes_subBytes(buf);
    aes_shiftRows(buf);
    aes_mixColumns(buf);
    if (i & 1)
      aes_addRoundKey(buf, &ctx->key[16]);
    else
      aes_expandEncKey(ctx->key, &rcon), aes_addRoundKey(buf, ctx->key);
  }
  aes_subBytes(buf);
  aes_shiftRows(buf);
  aes_expandEncKey(ctx->key, &rcon);
  aes_addRoundKey(buf, ctx->key);
}

int main(void) {
  double checksum = 0;
  /* spmv: 12 rows, 3..5 nonzeros each (CRS); ELLPACK with L = 4 */
  int nrows = 12, L = 4, nnz = 0, rowDel[13];
  int *cols = malloc(sizeof(int) * 60);
  double *val = malloc(sizeof(double) * 60), vec[12], out[12], out2[12];
  rowDel[0] = 0;
  for (int i = 0; i < nrows; i++) {
    for (int k = 0; k < 3 + i % 3; k++) cols[nnz] = (i * 5 + k * 7) % nrows, val[nnz] = (nnz % 9) - 4, nnz++;
    rowDel[i + 1] = nnz;
  }
  for (int i = 0; i < nrows; i++) vec[i] = i * 0.5 - 2, out2[i] = i;
  int *ecols = malloc(sizeof(int) * (size_t)(nrows * L));
  double *nz = malloc(sizeof(double) * (size_t)(nrows * L));
  for (int i = 0; i < nrows * L; i++) ecols[i] = (i * 11) % nrows, nz[i] = (i % 5) - 1.5;
  for (int r = 0; r < nrows; r += 4) {
#pragma dosc task
    spmv_crs(val, cols, rowDel, vec, out, r, r + 4);
#pragma dosc task
    spmv_ellpack(nz, ecols, vec, out2, L, r, r + 4);
  }
#pragma dosc taskwait
  for (int i = 0; i < nrows; i++) checksum += out[i] * (i + 1) + out2[i];

  /* md/knn: 20 atoms, struct of arrays */
  int nAtoms = 20;
  double *px = malloc(sizeof(double) * (size_t)nAtoms), *py = malloc(sizeof(double) * (size_t)nAtoms),
         *pz = malloc(sizeof(double) * (size_t)nAtoms);
  double *fx = calloc((size_t)nAtoms, sizeof(double)), *fy = calloc((size_t)nAtoms, sizeof(double)),
         *fz = calloc((size_t)nAtoms, sizeof(double));
  int *NL = malloc(sizeof(int) * (size_t)(nAtoms * maxNeighbors));
  for (int i = 0; i < nAtoms; i++) px[i] = i * 1.1, py[i] = (i % 4) * 0.9, pz[i] = (i % 3) * 1.3;
  for (int i = 0; i < nAtoms * maxNeighbors; i++) NL[i] = (i / maxNeighbors + 1 + i % maxNeighbors) % nAtoms;
  for (int lo = 0; lo < nAtoms; lo += 5) {
#pragma dosc task
    md_knn(fx, fy, fz, px, py, pz, NL, lo, lo + 5);
  }
#pragma dosc taskwait
  for (int i = 0; i < nAtoms; i++) checksum += fx[i] - 2 * fy[i] + 3 * fz[i];

  /* bfs: a 16-node graph, bulk and queue on separate level arrays */
  node_t nodes[N_NODES];
  edge_t edges[48];
  int ne = 0;
  for (int n = 0; n < N_NODES; n++) {
    nodes[n].edge_begin = ne;
    for (int k = 0; k < 1 + n % 3; k++) edges[ne++].dst = (n * 3 + k * 5 + 1) % N_NODES;
    nodes[n].edge_end = ne;
  }
  signed char level1[N_NODES], level2[N_NODES];
  int counts1[10] = {0}, counts2[10] = {0};
  memset(level1, MAX_LEVEL, sizeof level1);
  memset(level2, MAX_LEVEL, sizeof level2);
#pragma dosc task
  bfs_bulk(nodes, edges, 0, level1, counts1, N_NODES, 10);
#pragma dosc task
  bfs_queue(nodes, edges, 0, level2, counts2);
#pragma dosc taskwait
  for (int n = 0; n < N_NODES; n++) printf("%d/%d ", level1[n], level2[n]);
  for (int h = 0; h < 10; h++) printf("%d:%d ", counts1[h], counts2[h]);
  printf("\n");

  /* sort/radix: 3 arrays, each with its own b, buckets and sums */
  int arrays = 3;
  int *ra = malloc(sizeof(int) * (size_t)(SR_N * arrays)), *rb = malloc(sizeof(int) * (size_t)(SR_N * arrays));
  int *buckets = malloc(sizeof(int) * (size_t)(BUCKETSIZE * arrays)), *sums = malloc(sizeof(int) * (size_t)(SCAN_RADIX * arrays));
  for (int i = 0; i < SR_N * arrays; i++) ra[i] = (i * 7919) % 65536;
  for (int s = 0; s < arrays; s++) {
#pragma dosc task
    ss_sort(ra + s * SR_N, rb + s * SR_N, buckets + s * BUCKETSIZE, sums + s * SCAN_RADIX);
  }
#pragma dosc taskwait
  for (int i = 0; i < SR_N * arrays; i++) checksum += (double)ra[i] * (i % 7);

  /* sort/merge: 40 elements, widths 1, 2, 4, ...: a task per pair of runs */
  int msize = 40;
  int *ma = malloc(sizeof(int) * (size_t)msize), *mt = malloc(sizeof(int) * (size_t)msize);
  for (int i = 0; i < msize; i++) ma[i] = (i * 37 + 11) % 101;
  for (int m = 1; m < msize; m += m) {
    for (int i = 0; i < msize; i += m + m) {
      int from = i, mid = i + m - 1, to = i + m + m - 1;
      if (mid >= msize - 1) continue;
#pragma dosc task
      merge(ma, mt, from, mid, to < msize ? to : msize - 1);
    }
#pragma dosc taskwait
  }
  for (int i = 0; i < msize; i++) printf("%d ", ma[i]);
  printf("\n");

  /* kmp: a 64-byte text in 4 blocks overlapping by PATTERN_SIZE - 1 */
  const char *text = "abababcabcabcababcabcxyzabcabababcabcabcabcababcabcababcabcabcab";
  char pattern[PATTERN_SIZE + 1] = "abca";
  int next[4 * PATTERN_SIZE], found[4];
  for (int b = 0; b < 4; b++) {
    int start = b * 16, len = b < 3 ? 16 + PATTERN_SIZE - 1 : 16;
#pragma dosc task
    found[b] = kmp(pattern, text + start, next + b * PATTERN_SIZE, len);
  }
#pragma dosc taskwait
  printf("kmp: %d %d %d %d\n", found[0], found[1], found[2], found[3]);

  /* aes: 3 blocks, each with its own context */
  aes256_context ctx[3];
  uint8_t key[32], blocks[48];
  for (int i = 0; i < 32; i++) key[i] = (uint8_t)i;
  for (int i = 0; i < 48; i++) blocks[i] = (uint8_t)(i * 17);
  for (int b = 0; b < 3; b++) {
#pragma dosc task
    aes256_encrypt_ecb(&ctx[b], key, blocks + 16 * b);
  }
#pragma dosc taskwait
  for (int i = 0; i < 48; i++) printf("%02x", blocks[i]);
  printf("\nmachsuite irregular: %.6f\n", checksum);
  free(cols), free(val), free(ecols), free(nz), free(px), free(py), free(pz), free(fx), free(fy), free(fz), free(NL);
  free(ra), free(rb), free(buckets), free(sums), free(ma), free(mt);
  return 0;
}
