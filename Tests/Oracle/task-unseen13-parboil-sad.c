/* Parboil's sad (motion estimation of H.264's full search, IMPACT group, University of Illinois;
   Parboil licence, University of Illinois/NCSA open source) as dosc tasks (branch unseen13),
   after Parboil benchmarks/sad (sad.h, sad4.cu's CPU counterpart and largerBlocks.cu; the
   reference's layout of the SAD arrays): the shapes kept, the code written anew.
   - sad4: for each macroblock (16 x 16 pixels) of an unsigned short frame, each of its sixteen
     4 x 4 blocks and each search position pos of a (2R + 1)^2 window (dx = pos %
     SEARCH_DIMENSION - SEARCH_RANGE), the SAD against the reference with the reference's
     coordinates clamped to the image through a macro, stored at blk_sad[(mb * 16 + blk) *
     MAX_POS_PADDED + pos] (rows padded past MAX_POS); a task per row of macroblocks;
   - larger_sads: the 8 x 8 SADs as sums of four 4 x 4 ones (sads of blocks 0, 1, 4, 5 and so on,
     `blk8 = (b / 2) * 8 + (b % 2) * 2`), written into sad8[(mb * 4 + b) * MAX_POS_PADDED + pos],
     then the 16 x 16 ones from the four 8 x 8; a task per block of macroblocks;
   - the best vector of each macroblock, a task per block writing mv[2 * mb] and mv[2 * mb + 1].
   The program prints the motion vectors' checksum and the SAD sums. */
#include <stdio.h>
#include <stdlib.h>

#define SEARCH_RANGE           2
#define SEARCH_DIMENSION       (2 * SEARCH_RANGE + 1)
#define MAX_POS                (SEARCH_DIMENSION * SEARCH_DIMENSION)
#define MAX_POS_PADDED         32
#define CLAMP(v, lo, hi)       ((v) < (lo) ? (lo) : ((v) > (hi) ? (hi) : (v)))
#define PIXEL(img, w, h, x, y) ((img)[CLAMP(y, 0, (h)-1) * (w) + CLAMP(x, 0, (w)-1)])

void sad4_mb_row(unsigned short *blk_sad, const unsigned short *frame, const unsigned short *ref,
                 int mb_width, int mb_y, int image_width, int image_height) {
  for (int mb_x = 0; mb_x < mb_width; mb_x++) {
    int mb = mb_y * mb_width + mb_x;
    for (int blk = 0; blk < 16; blk++) {
      int bx = mb_x * 16 + (blk % 4) * 4, by = mb_y * 16 + (blk / 4) * 4;
      for (int pos = 0; pos < MAX_POS; pos++) {
        int dx = pos % SEARCH_DIMENSION - SEARCH_RANGE, dy = pos / SEARCH_DIMENSION - SEARCH_RANGE;
        unsigned int sad = 0;
        for (int y = 0; y < 4; y++)
          for (int x = 0; x < 4; x++) {
            int f = frame[(by + y) * image_width + bx + x];
            int r = PIXEL(ref, image_width, image_height, bx + x + dx, by + y + dy);
            sad += (unsigned int)(f > r ? f - r : r - f);
          }
        blk_sad[(mb * 16 + blk) * MAX_POS_PADDED + pos] = (unsigned short)sad;
      }
    }
  }
}

void larger_sads(const unsigned short *blk_sad, unsigned short *sad8, unsigned short *sad16,
                 int mb_lo, int mb_hi) {
  for (int mb = mb_lo; mb < mb_hi; mb++) {
    for (int b = 0; b < 4; b++) {
      int blk8 = (b / 2) * 8 + (b % 2) * 2;
      for (int pos = 0; pos < MAX_POS; pos++) {
        const unsigned short *s = blk_sad + (mb * 16 + blk8) * MAX_POS_PADDED + pos;
        sad8[(mb * 4 + b) * MAX_POS_PADDED + pos] =
            s[0] + s[MAX_POS_PADDED] + s[4 * MAX_POS_PADDED] + s[5 * MAX_POS_PADDED];
      }
    }
    for (int pos = 0; pos < MAX_POS; pos++)
      sad16[mb * MAX_POS_PADDED + pos] =
          sad8[(mb * 4) * MAX_POS_PADDED + pos] + sad8[(mb * 4 + 1) * MAX_POS_PADDED + pos] +
          sad8[(mb * 4 + 2) * MAX_POS_PADDED + pos] + sad8[(mb * 4 + 3) * MAX_POS_PADDED + pos];
  }
}

/* The search position of least SAD per macroblock, ties to the first. */
void best_vectors(const unsigned short *sad16, int *mv, int mb_lo, int mb_hi) {
  for (int mb = mb_lo; mb < mb_hi; mb++) {
    int best = 0;
    for (int pos = 1; pos < MAX_POS; pos++)
      if (sad16[mb * MAX_POS_PADDED + pos] < sad16[mb * MAX_POS_PADDED + best]) best = pos;
    mv[2 * mb] = best % SEARCH_DIMENSION - SEARCH_RANGE;
    mv[2 * mb + 1] = best / SEARCH_DIMENSION - SEARCH_RANGE;
  }
}

int main(int argc, char **argv) {
  int mb_width = argc > 1 ? atoi(argv[1]) : 3, mb_height = 2;
  int w = mb_width * 16, h = mb_height * 16, nmb = mb_width * mb_height;
  unsigned short *frame = malloc(sizeof(unsigned short) * w * h),
                 *ref = malloc(sizeof(unsigned short) * w * h);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++) {
      ref[y * w + x] = (unsigned short)((x * 13 + y * 7 + (x * y) % 17) % 256);
      frame[y * w + x] =
          (unsigned short)(((x + 1) * 13 + (y - 1) * 7 + ((x + 1) * (y - 1) + 289) % 17) % 256);
    }
  unsigned short *blk_sad = calloc((size_t)nmb * 16 * MAX_POS_PADDED, sizeof(unsigned short));
  unsigned short *sad8 = calloc((size_t)nmb * 4 * MAX_POS_PADDED, sizeof(unsigned short));
  unsigned short *sad16 = calloc((size_t)nmb * MAX_POS_PADDED, sizeof(unsigned short));
  int *mv = malloc(sizeof(int) * 2 * nmb);
  for (int mb_y = 0; mb_y < mb_height; mb_y++) {
#pragma dosc task
    sad4_mb_row(blk_sad, frame, ref, mb_width, mb_y, w, h);
  }
#pragma dosc taskwait
  for (int b = 0; b < 2; b++) {
#pragma dosc task
    larger_sads(blk_sad, sad8, sad16, b * nmb / 2, (b + 1) * nmb / 2);
  }
#pragma dosc taskwait
  for (int b = 0; b < 2; b++) {
#pragma dosc task
    best_vectors(sad16, mv, b * nmb / 2, (b + 1) * nmb / 2);
  }
#pragma dosc taskwait
  long s4 = 0, s16 = 0, m = 0;
  for (int i = 0; i < nmb * 16 * MAX_POS_PADDED; i++)
    s4 += blk_sad[i] * (i % 3 + 1);
  for (int i = 0; i < nmb * MAX_POS_PADDED; i++)
    s16 += sad16[i];
  for (int i = 0; i < 2 * nmb; i++)
    m += mv[i] * (i + 1);
  printf("sad4 %ld sad16 %ld mv %ld\n", s4, s16, m);
  free(frame);
  free(ref);
  free(blk_sad);
  free(sad8);
  free(sad16);
  free(mv);
  return 0;
}
