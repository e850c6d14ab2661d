/* write_back_test - the twin/diff of src/write_back.c alone: what a serving
 * rank encodes for what a task changed, and what rank 0 stores from it.
 * Every case checks that rank 0 stores exactly the changed elements and
 * leaves the others as it finds them (another thread's values there must
 * survive), and that a malformed encoding stores nothing. Prints
 * "write_back: N checks, 0 failed". */
#include "test_util.h"

#include <stdint.h>
#include <string.h>

#include "write_back.h"

#define BYTES 4096

/* Encodes `now` against `twin`, applies it to `target` (which holds other
 * values where the task did not write) and checks the result. */
static void round_trip(const char *name, const unsigned char *twin, const unsigned char *now,
                       size_t bytes, size_t granule, uint32_t form) {
  dosc_write_back back;
  int no_memory;
  void *encoding = dosc_write_back_encode(now, twin, bytes, granule, &back, &no_memory);
  EXPECT(!no_memory && back.form == form, "%s: form %u, wanted %u", name, back.form, form);
  unsigned char target[BYTES], expected[BYTES];
  for (size_t i = 0; i < bytes; i++) /* what others stored meanwhile where the task did not */
    target[i] = expected[i] = (unsigned char)(0xA0 ^ i);
  size_t unit = bytes % granule == 0 ? granule : 1; /* never a byte left out */
  for (size_t g = 0; g < bytes / unit; g++)
    if (memcmp(now + g * unit, twin + g * unit, unit) != 0)
      memcpy(expected + g * unit, now + g * unit, unit);
  if (back.form == DOSC_BACK_WHOLE) {
    EXPECT(encoding == NULL && back.bytes == bytes, "%s: whole, %llu bytes", name,
           (unsigned long long)back.bytes);
    memcpy(target, now, bytes);
  } else if (back.form == DOSC_BACK_NONE) {
    EXPECT(encoding == NULL && back.bytes == 0, "%s: nothing", name);
  } else {
    EXPECT(back.bytes <= (uint64_t)dosc_write_back_bound((long long)bytes), "%s: %llu bytes", name,
           (unsigned long long)back.bytes);
    const char *wrong = dosc_write_back_apply(target, bytes, granule, encoding, &back);
    EXPECT(wrong == NULL, "%s: %s", name, wrong);
  }
  EXPECT(memcmp(target, expected, bytes) == 0, "%s: stored other bytes than those changed", name);
  free(encoding);
}

int main(void) {
  unsigned char twin[BYTES], now[BYTES];
  for (size_t i = 0; i < BYTES; i++)
    twin[i] = (unsigned char)(i * 7);

  memcpy(now, twin, BYTES);
  round_trip("nothing changed", twin, now, BYTES, 8, DOSC_BACK_NONE);
  for (size_t i = 0; i < BYTES; i++)
    now[i] = (unsigned char)~twin[i];
  round_trip("everything changed", twin, now, BYTES, 8, DOSC_BACK_WHOLE);

  /* doubles of which only the top byte changed: whole elements go back */
  memcpy(now, twin, BYTES);
  for (size_t e = 0; e < BYTES / 8; e++)
    now[e * 8 + 7] ^= 1;
  round_trip("a byte of every double", twin, now, BYTES, 8, DOSC_BACK_WHOLE);

  /* a few sparse elements: runs */
  memcpy(now, twin, BYTES);
  now[0] ^= 1;
  now[8 * 100 + 3] ^= 1;
  now[8 * 101] ^= 1;
  now[BYTES - 1] ^= 1;
  round_trip("sparse doubles", twin, now, BYTES, 8, DOSC_BACK_RUNS);

  /* every other int (red-black, mark_evens): the mask is smaller than runs */
  memcpy(now, twin, BYTES);
  for (size_t e = 0; e < BYTES / 4; e += 2)
    now[e * 4] ^= 0x55;
  round_trip("every other int", twin, now, BYTES, 4, DOSC_BACK_MASK);

  /* every other byte of a struct array (granule 1) */
  memcpy(now, twin, BYTES);
  for (size_t i = 1; i < BYTES; i += 2)
    now[i] ^= 0x0f;
  round_trip("every other byte", twin, now, BYTES, 1, DOSC_BACK_MASK);

  /* a granule that does not divide the footprint falls back to bytes */
  memcpy(now, twin, BYTES);
  now[BYTES - 1] ^= 1;
  round_trip("granule 3 over 4096 bytes", twin, now, BYTES, 3, DOSC_BACK_RUNS);

  /* malformed encodings: an error, and nothing stored */
  unsigned char target[64], before[64];
  memset(target, 0x11, sizeof target);
  memcpy(before, target, sizeof target);
  struct {
    uint32_t pairs[4];
    unsigned char data[16];
  } runs = {{8, 8, 0, 8}, {0}}; /* out of order */
  dosc_write_back back = {DOSC_BACK_RUNS, 2, sizeof runs};
  EXPECT(dosc_write_back_apply(target, 64, 8, (unsigned char *)&runs, &back) != NULL,
         "runs out of order accepted");
  uint32_t outside[2] = {60, 8};
  back = (dosc_write_back){DOSC_BACK_RUNS, 1, sizeof outside + 8};
  unsigned char buffer[sizeof outside + 8] = {0};
  memcpy(buffer, outside, sizeof outside);
  EXPECT(dosc_write_back_apply(target, 64, 8, buffer, &back) != NULL,
         "a run past the end accepted");
  uint32_t short_run[2] = {0, 16};
  memcpy(buffer, short_run, sizeof short_run);
  back = (dosc_write_back){DOSC_BACK_RUNS, 1, sizeof short_run + 8};
  EXPECT(dosc_write_back_apply(target, 64, 8, buffer, &back) != NULL,
         "runs longer than their data accepted");
  unsigned char mask[2] = {0x80, 0x01}; /* bit 8 names granule 8 of 8: outside */
  back = (dosc_write_back){DOSC_BACK_MASK, 0, sizeof mask + 16};
  unsigned char masked[sizeof mask + 16] = {0};
  memcpy(masked, mask, sizeof mask);
  EXPECT(dosc_write_back_apply(target, 64, 8, masked, &back) != NULL,
         "a mask bit past the footprint accepted");
  back = (dosc_write_back){7, 0, 8};
  EXPECT(dosc_write_back_apply(target, 64, 8, masked, &back) != NULL, "an unknown form accepted");
  back = (dosc_write_back){DOSC_BACK_RUNS, 1, 1u << 20};
  EXPECT(dosc_write_back_apply(target, 64, 8, masked, &back) != NULL,
         "more bytes than the footprint can need accepted");
  EXPECT(memcmp(target, before, sizeof target) == 0, "a malformed encoding stored bytes");

  printf("write_back: %d checks, %d failed\n", test_checks, test_failures);
  return test_failures == 0 ? 0 : 1;
}
