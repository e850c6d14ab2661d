import DoscSupport

/// What a name in an expression refers to.
public enum Reference: Hashable, Sendable {
  /// A parameter of the function being converted, by position.
  case parameter(index: Int)
  /// A local variable (automatic storage) of that function.
  case local
  /// A variable with static storage: file-scope, `static` local or `extern`.
  case global(GlobalConstancy)
  /// A load of an integer global that is `GlobalConstancy.sameOnEveryRank` (`static const int
  /// NC = 8;` read in `a[i * NC + j]`), with the value of its constant initializer.
  case sharedConstantRead(Int)
  case function
  /// An enumerator, with its value.
  case enumerator(Int)
  case unknown
}

/// Whether a variable of static storage holds the same bytes in every process that runs the
/// executable, so that a task reading it on another rank reads what rank 0 would.
public enum GlobalConstancy: Hashable, Sendable {
  /// A `const` object (or array of them) defined in this unit with a constant initializer,
  /// holding no address, whose `const` no conversion in the unit takes away.
  case sameOnEveryRank
  /// `const`, but not known to be the same on every rank: why (`holds addresses, ...`).
  case constButVarying(String)
  /// Not `const`: the program may change it.
  case mutable
}

/// Expressions, converted from clang's AST with what the analyzer needs and nothing more.
/// Implicit casts and parentheses are dropped; explicit casts are kept (they can change the
/// element type of a pointer).
public indirect enum ExprKind: Hashable, Sendable {
  case integerLiteral(Int)
  case floatingLiteral
  case stringLiteral
  case name(String, Reference)
  /// Binary operators, including assignments (`=`, `+=`, ...) and the comma, by spelling.
  case binary(String, Expr, Expr)
  /// Prefix operators (`-`, `!`, `~`, `*`, `&`, `++`, `--`) and postfix `++`/`--` as `post++`.
  case unary(String, Expr)
  case subscripted(Expr, index: Expr)
  /// A call. `callee` is the called function's name when the call is direct.
  case call(callee: String?, calleeExpr: Expr, arguments: [Expr])
  case member(Expr, field: String, arrow: Bool)
  case cast(Expr)
  case conditional(Expr, Expr, Expr)
  /// `sizeof`, `_Alignof` and other constant expressions clang could evaluate.
  case constant(Int)
  case initializerList([Expr])
  /// Something the converter does not model (statement expressions, compound literals, ...).
  case unsupported(String, [Expr])
}

/// The kind of `.unsupported` expression or statement a converter leaves where the syntax goes
/// deeper than it follows (`BodyConverter.depthLimit`): what is below is unknown, so the
/// analysis takes it to do anything.
public let nestedTooDeeply = "nested too deeply"

public struct Expr: Hashable, Sendable {
  public var kind: ExprKind
  public var type: CType
  public var location: SourceLocation
  /// Source text of the expression as written (from tokens), for messages and the rewriter.
  public var text: String
  /// Byte range in the file of the expression as written; for the rewriter.
  public var range: Range<Int>

  public init(_ kind: ExprKind, type: CType, location: SourceLocation, text: String = "", range: Range<Int> = 0..<0) {
    self.kind = kind
    self.type = type
    self.location = location
    self.text = text
    self.range = range
  }

  /// Children in evaluation-agnostic order, for walks that look at everything.
  public var children: [Expr] {
    switch kind {
    case .integerLiteral, .floatingLiteral, .stringLiteral, .name, .constant: []
    case .binary(_, let a, let b): [a, b]
    case .unary(_, let a), .cast(let a), .member(let a, _, _): [a]
    case .subscripted(let a, let i): [a, i]
    case .call(_, let callee, let args): [callee] + args
    case .conditional(let a, let b, let c): [a, b, c]
    case .initializerList(let items), .unsupported(_, let items): items
    }
  }
}

public struct VariableDeclaration: Hashable, Sendable {
  public var name: String
  public var type: CType
  public var initializer: Expr?
  public var isStatic: Bool
  public var location: SourceLocation

  public init(name: String, type: CType, initializer: Expr?, isStatic: Bool, location: SourceLocation) {
    self.name = name
    self.type = type
    self.initializer = initializer
    self.isStatic = isStatic
    self.location = location
  }
}

public indirect enum StmtKind: Hashable, Sendable {
  case compound([Stmt])
  case expression(Expr)
  case declaration([VariableDeclaration])
  case ifStatement(Expr, then: Stmt, else: Stmt?)
  case forLoop(initializer: Stmt?, condition: Expr?, increment: Expr?, body: Stmt)
  case whileLoop(Expr, body: Stmt)
  case doWhile(body: Stmt, condition: Expr)
  case switchStatement(Expr, body: Stmt)
  case caseLabel(Stmt?)
  case returnStatement(Expr?)
  case breakStatement, continueStatement, empty
  /// `goto label`: where the labeled statement it jumps to starts (its `range.lowerBound`);
  /// nil for a computed `goto *p`.
  case gotoStatement(label: Int?)
  case labeled(Stmt?)
  case unsupported(String)
}

public struct Stmt: Hashable, Sendable {
  public var kind: StmtKind
  public var location: SourceLocation
  /// Byte range of the statement as written, including a trailing `;` where there is one.
  public var range: Range<Int>

  public init(_ kind: StmtKind, location: SourceLocation, range: Range<Int>) {
    self.kind = kind
    self.location = location
    self.range = range
  }

  /// Statements nested directly in this one (not through expressions).
  public var children: [Stmt] {
    switch kind {
    case .compound(let items): items
    case .ifStatement(_, let a, let b): [a] + (b.map { [$0] } ?? [])
    case .forLoop(let i, _, _, let body): (i.map { [$0] } ?? []) + [body]
    case .whileLoop(_, let body), .doWhile(let body, _), .switchStatement(_, let body): [body]
    case .caseLabel(let s), .labeled(let s): s.map { [$0] } ?? []
    default: []
    }
  }
}

public struct Parameter: Hashable, Sendable {
  public var name: String
  public var type: CType
  public init(name: String, type: CType) {
    self.name = name
    self.type = type
  }
}

public struct FunctionDefinition: Hashable, Sendable {
  public var name: String
  public var location: SourceLocation
  public var parameters: [Parameter]
  public var returnType: CType
  public var body: Stmt
  public var isStatic: Bool
  public var isVariadic: Bool

  public init(
    name: String, location: SourceLocation, parameters: [Parameter], returnType: CType, body: Stmt,
    isStatic: Bool, isVariadic: Bool
  ) {
    self.name = name
    self.location = location
    self.parameters = parameters
    self.returnType = returnType
    self.body = body
    self.isStatic = isStatic
    self.isVariadic = isVariadic
  }
}

/// A function declared but not defined in the translation unit (a prototype or a library call).
public struct FunctionDeclaration: Hashable, Sendable {
  public var name: String
  public var location: SourceLocation
  public var parameters: [Parameter]
  public var returnType: CType
  public init(
    name: String, location: SourceLocation, parameters: [Parameter], returnType: CType
  ) {
    self.name = name
    self.location = location
    self.parameters = parameters
    self.returnType = returnType
  }
}
