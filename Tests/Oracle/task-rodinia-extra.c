/* Rodinia kernels with conditional neighbours and tree walks, as tasks:
   - hotspot3D: w = (x == 0) ? c : c - 1, n = (y == 0) ? c : c - nx, b = (z == 0) ? c : c - nx * ny
     and their mirrors, a task per z slab;
   - b+tree (kernel_cpu's findK): a walk down an array of knode structures (keys[], indices[]),
     offset[bid] and currKnode[bid] of a query block, the answer from recordsD;
   - streamcluster: dist() between Points whose coordinates are a pointer field, pgain's
     per-point cost switch over a block. */
#include <stdio.h>
#include <stdlib.h>

void hotspot3d_slabs(float *pIn, float *tIn, float *tOut, int nx, int ny, int nz, float ce, float cw, float cn, float cs,
                     float ct, float cb, float cc, float stepDivCap, float amb_temp, int lo, int hi) {
  int c, w, e, n, s, b, t, x, y, z;
  for (z = lo; z < hi; z++)
    for (y = 0; y < ny; y++)
      for (x = 0; x < nx; x++) {
        c = x + y * nx + z * nx * ny;
        w = (x == 0) ? c : c - 1;
        e = (x == nx - 1) ? c : c + 1;
        n = (y == 0) ? c : c - nx;
        s = (y == ny - 1) ? c : c + nx;
        b = (z == 0) ? c : c - nx * ny;
        t = (z == nz - 1) ? c : c + nx * ny;
        tOut[c] = tIn[c] * cc + tIn[n] * cn + tIn[s] * cs + tIn[e] * ce + tIn[w] * cw + tIn[t] * ct + tIn[b] * cb +
                  (stepDivCap)*pIn[c] + ct * amb_temp;
      }
}

#define ORDER 4
typedef struct knode {
  int location;
  int indices[ORDER + 1];
  int keys[ORDER + 1];
  int is_leaf;
  int num_keys;
} knode;
typedef struct record {
  int value;
} record;

void bptree_findK(int height, knode *knodes, long knodes_elem, record *records, long *currKnode, long *offset, int *keys,
                  record *ans, int lo, int hi) {
  int thid, bid, i;
  for (bid = lo; bid < hi; bid++) {
    for (i = 0; i < height; i++) {
      for (thid = 0; thid < ORDER; thid++) {
        if ((knodes[currKnode[bid]].keys[thid]) <= keys[bid] && (knodes[currKnode[bid]].keys[thid + 1]) > keys[bid]) {
          if (knodes[offset[bid]].indices[thid] < knodes_elem) offset[bid] = knodes[offset[bid]].indices[thid];
        }
      }
      currKnode[bid] = offset[bid];
    }
    for (thid = 0; thid < ORDER; thid++)
      if (knodes[currKnode[bid]].keys[thid] == keys[bid]) ans[bid].value = records[knodes[currKnode[bid]].indices[thid]].value;
  }
}

typedef struct {
  float weight;
  float *coord;
  long assign;
  float cost;
} Point;

static float dist(Point p1, Point p2, int dim) {
  float result = 0.0;
  for (int i = 0; i < dim; i++) result += (p1.coord[i] - p2.coord[i]) * (p1.coord[i] - p2.coord[i]);
  return result;
}

/* pgain's gain of opening facility x for points [lo, hi): the points that would switch. */
void pgain_block(Point *p, int dim, long x, int *switch_membership, float *lower, int lo, int hi) {
  for (int i = lo; i < hi; i++) {
    float x_cost = dist(p[i], p[x], dim) * p[i].weight;
    float current_cost = p[i].cost;
    if (x_cost < current_cost) {
      switch_membership[i] = 1;
      lower[i] = x_cost - current_cost;
    } else {
      switch_membership[i] = 0;
      lower[i] = 0;
    }
  }
}

int main(void) {
  double check = 0;
  {
    int nx = 4, ny = 3, nz = 5, size = nx * ny * nz;
    float *pIn = malloc(sizeof(float) * size), *tIn = malloc(sizeof(float) * size), *tOut = malloc(sizeof(float) * size);
    for (int i = 0; i < size; i++) pIn[i] = 0.5f + (i % 7) * 0.1f, tIn[i] = 320.0f + (i % 5);
    for (int it = 0; it < 2; it++) {
      for (int lo = 0; lo < nz; lo += 2) {
#pragma dosc task
        hotspot3d_slabs(pIn, tIn, tOut, nx, ny, nz, 0.1f, 0.1f, 0.12f, 0.12f, 0.05f, 0.05f, 0.46f, 0.01f, 80.0f, lo,
                        lo + 2 < nz ? lo + 2 : nz);
      }
#pragma dosc taskwait
      float *tmp = tIn;
      tIn = tOut, tOut = tmp;
    }
    for (int i = 0; i < size; i++) check += tIn[i] * (i % 13 + 1);
    free(pIn), free(tIn), free(tOut);
  }
  {
    /* a two-level tree: root 0 over leaves 1..3, keys 0..11 */
    knode knodes[4];
    record records[12];
    for (int r = 0; r < 12; r++) records[r].value = 100 + r * 3;
    knodes[0].location = 0, knodes[0].is_leaf = 0, knodes[0].num_keys = 3;
    int rootkeys[ORDER + 1] = {0, 4, 8, 12, 1000}, rootidx[ORDER + 1] = {1, 2, 3, 99, 99};
    for (int k = 0; k <= ORDER; k++) knodes[0].keys[k] = rootkeys[k], knodes[0].indices[k] = rootidx[k];
    for (int l = 1; l < 4; l++) {
      knodes[l].location = l, knodes[l].is_leaf = 1, knodes[l].num_keys = 4;
      for (int k = 0; k <= ORDER; k++) knodes[l].keys[k] = k < ORDER ? 4 * (l - 1) + k : 1000, knodes[l].indices[k] = k < ORDER ? 4 * (l - 1) + k : 0;
    }
    enum { queries = 6 };
    long currKnode[queries] = {0}, offset[queries] = {0};
    int keys[queries] = {3, 7, 0, 11, 5, 9};
    record ans[queries];
    for (int q = 0; q < queries; q++) ans[q].value = -1;
    for (int lo = 0; lo < queries; lo += 3) {
#pragma dosc task
      bptree_findK(1, knodes, 4, records, currKnode, offset, keys, ans, lo, lo + 3);
    }
#pragma dosc taskwait
    for (int q = 0; q < queries; q++) check += ans[q].value * (q + 1) + currKnode[q];
  }
  {
    enum { npts = 8, dim = 3 };
    float coords[npts * dim], lower[npts];
    int switch_membership[npts];
    Point p[npts];
    for (int i = 0; i < npts; i++) {
      p[i].weight = 1.0f + (i % 2), p[i].coord = &coords[i * dim], p[i].assign = 0, p[i].cost = 2.0f + i * 0.5f;
      for (int d = 0; d < dim; d++) coords[i * dim + d] = (float)((i * 3 + d) % 5);
    }
    for (int lo = 0; lo < npts; lo += 4) {
#pragma dosc task
      pgain_block(p, dim, 5, switch_membership, lower, lo, lo + 4);
    }
#pragma dosc taskwait
    for (int i = 0; i < npts; i++) check += switch_membership[i] * (i + 1) + lower[i];
  }
  printf("checksum %.4f\n", check);
  return 0;
}
