// The one place dosc touches libclang's C API. Debian's libclang-dev installs the headers
// under /usr/lib/llvm-N/include; Package.swift adds that directory to the search path.
#include <clang-c/Index.h>
#include <clang-c/CXString.h>
