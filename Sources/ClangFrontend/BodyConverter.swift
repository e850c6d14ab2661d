import CClang
import CSyntax
import DoscSupport
import Foundation

/// Converts one function definition's cursor tree into `CSyntax` values.
///
/// libclang 14 has no API for an operator's kind, so operators are read from the source text
/// between the operands, and, where macros make that text useless, from the file parsed again
/// as clang prints it, every macro expanded (`ExpandedOperators`); failing that, where the
/// operand after a binary operator or a prefix operator itself is spelled
/// (`operatorSpelledBefore`).
final class BodyConverter {
  private let mapper: LocationMapper
  private let sources: SourceCache
  private let extents: CursorExtents
  private let constancy: ConstancyJudge
  /// Operators read from the file parsed again as clang prints it (`ExpandedOperators`).
  private let expandedOperators: ExpandedOperators?
  /// The function being converted, whose operators `expandedOperators` knows.
  private var functionName: String?
  private var parameterIndex: [String: Int] = [:]
  /// How many statements and expressions enclose the one being converted.
  private var depth = 0

  /// The deepest syntax converted: below it, one `nestedTooDeeply` node. Each level costs a
  /// few stack frames here and in the analysis (up to ~14 KiB in a debug build); the command's
  /// stack (`LargeStack`, 4 GiB) takes this with room to spare, where a deeper tree would
  /// overflow it. No C a person writes comes near: a 150,000-term sum on one line does.
  static let depthLimit = 150_000

  init(
    mapper: LocationMapper, sources: SourceCache, constancy: ConstancyJudge, expandedOperators: ExpandedOperators? = nil
  ) {
    self.mapper = mapper
    self.sources = sources
    self.constancy = constancy
    self.expandedOperators = expandedOperators
    self.extents = CursorExtents(mapper: mapper)
  }

  func function(_ cursor: CXCursor) -> FunctionDefinition? {
    let name = consume(clang_getCursorSpelling(cursor))
    functionName = name
    defer { functionName = nil }
    let count = max(0, Int(clang_Cursor_getNumArguments(cursor)))
    var parameters: [Parameter] = []
    for index in 0..<count {
      let parameter = clang_Cursor_getArgument(cursor, UInt32(index))
      parameters.append(
        Parameter(name: consume(clang_getCursorSpelling(parameter)), type: convertType(clang_getCursorType(parameter))))
    }
    parameterIndex = Dictionary(
      parameters.enumerated().map { ($0.element.name, $0.offset) }, uniquingKeysWith: { first, _ in first })
    guard let bodyCursor = children(of: cursor).last(where: { $0.kind == CXCursor_CompoundStmt }) else { return nil }
    let functionType = clang_getCursorType(cursor)
    return FunctionDefinition(
      name: name, location: mapper.location(of: cursor), parameters: parameters,
      returnType: convertType(clang_getResultType(functionType)), body: statement(bodyCursor),
      isStatic: clang_Cursor_getStorageClass(cursor) == CX_SC_Static,
      isVariadic: clang_isFunctionTypeVariadic(functionType) != 0)
  }

  // MARK: Statements

  func statement(_ cursor: CXCursor) -> Stmt {
    let location = firstLocation(of: cursor)
    let range = offsets(of: cursor)
    func make(_ kind: StmtKind) -> Stmt { Stmt(kind, location: location, range: range) }
    depth += 1
    defer { depth -= 1 }
    if depth > Self.depthLimit { return make(.unsupported(nestedTooDeeply)) }
    let parts = children(of: cursor)

    if isExpression(cursor) { return make(.expression(expression(cursor))) }
    switch cursor.kind {
    case CXCursor_CompoundStmt:
      return make(.compound(parts.map(statement)))
    case CXCursor_DeclStmt:
      return make(.declaration(parts.filter { $0.kind == CXCursor_VarDecl }.map(variable)))
    case CXCursor_IfStmt where parts.count >= 2:
      return make(
        .ifStatement(expression(parts[0]), then: statement(parts[1]), else: parts.count > 2 ? statement(parts[2]) : nil)
      )
    case CXCursor_ForStmt:
      return forLoop(cursor, parts: parts, make: make)
    case CXCursor_WhileStmt where parts.count == 2:
      return make(.whileLoop(expression(parts[0]), body: statement(parts[1])))
    case CXCursor_DoStmt where parts.count == 2:
      return make(.doWhile(body: statement(parts[0]), condition: expression(parts[1])))
    case CXCursor_SwitchStmt where parts.count == 2:
      return make(.switchStatement(expression(parts[0]), body: statement(parts[1])))
    case CXCursor_CaseStmt, CXCursor_DefaultStmt:
      return make(.caseLabel(parts.last.map(statement)))
    case CXCursor_LabelStmt:
      return make(.labeled(parts.last.map(statement)))
    case CXCursor_ReturnStmt:
      return make(.returnStatement(parts.first.map(expression)))
    case CXCursor_BreakStmt: return make(.breakStatement)
    case CXCursor_ContinueStmt: return make(.continueStatement)
    case CXCursor_GotoStmt:
      let label = parts.first { $0.kind == CXCursor_LabelRef }.map(clang_getCursorReferenced)
      return make(
        .gotoStatement(label: label.flatMap { clang_Cursor_isNull($0) == 0 ? offsets(of: $0).lowerBound : nil }))
    case CXCursor_IndirectGotoStmt: return make(.gotoStatement(label: nil))
    case CXCursor_NullStmt: return make(.empty)
    case CXCursor_UnexposedStmt where parts.contains(where: isStatementOrExpression):
      // An attributed statement (`#pragma clang loop unroll(enable)` or `#pragma unroll` before
      // a loop, `__attribute__((fallthrough));`): the statement, its attributes left out.
      return make(.compound(parts.filter(isStatementOrExpression).map(statement)))
    default:
      return make(.unsupported(consume(clang_getCursorKindSpelling(cursor.kind))))
    }
  }

  /// libclang leaves out the missing parts of `for (;;)`, so children are matched to the
  /// header's parts by where they start relative to the two semicolons.
  private func forLoop(_ cursor: CXCursor, parts: [CXCursor], make: (StmtKind) -> Stmt) -> Stmt {
    let range = offsets(of: cursor)
    let file = firstLocation(of: cursor).file
    guard let header = sources.forHeader(file: file, range: range) else {
      guard parts.count == 4 else { return make(.unsupported("ForStmt")) }
      return make(
        .forLoop(
          initializer: statement(parts[0]), condition: expression(parts[1]), increment: expression(parts[2]),
          body: statement(parts[3])))
    }
    var initializer: Stmt?
    var condition: Expr?
    var increment: Expr?
    var body: Stmt?
    for part in parts {
      let start = offsets(of: part).lowerBound
      if start < header.firstSemicolon {
        initializer = statement(part)
      } else if start < header.secondSemicolon {
        condition = expression(part)
      } else if start < header.closingParenthesis {
        increment = expression(part)
      } else {
        body = statement(part)
      }
    }
    guard let body else { return make(.unsupported("ForStmt")) }
    return make(.forLoop(initializer: initializer, condition: condition, increment: increment, body: body))
  }

  func variable(_ cursor: CXCursor) -> VariableDeclaration {
    let initializer = children(of: cursor).last(where: isExpression)
    return VariableDeclaration(
      name: consume(clang_getCursorSpelling(cursor)), type: convertType(clang_getCursorType(cursor)),
      initializer: initializer.map(expression),
      isStatic: clang_Cursor_getStorageClass(cursor) == CX_SC_Static, location: mapper.location(of: cursor))
  }

  // MARK: Expressions

  func expression(_ cursor: CXCursor) -> Expr {
    let range = offsets(of: cursor)
    let location = firstLocation(of: cursor)
    let type = convertType(clang_getCursorType(cursor))
    func make(_ kind: ExprKind) -> Expr {
      Expr(kind, type: type, location: location, text: sources.excerpt(file: location.file, range: range), range: range)
    }
    depth += 1
    defer { depth -= 1 }
    if depth > Self.depthLimit { return make(.unsupported(nestedTooDeeply, [])) }
    let parts = children(of: cursor)

    switch cursor.kind {
    case CXCursor_UnexposedExpr where isVariadicArgument(cursor, parts):
      // `va_arg(ap, int)`: the next argument, a value of its type, read from the list `ap`
      // (not `ap` itself, which an implicit conversion around it would be).
      let name = "__builtin_va_arg"
      let callee = Expr(.name(name, .function), type: .unknown, location: location, text: name)
      return make(.call(callee: name, calleeExpr: callee, arguments: parts.filter(isExpression).map(expression)))
    case CXCursor_UnexposedExpr, CXCursor_ParenExpr:
      // Implicit casts and parentheses: the analysis looks through them, but for a conversion
      // between pointers to elements of other sizes (`double *p = A` for a `double (*A)[4]`,
      // which C only warns of), or from a `void *` (`unsigned *f = vp`): offsets then count in
      // other units, as after a written cast.
      if parts.count == 1 {
        let operand = expression(parts[0])
        if cursor.kind == CXCursor_UnexposedExpr, case .name(let name, _) = operand.kind,
          let value = sharedConstantRead(cursor, of: operand)
        {
          return make(.name(name, .sharedConstantRead(value)))
        }
        if cursor.kind == CXCursor_UnexposedExpr, type.isPointer, operand.type.isPointer,
          let size = type.elementSize, size != operand.type.elementSize
        {
          return make(.cast(operand))
        }
        return operand
      }
      return make(.unsupported("UnexposedExpr", parts.filter(isExpression).map(expression)))
    case CXCursor_CStyleCastExpr:
      guard let operand = parts.last(where: isExpression) else { return make(.unsupported("cast", [])) }
      return make(.cast(expression(operand)))
    case CXCursor_IntegerLiteral, CXCursor_CharacterLiteral:
      // A literal beyond Int64 (`18446744073709551615ULL`) has no value the analysis can use.
      guard let value = evaluateInteger(cursor) else { return make(.unsupported("IntegerLiteral", [])) }
      return make(.integerLiteral(value))
    case CXCursor_FloatingLiteral:
      return make(.floatingLiteral)
    case CXCursor_StringLiteral:
      return make(.stringLiteral)
    case CXCursor_DeclRefExpr:
      return make(.name(consume(clang_getCursorSpelling(cursor)), reference(cursor)))
    case CXCursor_BinaryOperator,
      CXCursor_CompoundAssignOperator where parts.count == 2:
      var op = binaryOperator(cursor, parts[0], parts[1])
      let operands = [expression(parts[0]), expression(parts[1])]
      // An operator not seen in a macro's body between constants (`(VAR_MOMENTUM + NDIM)`,
      // `(1 << MK)`): clang's own value of the constant expression, where evaluating it
      // skips no effect (clang's evaluation ignores the left side of `(g = 1, 5)`).
      if op == "?", cursor.kind == CXCursor_BinaryOperator, operands.allSatisfy(\.hasNoEffects),
        let value = evaluateInteger(cursor)
      {
        return make(.constant(value))
      }
      // An operator hidden in a macro's body: "?=" where it may assign (`MacroStores`).
      if op == "?"
        && (cursor.kind == CXCursor_CompoundAssignOperator
          || sources.macroMayStore(file: location.file, at: range.lowerBound))
      {
        op = "?="
      }
      return make(.binary(op, operands[0], operands[1]))
    case CXCursor_UnaryOperator where parts.count == 1:
      var op = unaryOperator(cursor, parts[0])
      let operand = expression(parts[0])
      // A sign spelled in a macro's body on a constant (`#define NEG1 (-1)`): clang's value.
      if op == "?", operand.hasNoEffects, let value = evaluateInteger(cursor) { return make(.constant(value)) }
      if op == "?" {
        op = hiddenUnaryOperator(cursor, parts[0])
        // A sign, not a step, where the macro holds no `++`/`--` or assignment.
        if op == "?++" && !sources.macroMayStore(file: location.file, at: range.lowerBound) { op = "?" }
      }
      return make(.unary(op, operand))
    case CXCursor_ArraySubscriptExpr where parts.count == 2:
      return make(.subscripted(expression(parts[0]), index: expression(parts[1])))
    case CXCursor_CallExpr:
      return call(cursor, parts: parts, make: make)
    case CXCursor_MemberRefExpr:
      guard let base = parts.first(where: isExpression) else { return make(.unsupported("member", [])) }
      let baseExpr = expression(base)
      var member = make(
        .member(baseExpr, field: consume(clang_getCursorSpelling(cursor)), arrow: baseExpr.type.isPointerLike))
      member.type.isBitField = clang_Cursor_isBitField(clang_getCursorReferenced(cursor)) != 0
      return member
    case CXCursor_ConditionalOperator where parts.count == 3:
      return make(.conditional(expression(parts[0]), expression(parts[1]), expression(parts[2])))
    case CXCursor_UnaryExpr:
      if let value = evaluateInteger(cursor) { return make(.constant(value)) }
      return make(.unsupported("UnaryExpr", parts.filter(isExpression).map(expression)))
    case CXCursor_InitListExpr:
      return make(.initializerList(parts.filter(isExpression).map(expression)))
    default:
      return make(
        .unsupported(consume(clang_getCursorKindSpelling(cursor.kind)), parts.filter(isExpression).map(expression)))
    }
  }

  /// Whether an `UnexposedExpr` is clang's `VAArgExpr`, which libclang 14 gives no kind of its
  /// own: unlike an implicit conversion, it starts before its operand (the list), at its first
  /// token, where that is spelled (in `<stdarg.h>`'s `va_arg` macro), `__builtin_va_arg`.
  private func isVariadicArgument(_ cursor: CXCursor, _ parts: [CXCursor]) -> Bool {
    let operands = parts.filter(isExpression)
    guard operands.count == 1 else { return false }
    let start = clang_getRangeStart(extents.extent(of: cursor))
    guard clang_equalLocations(start, clang_getRangeStart(extents.extent(of: operands[0]))) == 0 else { return false }
    return firstToken(at: start, in: cursor)?.text == "__builtin_va_arg"
  }

  private func call(_ cursor: CXCursor, parts: [CXCursor], make: (ExprKind) -> Expr) -> Expr {
    let count = max(0, Int(clang_Cursor_getNumArguments(cursor)))
    let arguments = (0..<count).map { expression(clang_Cursor_getArgument(cursor, UInt32($0))) }
    let referenced = clang_getCursorReferenced(cursor)
    let callee =
      !isNull(referenced) && referenced.kind == CXCursor_FunctionDecl
      ? consume(clang_getCursorSpelling(referenced)) : nil
    // The callee expression matters only for calls through pointers.
    let calleeExpr =
      callee == nil
      ? (parts.first.map(expression)
        ?? Expr(.unsupported("callee", []), type: .unknown, location: firstLocation(of: cursor)))
      : Expr(.name(callee!, .function), type: .unknown, location: firstLocation(of: cursor), text: callee!)
    return make(.call(callee: callee, calleeExpr: calleeExpr, arguments: arguments))
  }

  private func reference(_ cursor: CXCursor) -> Reference {
    let referenced = clang_getCursorReferenced(cursor)
    if isNull(referenced) { return .unknown }
    switch referenced.kind {
    case CXCursor_ParmDecl:
      return parameterIndex[consume(clang_getCursorSpelling(referenced))].map { .parameter(index: $0) } ?? .local
    case CXCursor_VarDecl:
      let storage = clang_Cursor_getStorageClass(referenced)
      let parent = clang_getCursorSemanticParent(referenced)
      if storage == CX_SC_Static || storage == CX_SC_Extern || parent.kind == CXCursor_TranslationUnit {
        return .global(constancy.constancy(of: referenced))
      }
      return .local
    case CXCursor_FunctionDecl:
      return .function
    case CXCursor_EnumConstantDecl:
      return .enumerator(Int(clang_getEnumConstantDeclValue(referenced)))
    default:
      return .unknown
    }
  }

  /// The value a read (`conversion`, clang's implicit load) of an integer `const` global gets
  /// where that global is the same on every rank (`static const int NC = 8;` as a stride in
  /// `a[i * NC + j]`): clang's value of its constant initializer, which a correct program never
  /// changes (no conversion in the unit takes its `const` away: `ConstancyJudge`), as an
  /// enumerator's. Nil for any other operand; `&NC` is no read.
  private func sharedConstantRead(_ conversion: CXCursor, of operand: Expr) -> Int? {
    guard case .name(_, .global(.sameOnEveryRank)) = operand.kind, operand.type.kind == .integer else { return nil }
    return evaluateInteger(conversion)
  }

  private func evaluateInteger(_ cursor: CXCursor) -> Int? {
    guard let result = clang_Cursor_Evaluate(cursor) else { return nil }
    defer { clang_EvalResult_dispose(result) }
    guard clang_EvalResult_getKind(result) == CXEval_Int else { return nil }
    if clang_EvalResult_isUnsignedInt(result) != 0 {
      return Int(exactly: clang_EvalResult_getAsUnsigned(result))
    }
    return Int(clang_EvalResult_getAsLongLong(result))
  }

  // MARK: Operators

  static let binaryOperators: Set<String> = [
    "+", "-", "*", "/", "%", "<<", ">>", "<", ">", "<=", ">=", "==", "!=", "&", "^", "|", "&&", "||", "=", "+=",
    "-=", "*=", "/=", "%=", "<<=", ">>=", "&=", "^=", "|=", ",",
  ]
  static let unaryOperators: Set<String> = ["-", "+", "!", "~", "*", "&", "++", "--"]

  private func binaryOperator(_ cursor: CXCursor, _ lhs: CXCursor, _ rhs: CXCursor) -> String {
    let file = firstLocation(of: cursor).file
    let left = offsets(of: lhs)
    let right = offsets(of: rhs)
    if left.upperBound <= right.lowerBound {
      let between = sources.code(file: file, range: left.upperBound..<right.lowerBound)
      if Self.binaryOperators.contains(between) { return between }
    }
    // In a macro, at any depth: where clang's print of the function spells it.
    if let op = operatorOfExpansion(cursor) { return op }
    // Where the second parse does not tell (a print that does not parse back the same), the
    // text where the operands are spelled. Where a macro supplies one operand (`i * N`) the text between the operands still shows
    // the operator; where the operator itself comes from a macro body, look between the
    // operands' spelling locations. Only between them: libclang 14 spells a token of a macro's
    // body at the macro's use, so the text next to one operand alone is the use's neighbour
    // (`i + VAR_DENSITY_ENERGY * n`, its `(VAR_MOMENTUM + NDIM)` once read as `1 * 3`).
    if let end = spelling(clang_getRangeEnd(extents.extent(of: lhs))),
      let start = spelling(clang_getRangeStart(extents.extent(of: rhs))),
      end.file == start.file, end.offset <= start.offset
    {
      // Not a comma: between two arguments of one macro (`SUB(n, i)` for `n - i`), the use's.
      let between = sources.code(file: end.file, range: end.offset..<start.offset)
      if between != ",", Self.binaryOperators.contains(between) { return between }
    }
    // An operator in a macro's body (`((i)+(nx)*((j)+(ny)*(k)))`): the token right before the
    // right operand's first token, where that token is really spelled.
    if let op = operatorSpelledBefore(rhs) { return op }
    // One whose right operand begins with a macro's argument (`(_i)+_nx*(...)`): the body's.
    if let first = trueSpelling(of: clang_getRangeStart(extents.extent(of: rhs)), in: rhs),
      let op = sources.operatorBeforeArgument(file: first.file, at: first.offset)
    {
      return op
    }
    // libclang 14 gives neither the kind of an operator nor the spelling location inside a
    // macro's body (it maps every location to the expansion); the analysis treats "?" as an
    // unknown value, which keeps its figures conservative.
    return "?"
  }

  /// The operator of `cursor` as clang's print of the function being converted spells it.
  private func operatorOfExpansion(_ cursor: CXCursor) -> String? {
    guard let functionName else { return nil }
    return expandedOperators?.operatorOf(cursor, inFunction: functionName)
  }

  /// The binary operator right before `operand`'s first token where that token is spelled,
  /// found by the one libclang 14 call that follows a location into a macro's body:
  /// `clang_tokenize` lexes from a range's true spelling location (the other location calls
  /// give the macro's use). In the tokens clang parses, a binary operator is the token right
  /// before its right operand's first token; in the text where that token is spelled, the
  /// token before it is the same one when it is an operator: in a macro's body the tokens
  /// are expanded in their order, and a parameter, a macro or a `##` there would be a name or
  /// `##`, not an operator; in a macro's argument, the argument's own tokens come in their
  /// order too, and its first one follows `(` or `,` (neither taken). So only a run of
  /// operator characters that is exactly one operator, whitespace around it, counts; a
  /// comma, a comment, a directive or a line continuation between them gives nil.
  private func operatorSpelledBefore(_ operand: CXCursor) -> String? {
    guard let first = trueSpelling(of: clang_getRangeStart(extents.extent(of: operand)), in: operand) else {
      return nil
    }
    let bytes = sources.bytes(first.file)
    guard first.offset <= bytes.count else { return nil }
    let whitespace: Set<UInt8> = [0x20, 0x09, 0x0a, 0x0d]
    let operatorCharacters = Set("+-*/%<>=!&|^,~".utf8)
    var index = first.offset - 1
    while index >= 0, whitespace.contains(bytes[index]) { index -= 1 }
    let end = index + 1
    while index >= 0, operatorCharacters.contains(bytes[index]) { index -= 1 }
    let run = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
    guard run != ",", Self.binaryOperators.contains(run) else { return nil }
    // Not in a `//` comment, nor at the end of a directive the operand does not continue
    // (`x -` / `#define PLUS +` / `y` is `x - y`).
    var lineStart = index + 1
    while lineStart > 0, bytes[lineStart - 1] != 0x0a { lineStart -= 1 }
    let before = String(decoding: bytes[lineStart..<(index + 1)], as: UTF8.self)
    let sameLine = !bytes[end..<first.offset].contains(0x0a)
    guard !before.contains("//"), sameLine || !before.trimmingCharacters(in: .whitespaces).hasPrefix("#") else {
      return nil
    }
    return run
  }

  /// Where the token at `location` is spelled, in a macro's body too (`clang_tokenize` lexes
  /// from the spelling location); nil for a token made by `##` (scratch space, no file).
  private func trueSpelling(of location: CXSourceLocation, in cursor: CXCursor) -> (file: String, offset: Int)? {
    firstToken(at: location, in: cursor).flatMap { spelling($0.location) }
  }

  /// The token lexed at `location` where it is really spelled (`clang_tokenize` lexes from a
  /// range's true spelling location), and that location.
  private func firstToken(at location: CXSourceLocation, in cursor: CXCursor) -> (
    text: String, location: CXSourceLocation
  )? {
    let unit = clang_Cursor_getTranslationUnit(cursor)
    var tokens: UnsafeMutablePointer<CXToken>?
    var count: UInt32 = 0
    clang_tokenize(unit, clang_getRange(location, location), &tokens, &count)
    guard let tokens else { return nil }
    defer { clang_disposeTokens(unit, tokens, count) }
    guard count >= 1 else { return nil }
    return (consume(clang_getTokenSpelling(unit, tokens[0])), clang_getTokenLocation(unit, tokens[0]))
  }

  private func unaryOperator(_ cursor: CXCursor, _ operand: CXCursor) -> String {
    let file = firstLocation(of: cursor).file
    let whole = offsets(of: cursor)
    let inner = offsets(of: operand)
    if whole.lowerBound < inner.lowerBound {
      let before = sources.code(file: file, range: whole.lowerBound..<inner.lowerBound)
      if Self.unaryOperators.contains(before) { return before }
    }
    if inner.upperBound < whole.upperBound {
      let after = sources.code(file: file, range: inner.upperBound..<whole.upperBound)
      if after == "++" || after == "--" { return "post" + after }
    }
    if let op = operatorOfExpansion(cursor) { return op }
    // A prefix operator in a macro's body (`#define OFF -2`) begins its expression, before its
    // operand begins: the token there, where it is spelled, is the operator.
    if clang_equalLocations(
      clang_getRangeStart(extents.extent(of: cursor)), clang_getRangeStart(extents.extent(of: operand))) == 0,
      let start = trueSpelling(of: clang_getRangeStart(extents.extent(of: cursor)), in: cursor),
      let op = operatorToken(in: start.file, from: start.offset, forward: true, among: Self.unaryOperators)
    {
      return op
    }
    // In a macro: compare where the operator and the operand are spelled.
    if let operatorStart = spelling(clang_getRangeStart(extents.extent(of: cursor))),
      let operandStart = spelling(clang_getRangeStart(extents.extent(of: operand)))
    {
      if operatorStart.file == operandStart.file && operatorStart.offset < operandStart.offset {
        let before = sources.code(file: operatorStart.file, range: operatorStart.offset..<operandStart.offset)
        if Self.unaryOperators.contains(before) { return before }
      }
      if let end = spelling(clang_getRangeEnd(extents.extent(of: operand))),
        let op = operatorToken(in: end.file, from: end.offset, forward: true, among: ["++", "--"])
      {
        return "post" + op
      }
    }
    return "?"
  }

  /// A unary operator spelled in a macro's body, told by its types: `*p` has the type `p`
  /// points to, `&x` a pointer to `x`'s type; one of the type of its operand may be `++`/`--`
  /// (or `-`, `~`, `+`, taken for a step to be safe): "?++"; anything else ("?") neither
  /// loads, stores nor takes an address (`!x`, `-c` promoted).
  private func hiddenUnaryOperator(_ cursor: CXCursor, _ operand: CXCursor) -> String {
    let result = clang_getCanonicalType(clang_getCursorType(cursor))
    let operandType = clang_getCanonicalType(clang_getCursorType(operand))
    let pointee = clang_getCanonicalType(clang_getPointeeType(operandType))
    if pointee.kind != CXType_Invalid, clang_equalTypes(result, pointee) != 0 { return "*" }
    let resultPointee = clang_getCanonicalType(clang_getPointeeType(result))
    if resultPointee.kind != CXType_Invalid, clang_equalTypes(resultPointee, operandType) != 0 { return "&" }
    if clang_equalTypes(result, operandType) != 0 { return "?++" }
    return "?"
  }

  private func offsets(of cursor: CXCursor) -> Range<Int> { mapper.range(extents.extent(of: cursor)) }
  private func firstLocation(of cursor: CXCursor) -> SourceLocation { mapper.start(extents.extent(of: cursor)) }

  private func spelling(_ location: CXSourceLocation) -> (file: String, offset: Int)? {
    var file: CXFile?
    var offset: UInt32 = 0
    clang_getSpellingLocation(location, &file, nil, nil, &offset)
    guard let file else { return nil }
    return (mapper.name(of: file), Int(offset))
  }

  /// The operator token that starts (forward) or ends (backward) at `offset`, after
  /// white space, by longest match.
  private func operatorToken(in file: String, from offset: Int, forward: Bool, among operators: Set<String>)
    -> String?
  {
    let bytes = sources.bytes(file)
    let operatorCharacters = Set("+-*/%<>=!&|^,~".utf8)
    var index = offset
    if forward {
      while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0a { index += 1 }
      var end = index
      while end < bytes.count, end - index < 3, operatorCharacters.contains(bytes[end]) { end += 1 }
      for length in stride(from: end - index, through: 1, by: -1) {
        let candidate = String(decoding: bytes[index..<index + length], as: UTF8.self)
        if operators.contains(candidate) { return candidate }
      }
    } else {
      index -= 1
      while index >= 0, index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0a {
        index -= 1
      }
      var start = index
      while start >= 0, start < bytes.count, index - start < 3, operatorCharacters.contains(bytes[start]) { start -= 1 }
      for length in stride(from: index - start, through: 1, by: -1) {
        let candidate = String(decoding: bytes[(index - length + 1)...index], as: UTF8.self)
        if operators.contains(candidate) { return candidate }
      }
    }
    return nil
  }

}

extension Expr {
  /// Whether evaluating the expression changes nothing and calls nothing: no assignment, step,
  /// call, nor operator or syntax the conversion could not read.
  fileprivate var hasNoEffects: Bool {
    switch kind {
    case .integerLiteral, .floatingLiteral, .stringLiteral, .name, .constant: return true
    case .binary(let op, let a, let b):
      let assigns = op.hasSuffix("=") && !["==", "!=", "<=", ">="].contains(op)
      return !assigns && op != "?" && a.hasNoEffects && b.hasNoEffects
    case .unary(let op, let a):
      return !["++", "--", "post++", "post--", "?++", "?"].contains(op) && a.hasNoEffects
    case .cast(let a), .member(let a, _, _): return a.hasNoEffects
    case .subscripted(let a, let i): return a.hasNoEffects && i.hasNoEffects
    case .conditional(let a, let b, let c): return a.hasNoEffects && b.hasNoEffects && c.hasNoEffects
    case .call, .initializerList, .unsupported: return false
    }
  }
}
