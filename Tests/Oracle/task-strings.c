/* Remote attack: strings, loops bounded by strlen or by the terminating zero: the footprint
   depends on the data, so it is null (and the task stays on rank 0) or covers the string. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int count_vowels(const char *s) {
  int count = 0;
  for (size_t i = 0; i < strlen(s); i++)
    if (strchr("aeiou", s[i])) count++;
  return count;
}

void upcase(char *s) {
  for (; *s; s++)
    if (*s >= 'a' && *s <= 'z') *s = (char)(*s - 'a' + 'A');
}

/* Bounded by a length computed once. */
int checksum(const char *s) {
  int n = (int)strlen(s);
  unsigned h = 7;
  for (int i = 0; i < n; i++) h = h * 31u + (unsigned char)s[i];
  return (int)(h & 0xffffu);
}

int main(int argc, char **argv) {
  int repeat = argc > 1 ? atoi(argv[1]) : 3;
  const char *words[] = {"remote", "footprint", "oracle", "marshalling"};
  char *buffers[4];
  int vowels[4], sums[4];
  for (int k = 0; k < 4; k++) {
    size_t len = strlen(words[k]) * (size_t)repeat;
    buffers[k] = malloc(len + 1);
    buffers[k][0] = 0;
    for (int r = 0; r < repeat; r++) strcat(buffers[k], words[k]);
  }
  for (int k = 0; k < 4; k++) {
#pragma dosc task
    vowels[k] = count_vowels(buffers[k]);
#pragma dosc task
    sums[k] = checksum(buffers[k]);
  }
#pragma dosc taskwait
  for (int k = 0; k < 4; k++) {
#pragma dosc task
    upcase(buffers[k] + 1);
  }
#pragma dosc taskwait
  for (int k = 0; k < 4; k++) printf("%s %d %d\n", buffers[k], vowels[k], sums[k]);
  for (int k = 0; k < 4; k++) free(buffers[k]);
  return 0;
}
