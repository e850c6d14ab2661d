/* driver_options.c - matching a command-line argument against clang's driver option table. */
#include "dosc_cc.h"

#include <stdlib.h>
#include <string.h>

static int compare_spelling(const void *key, const void *element) {
  return strcmp((const char *)key, ((const dosc_driver_option *)element)->spelling);
}

static const dosc_driver_option *lookup(const char *spelling) {
  return bsearch(spelling, dosc_driver_option_table, dosc_driver_option_count,
                 sizeof(dosc_driver_option), compare_spelling);
}

const dosc_driver_option *dosc_driver_option_match(const char *argument, int *following_values) {
  *following_values = 0;
  const dosc_driver_option *option = lookup(argument);
  if (option) {
    switch (option->kind) {
    case 'S':
    case 'O':
    case 'A':
      *following_values = 1;
      break;
    case 'M':
      *following_values = option->value_count;
      break;
    default:
      break;
    }
    return option;
  }
  /* The longest proper prefix that is an option taking its value joined. */
  size_t length = strlen(argument);
  char *prefix = malloc(length + 1);
  if (!prefix) return NULL;
  memcpy(prefix, argument, length + 1);
  const dosc_driver_option *found = NULL;
  while (length > 1 && !found) {
    prefix[--length] = '\0';
    option = lookup(prefix);
    if (!option) continue;
    switch (option->kind) {
    case 'J':
    case 'O':
    case 'C':
      found = option;
      break;
    case 'A':
      found = option;
      *following_values = 1;
      break;
    default:
      break;
    }
  }
  free(prefix);
  return found;
}
