import CClang
import CSyntax
import DoscSupport

/// Judges whether a variable of static storage has the same bytes on every rank. Every rank
/// runs the same executable, so a `const` object defined with its (necessarily constant, in C)
/// initializer starts the same everywhere and a correct program never changes it; but the
/// position-independent executable is loaded at another base in each process (ASLR), so an
/// address stored in it differs from rank to rank, and a definition in another unit may not be
/// `const` at all. A conversion that takes `const` away (`(int *)tab`) lets the program write
/// what it points to: any in the unit makes no `const` object trusted.
final class ConstancyJudge {
  private let unit: CXTranslationUnit
  private let mapper: LocationMapper
  private let sources: SourceCache
  private var judged: [String: GlobalConstancy] = [:]
  /// The first conversion in the unit from a pointer to `const` data to a pointer to
  /// writable data or an integer (`"'(int *)sbox' at f.c:9:12"`), nil when there is none.
  private lazy var constDiscarded: String? = firstConstDiscardingConversion()

  init(unit: CXTranslationUnit, mapper: LocationMapper, sources: SourceCache) {
    self.unit = unit
    self.mapper = mapper
    self.sources = sources
  }

  /// The constancy of the variable `declaration` (a `VarDecl` of static storage).
  func constancy(of declaration: CXCursor) -> GlobalConstancy {
    let key = consume(clang_getCursorUSR(declaration))
    if let known = judged[key] { return known }
    let result = judge(declaration)
    judged[key] = result
    return result
  }

  private func judge(_ declaration: CXCursor) -> GlobalConstancy {
    let type = clang_getCursorType(declaration)
    guard isConstObject(type) else { return .mutable }
    if isVolatileObject(type) { return .constButVarying("is volatile: something outside the program may change it") }
    if isNull(clang_getCursorDefinition(declaration)) {
      return .constButVarying(
        "is not defined in this translation unit: its definition may not be const, or its value may differ per rank")
    }
    if holdsAddress(type) {
      return .constButVarying(
        "holds addresses: they differ per rank (each process loads the executable at another base)")
    }
    if initializedFromAddress(clang_getCursorDefinition(declaration)) {
      // `const uintptr_t base = (uintptr_t)&g;`: an integer, but the address it was made from.
      return .constButVarying("is initialized from an address, which differs per rank")
    }
    if let conversion = constDiscarded {
      return .constButVarying("may be written: \(conversion) takes const away")
    }
    return .sameOnEveryRank
  }

  /// `const int n`, `const double coef[3]`, `const int m[2][2]`: the object, every element
  /// (clang's canonical type of an array of `const` elements is the `const` array, the type as
  /// written has the `const` elements).
  private func isConstObject(_ type: CXType) -> Bool {
    let canonical = clang_getCanonicalType(type)
    if clang_isConstQualifiedType(canonical) != 0 { return true }
    return isArrayType(canonical) && isConstObject(clang_getArrayElementType(type))
  }

  private func isVolatileObject(_ type: CXType) -> Bool {
    let canonical = clang_getCanonicalType(type)
    if clang_isVolatileQualifiedType(canonical) != 0 { return true }
    return isArrayType(canonical) && isVolatileObject(clang_getArrayElementType(type))
  }

  /// Whether an expression of pointer type (`&g`, a function's name, an array that decays) is
  /// anywhere in the definition's initializer, outside `sizeof` (`sizeof t / sizeof t[0]`).
  private func initializedFromAddress(_ definition: CXCursor) -> Bool {
    var pending = children(of: definition).filter(isExpression)
    while let cursor = pending.popLast() {
      if cursor.kind == CXCursor_UnaryExpr { continue }
      if clang_getCanonicalType(clang_getCursorType(cursor)).kind == CXType_Pointer { return true }
      pending += children(of: cursor)
    }
    return false
  }

  /// Walks the whole unit (the program's headers too: a `static inline` function may cast; not
  /// the system's) for a conversion, written (`(int *)p`) or implicit (`int *q = p;`, which C
  /// only warns about), from a pointer to `const` data or an array of `const` elements to a
  /// pointer to writable data or to an integer (which may become such a pointer again).
  private func firstConstDiscardingConversion() -> String? {
    var pending = [clang_getTranslationUnitCursor(unit)]
    while let cursor = pending.popLast() {
      // The C library's own inline code (`strchr`'s `(char *)`) writes no table of the program.
      if clang_Location_isInSystemHeader(clang_getCursorLocation(cursor)) != 0 { continue }
      let parts = children(of: cursor)
      if cursor.kind == CXCursor_CStyleCastExpr || cursor.kind == CXCursor_UnexposedExpr,
        let operand = parts.last(where: isExpression),
        discardsConst(from: clang_getCursorType(operand), to: clang_getCursorType(cursor))
      {
        let location = mapper.location(of: cursor)
        let text = sources.excerpt(file: location.file, range: mapper.range(of: cursor))
        return "'\(text)' at \(location.withBaseName)"
      }
      pending += parts.reversed()
    }
    return nil
  }

  private func discardsConst(from source: CXType, to target: CXType) -> Bool {
    let from = clang_getCanonicalType(source)
    let to = clang_getCanonicalType(target)
    switch from.kind {
    case CXType_Pointer: guard isConstObject(clang_getPointeeType(from)) else { return false }
    case _ where isArrayType(from): guard isConstObject(source) else { return false }
    default: return false
    }
    switch to.kind {
    case CXType_Pointer: return !isConstObject(clang_getPointeeType(to))
    case _ where isArrayType(to): return false
    default: return isInteger(to)
    }
  }

  private func isInteger(_ canonical: CXType) -> Bool {
    [
      CXType_Bool, CXType_Char_U, CXType_UChar, CXType_UShort, CXType_UInt, CXType_ULong, CXType_ULongLong,
      CXType_UInt128, CXType_Char_S, CXType_SChar, CXType_Short, CXType_Int, CXType_Long, CXType_LongLong,
      CXType_Int128,
    ].contains(canonical.kind)
  }
}
