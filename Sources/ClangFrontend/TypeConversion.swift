import CClang
import CSyntax

/// Turns a clang type into the few facts the analysis uses.
func convertType(_ type: CXType) -> CType {
  let canonical = clang_getCanonicalType(type)
  let spelling = consume(clang_getTypeSpelling(type))
  let typeKind = kind(of: canonical)
  // Only data types have a size; asking libclang for the size of a builtin function's type
  // crashes it.
  let size = hasDataSize(canonical, typeKind) ? clang_Type_getSizeOf(type) : -1
  var result = CType(
    spelling: spelling, kind: typeKind, size: size > 0 ? Int(size) : nil,
    isConst: clang_isConstQualifiedType(type) != 0)
  result.isUnsigned = [
    CXType_Bool, CXType_Char_U, CXType_UChar, CXType_Char16, CXType_Char32, CXType_UShort, CXType_UInt, CXType_ULong,
    CXType_ULongLong, CXType_UInt128,
  ].contains(canonical.kind)
  result.isBoolean = canonical.kind == CXType_Bool
  result.isAtomic = canonical.kind == CXType_Atomic
  result.holdsAddresses = holdsAddress(type)
  result.isUnion = isUnion(canonical)
  var element: CXType?
  switch canonical.kind {
  case CXType_Pointer: element = clang_getPointeeType(canonical)
  case CXType_ConstantArray, CXType_IncompleteArray, CXType_VariableArray, CXType_DependentSizedArray:
    element = clang_getArrayElementType(canonical)
  default: break
  }
  if let element {
    result.elementSpelling = consume(clang_getTypeSpelling(element))
    let canonicalElement = clang_getCanonicalType(element)
    let elementSize =
      hasDataSize(canonicalElement, kind(of: canonicalElement)) ? clang_Type_getSizeOf(element) : -1
    result.elementSize = elementSize > 0 ? Int(elementSize) : nil
    result.pointsToConst = clang_isConstQualifiedType(element) != 0
    result.elementHoldsAddresses = holdsAddress(element)
    result.elementIsUnion = isUnion(canonicalElement)
    result.elementIsAtomic = holdsAtomic(element)
  }
  return result
}

/// Whether a type is data with a size: not void or a function. `_Complex`, vector and
/// `_Atomic` types are `.other` to the analysis but have one (a `double _Complex` is 16 bytes).
private func hasDataSize(_ canonical: CXType, _ kind: CType.Kind) -> Bool {
  [.integer, .floating, .pointer, .array, .record].contains(kind)
    || [CXType_Complex, CXType_Vector, CXType_ExtVector, CXType_Atomic].contains(canonical.kind)
}

private func kind(of canonical: CXType) -> CType.Kind {
  switch canonical.kind {
  case CXType_Void: .void
  case CXType_Bool, CXType_Char_U, CXType_UChar, CXType_Char16, CXType_Char32, CXType_UShort, CXType_UInt,
    CXType_ULong, CXType_ULongLong, CXType_UInt128, CXType_Char_S, CXType_SChar, CXType_WChar, CXType_Short,
    CXType_Int, CXType_Long, CXType_LongLong, CXType_Int128, CXType_Enum:
    .integer
  case CXType_Float, CXType_Double, CXType_LongDouble, CXType_Float128, CXType_Half, CXType_Float16:
    .floating
  case CXType_Pointer: .pointer
  case CXType_ConstantArray, CXType_IncompleteArray, CXType_VariableArray, CXType_DependentSizedArray: .array
  case CXType_Record: .record
  case CXType_FunctionProto, CXType_FunctionNoProto: .function
  default: .other
  }
}

private func isUnion(_ canonical: CXType) -> Bool {
  canonical.kind == CXType_Record && clang_getTypeDeclaration(canonical).kind == CXCursor_UnionDecl
}

/// Whether an object of `type` holds a pointer anywhere: itself, an element, a field. Such an
/// object's bytes differ per rank (each process loads the executable, and allocates, elsewhere).
func holdsAddress(_ type: CXType) -> Bool {
  anyPart(of: type) {
    [CXType_Pointer, CXType_BlockPointer, CXType_MemberPointer, CXType_ObjCObjectPointer].contains($0.kind)
  }
}

/// Whether an object of `type` is or holds an `_Atomic` object anywhere: itself, an element, a
/// field (`struct { _Atomic long v; long w; }`). Threads share such an object while they use it;
/// a copy shipped to another rank is another object.
func holdsAtomic(_ type: CXType) -> Bool {
  anyPart(of: type) { $0.kind == CXType_Atomic }
}

/// Whether `type` itself, an array's element or a structure's or union's field, at any depth,
/// passes `test` (given canonical types).
private func anyPart(of type: CXType, _ test: (CXType) -> Bool) -> Bool {
  let canonical = clang_getCanonicalType(type)
  if test(canonical) { return true }
  if isArrayType(canonical) { return anyPart(of: clang_getArrayElementType(canonical), test) }
  guard canonical.kind == CXType_Record else { return false }
  return children(of: clang_getTypeDeclaration(canonical)).contains {
    $0.kind == CXCursor_FieldDecl && anyPart(of: clang_getCursorType($0), test)
  }
}

func isArrayType(_ canonical: CXType) -> Bool {
  [CXType_ConstantArray, CXType_IncompleteArray, CXType_VariableArray, CXType_DependentSizedArray].contains(
    canonical.kind)
}
