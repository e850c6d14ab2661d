/* dosc-cc: `dosc cc` for the compiles a build runs most, started in about a millisecond.
 *
 * `dosc cc -c x.c` on a file without `#pragma dosc` runs the user's compiler on the command
 * line as given and adds the file's fragment to the object (dosc_plain_fragment_write). The
 * Swift tool takes some 40 ms to start (the dynamic loader resolving libclang, the Swift
 * runtime), twice what `cc` takes on a small file; this launcher does that one case itself and
 * hands everything else, unchanged, to `dosc` beside it (run under the name dosc-cc, which is
 * `dosc cc`). It never decides what dosc would decide differently: it only recognizes
 * command lines it is sure about, and anything else goes to dosc, which decides:
 *   - every argument is ASCII; none starts with `--` (dosc's own --cc/--no-mpi/...) nor asks
 *     for a mode dosc passes through (-E, -S, -M, -MM, -fsyntax-only, -v, -print-...), and
 *     there is no -x and no -flto (whose bitcode objects dosc warns about);
 *   - it compiles only (-c), and every input is a `.c` file that exists (clang's option table,
 *     the one dosc reads, says which arguments are options' values);
 *   - no output is one of the inputs (dosc refuses that, as gcc does);
 *   - no source contains `dosc` (dosc's own first test, before it scans for pragmas) nor a
 *     `#pragma omp` line (dosc gives a note for `#pragma omp task`);
 *   - the compiler ($DOSC_CC, else cc) is found, and every object takes its fragment.
 * And a link that needs nothing from dosc, which dosc too runs as given (some 50 ms of the
 * tool's start saved per link): the same conditions on the arguments and the sources compiled
 * in the same step; its inputs are objects, archives and shared libraries (the first word is
 * one, not a compiler's name); the output is none of them; and none of them, nor any library
 * -lNAME may find in a -LDIR, can hold a fragment with a site or one that uses the runtime
 * (link_inputs.c says how that is known without reading the fragments).
 */
#define _GNU_SOURCE /* memmem */
#include "launcher.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* Runs `dosc` from this program's directory as dosc-cc with the same arguments: the full
 * `dosc cc`. */
static int run_dosc(int argc, char **argv) {
  char self[PATH_MAX];
  ssize_t length = readlink("/proc/self/exe", self, sizeof self - 1);
  if (length <= 0) {
    fprintf(stderr, "dosc-cc: cannot find where dosc-cc is installed: %s\n", strerror(errno));
    return 127;
  }
  self[length] = '\0';
  char *slash = strrchr(self, '/');
  char dosc[PATH_MAX + 8];
  snprintf(dosc, sizeof dosc, "%.*s/dosc", (int)(slash - self), self);
  char **arguments = calloc((size_t)argc + 1, sizeof *arguments);
  if (!arguments) return 127;
  arguments[0] = "dosc-cc"; /* dosc under the name dosc-cc is `dosc cc` */
  for (int i = 1; i < argc; i++)
    arguments[i] = argv[i];
  execv(dosc, arguments);
  fprintf(stderr, "dosc-cc: cannot run '%s': %s\n", dosc, strerror(errno));
  return 127;
}

static int has_suffix(const char *string, const char *suffix) {
  size_t length = strlen(string), suffix_length = strlen(suffix);
  return length >= suffix_length && strcmp(string + length - suffix_length, suffix) == 0;
}

/* Arguments that make dosc pass the command through, or that only dosc decides about. */
static int left_to_dosc(const char *argument) {
  static const char *const exact[] = {"-E", "-S",           "-M",           "-MM", "-fsyntax-only",
                                      "-v", "-dumpversion", "-dumpmachine", "-",   NULL};
  for (const char *const *mode = exact; *mode; mode++)
    if (strcmp(argument, *mode) == 0) return 1;
  for (const unsigned char *c = (const unsigned char *)argument; *c; c++)
    if (*c >= 0x80) return 1;
  return strncmp(argument, "--", 2) == 0 || strncmp(argument, "-print-", 7) == 0 ||
         strncmp(argument, "-flto", 5) == 0 || argument[0] == '@';
}

static int is_blank(char c) {
  return c == ' ' || c == '\t';
}

/* Whether a line of `text` reads `# pragma omp` (a superset of dosc's `#pragma omp task` note). */
static int has_openmp_pragma(const char *text, size_t length) {
  const char *end = text + length;
  for (const char *line = text; line < end;) {
    const char *c = line;
    while (c < end && is_blank(*c))
      c++;
    if (c < end && *c == '#') {
      c++;
      while (c < end && is_blank(*c))
        c++;
      if (end - c > 6 && memcmp(c, "pragma", 6) == 0 && is_blank(c[6])) {
        c += 6;
        while (c < end && is_blank(*c))
          c++;
        if (end - c >= 3 && memcmp(c, "omp", 3) == 0) return 1;
      }
    }
    const char *newline = memchr(line, '\n', (size_t)(end - line));
    line = newline ? newline + 1 : end;
  }
  return 0;
}

/* Whether `path` is a readable regular file without `dosc` and without an OpenMP pragma. */
static int is_plain_source(const char *path) {
  size_t size = 0;
  char *text = (char *)dosc_read_regular_file(path, &size);
  int plain = text && !memmem(text, size, "dosc", 4) && !has_openmp_pragma(text, size);
  free(text);
  return plain;
}

/* Where `-c` puts a source's object: -o for a single source, else NAME.o here (CCPipeline's
 * objectPath). */
static char *object_path(const char *source, const char *output, int source_count) {
  if (output && source_count == 1) return strdup(output);
  const char *slash = strrchr(source, '/');
  const char *name = slash ? slash + 1 : source;
  size_t stem = strlen(name) - 2; /* without ".c" */
  char *object = malloc(stem + 3);
  if (object) snprintf(object, stem + 3, "%.*s.o", (int)stem, name);
  return object;
}

/* Whether the regular file `output` is one of the sources (as a file, however spelled). */
static int overwrites_input(const char *output, char **sources, int source_count) {
  struct stat out, in;
  if (stat(output, &out) != 0 || !S_ISREG(out.st_mode)) return 0;
  for (int i = 0; i < source_count; i++)
    if (stat(sources[i], &in) == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino) return 1;
  return 0;
}

/* Whether `program` names an executable, directly or on $PATH, as execvp would find it. */
static int finds_program(const char *program) {
  if (strchr(program, '/')) return access(program, X_OK) == 0;
  const char *path = getenv("PATH");
  if (!path) path = "/usr/bin:/bin";
  char candidate[PATH_MAX];
  for (const char *start = path;; start++) {
    const char *end = strchr(start, ':');
    size_t length = end ? (size_t)(end - start) : strlen(start);
    /* The length is checked by what snprintf returns (gcc cannot follow a check before it). */
    int written =
        length > 0 ? snprintf(candidate, sizeof candidate, "%.*s/%s", (int)length, start, program)
                   : -1;
    if (written > 0 && (size_t)written < sizeof candidate) {
      struct stat status;
      if (stat(candidate, &status) == 0 && S_ISREG(status.st_mode) && access(candidate, X_OK) == 0)
        return 1;
    }
    if (!end) return 0;
    start = end;
  }
}

/* The compiler's words: $DOSC_CC split at spaces, else cc. */
static int compiler_words(char **words, int capacity) {
  const char *variable = getenv("DOSC_CC");
  if (!variable || !*variable) {
    words[0] = "cc";
    return 1;
  }
  char *copy = strdup(variable);
  int count = 0;
  for (char *word = strtok(copy, " "); word; word = strtok(NULL, " ")) {
    if (count == capacity) return -1;
    words[count++] = word;
  }
  return count;
}

/* A command line as the launcher reads it: clang's option table, the one dosc reads, says
 * which words are options' values. */
typedef struct command_line {
  int count;
  char **arguments;
  char **operands; /* every word that is no option nor an option's value, in order */
  int operand_count;
  char **sources; /* the operands that are .c files */
  int source_count;
  const char *output;
  int compile_only;
} command_line;

/* What dosc reads as an input, not as the compiler's name, when it comes first
 * (CCPipeline.isCompilerName). */
static int has_input_suffix(const char *operand) {
  static const char *const suffixes[] = {".c", ".o", ".a", ".so", ".lo", ".obj", NULL};
  for (const char *const *suffix = suffixes; *suffix; suffix++)
    if (has_suffix(operand, *suffix)) return 1;
  return 0;
}

/* A link input dosc reads as one (CompilerInvocation.parse): an object, an archive or a
 * shared library (libz.so.1.2.13), not a file of another language, which dosc leaves to the
 * compiler by another path. */
static int is_link_input(const char *operand) {
  return (has_input_suffix(operand) && !has_suffix(operand, ".c")) ||
         strstr(operand, ".so.") != NULL;
}

/* Reads `arguments` into `line`. Returns 0, or -1 when dosc has to take the command. */
static int read_command_line(int count, char **arguments, command_line *line) {
  *line = (command_line){count,
                         arguments,
                         calloc((size_t)count + 1, sizeof(char *)),
                         0,
                         calloc((size_t)count + 1, sizeof(char *)),
                         0,
                         NULL,
                         0};
  if (!line->operands || !line->sources) return -1;
  for (int i = 0; i < count; i++)
    if (left_to_dosc(arguments[i])) return -1;
  /* `dosc cc cc -o p m.o`: as a launcher, dosc takes a first word that is no option and no
   * input for the compiler's name. */
  if (count > 0 && arguments[0][0] != '-' && !has_input_suffix(arguments[0])) return -1;
  for (int i = 0; i < count; i++) {
    const char *argument = arguments[i];
    if (argument[0] != '-') {
      if (has_suffix(argument, ".c"))
        line->sources[line->source_count++] = arguments[i];
      else if (!is_link_input(argument))
        return -1;
      line->operands[line->operand_count++] = arguments[i];
      continue;
    }
    int values = 0;
    const dosc_driver_option *option = dosc_driver_option_match(argument, &values);
    if (i + values >= count) return -1; /* a missing value: dosc says so */
    if (option && strcmp(option->spelling, "-x") == 0) return -1;
    if (option && strcmp(option->spelling, "-c") == 0) line->compile_only = 1;
    if (option && strcmp(option->spelling, "-o") == 0)
      line->output = values == 1 ? arguments[i + 1] : argument + 2;
    i += values;
  }
  return 0;
}

/* Runs the compiler on `arguments` as given. Returns its exit status as dosc's ProcessRunner
 * gives it (128 + the signal that ended it), or -1 when the compiler cannot be found or
 * started. */
static int run_compiler(int count, char **arguments) {
  enum { max_compiler_words = 64 };
  char *compiler[max_compiler_words];
  int words = compiler_words(compiler, max_compiler_words);
  if (words <= 0 || !finds_program(compiler[0])) return -1;
  char **command = calloc((size_t)(words + count + 1), sizeof *command);
  if (!command) return -1;
  memcpy(command, compiler, (size_t)words * sizeof *command);
  memcpy(command + words, arguments, (size_t)count * sizeof *command);
  pid_t child = fork();
  if (child < 0) return -1;
  if (child == 0) {
    execvp(command[0], command);
    fprintf(stderr, "dosc-cc: cannot run '%s': %s\n", command[0], strerror(errno));
    _exit(127);
  }
  int status;
  while (waitpid(child, &status, 0) < 0)
    if (errno != EINTR) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* Compiles the command line as given, then adds each object's fragment. Returns the exit
 * status, or -1 when dosc has to take the command instead. */
static int compile_plain(const command_line *line) {
  if (!line->compile_only || line->source_count == 0 || line->operand_count != line->source_count)
    return -1;
  char **objects = calloc((size_t)line->source_count, sizeof *objects);
  if (!objects) return -1;
  for (int i = 0; i < line->source_count; i++) {
    objects[i] = object_path(line->sources[i], line->output, line->source_count);
    if (!objects[i] || overwrites_input(objects[i], line->sources, line->source_count) ||
        !is_plain_source(line->sources[i]))
      return -1;
  }
  char directory[PATH_MAX];
  if (!getcwd(directory, sizeof directory)) return -1;
  for (const unsigned char *c = (const unsigned char *)directory; *c; c++)
    if (*c >= 0x80) return -1;

  int exit_status = run_compiler(line->count, line->arguments);
  if (exit_status != 0) return exit_status;
  for (int i = 0; i < line->source_count; i++) {
    const char *why = NULL;
    /* No source here mentions dosc, so none includes <dosc.h> itself (one that gets it through
     * another header, with the user's own -D__DOSC__, is seen calling the runtime's API). */
    if (dosc_plain_fragment_write(objects[i], line->sources[i], directory, (size_t)line->count,
                                  (const char *const *)line->arguments, 0, &why) != 0)
      return -1; /* dosc compiles it again and says what is wrong */
  }
  return 0;
}

/* A link (with plain sources compiled in the same step, or not) that needs nothing from dosc:
 * `dosc cc` runs the command line as given (CCPipeline.build), and so does this. Returns the
 * exit status, or -1 when dosc has to take the command instead. */
static int link_plain(const command_line *line) {
  if (line->compile_only || line->operand_count == 0) return -1;
  for (int i = 0; i < line->source_count; i++)
    if (!is_plain_source(line->sources[i])) return -1;
  /* Sources compiled with the user's own __DOSC__ may call the runtime's API: dosc compiles
   * them first to see (a superset of its test, which looks at the compile's flags only). */
  for (int i = 0; line->source_count > 0 && i < line->count; i++)
    if (strstr(line->arguments[i], "__DOSC__")) return -1;
  if (overwrites_input(line->output ? line->output : "a.out", line->operands, line->operand_count))
    return -1;
  for (int i = 0; i < line->operand_count; i++)
    if (!has_suffix(line->operands[i], ".c") && dosc_link_input_may_need_dosc(line->operands[i]))
      return -1;
  if (dosc_link_libraries_may_need_dosc(line->count, line->arguments)) return -1;
  return run_compiler(line->count, line->arguments);
}

int main(int argc, char **argv) {
  command_line line;
  int status = -1;
  if (read_command_line(argc - 1, argv + 1, &line) == 0) {
    status = compile_plain(&line);
    if (status < 0) status = link_plain(&line);
  }
  return status >= 0 ? status : run_dosc(argc, argv);
}
