/// What dosc knows about functions whose bodies it cannot see: the C library's.
public enum LibraryFunction {
  /// `memcpy`-like: which argument is written, which read, which is the byte count.
  case memoryCopy(destination: Int, source: Int, bytes: Int)
  case memorySet(destination: Int, bytes: Int)
  /// Pure functions from `<math.h>`, `<complex.h>` (and `abs`): no memory effects, a few operations.
  case pure(cost: Int)
  /// `abs`, `labs`, `llabs`: a value of known range (`BoundedValues.absoluteValue`).
  case absoluteValue
  /// Allocation: the result is memory private to the task.
  case allocation
  case deallocation
  /// Input/output or other effects on the process: the task cannot move to another node.
  case effect
  /// `va_start`, `va_arg`, `va_copy`, `va_end`: they read and step the argument list they are
  /// given; the result (`va_arg`'s) is a value of its type.
  case argumentList

  static func lookup(_ name: String) -> LibraryFunction? {
    let base = name.hasPrefix("__builtin_") ? String(name.dropFirst("__builtin_".count)) : name
    switch base {
    case "memcpy", "memmove": return .memoryCopy(destination: 0, source: 1, bytes: 2)
    case "memset": return .memorySet(destination: 0, bytes: 2)
    case "malloc", "calloc", "realloc", "alloca", "aligned_alloc": return .allocation
    case "free": return .deallocation
    case "abs", "labs", "llabs": return .absoluteValue
    case "va_start", "va_arg", "va_copy", "va_end": return .argumentList
    case "abort", "__assert_fail", "__assert", "expect": return .pure(cost: 1)
    // dosc's own queries (dosc.h): where the task runs, no memory touched; on another rank they
    // answer for that rank, which is what a task that asks wants to know.
    case "dosc_node_rank", "dosc_node_count", "dosc_thread_count": return .pure(cost: 1)
    default: break
    }
    if effects.contains(base) { return .effect }
    let stem =
      ["f", "l"].contains(String(base.suffix(1))) && mathFunctions.contains(String(base.dropLast()))
      ? String(base.dropLast()) : base
    if mathFunctions.contains(stem) { return .pure(cost: expensiveMath.contains(stem) ? 20 : 1) }
    return nil
  }

  /// Calls that leave the calling function without returning to it and without ending the
  /// process: a jump to a `setjmp` anywhere up the stack, or the end of the calling thread.
  public static let leavingTheThread: Set<String> = [
    "longjmp", "_longjmp", "siglongjmp", "__builtin_longjmp", "pthread_exit", "thrd_exit",
  ]

  /// Calls that end the process without returning.
  public static let endingTheProcess: Set<String> = ["exit", "_Exit", "quick_exit", "abort"]

  private static let mathFunctions: Set<String> = [
    "sqrt", "cbrt", "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "sinh", "cosh", "tanh", "exp", "exp2",
    "expm1", "log", "log2", "log10", "log1p", "pow", "fabs", "floor", "ceil", "round", "trunc", "fmod", "fmin",
    "fmax", "hypot", "abs", "labs", "llabs", "fma", "copysign", "nearbyint", "rint", "lround", "isnan", "isinf",
    "isfinite", "signbit", "erf", "erfc", "tgamma", "lgamma", "ldexp", "scalbn", "fdim", "remainder", "logb",
    "ilogb", "lrint", "llrint", "llround",
    // <complex.h>: values in, a value out (a `double _Complex` argument is passed by value).
    "creal", "cimag", "cabs", "carg", "conj", "cproj", "cexp", "clog", "csqrt", "cpow", "csin", "ccos", "ctan",
    "casin", "cacos", "catan", "csinh", "ccosh", "ctanh", "casinh", "cacosh", "catanh",
  ]
  private static let expensiveMath: Set<String> = [
    "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "sinh", "cosh", "tanh", "exp", "exp2", "expm1", "log",
    "log2", "log10", "log1p", "pow", "erf", "erfc", "tgamma", "lgamma", "cbrt", "hypot", "cabs", "carg", "cexp",
    "clog", "csqrt", "cpow", "csin", "ccos", "ctan", "casin", "cacos", "catan", "csinh", "ccosh", "ctanh", "casinh",
    "cacosh", "catanh",
  ]
  private static let effects: Set<String> = [
    "printf", "fprintf", "sprintf", "snprintf", "vprintf", "vfprintf", "puts", "fputs", "putchar", "fputc", "putc",
    "fwrite", "fread", "fopen", "fclose", "fflush", "fgets", "fgetc", "getc", "getchar", "scanf", "fscanf",
    "sscanf", "perror", "write", "read", "open", "close", "exit", "_exit", "rand", "srand", "random", "time",
    "clock", "gettimeofday", "clock_gettime", "getenv", "system", "sleep", "usleep", "remove", "rename",
  ]
}
