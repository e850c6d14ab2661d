import CSyntax
import DoscManifest
import DoscSupport
import Foundation
import SymbolicAlgebra

/// Everything the analysis found in one translation unit: the manifest's content, plus the
/// sites and taskwaits with their syntax, which the rewriter needs.
public struct AnalysisResult: Sendable {
  /// The tasks as the analysis infers them, before any site's clauses.
  public var tasks: [AnalyzedTask]
  public var sites: [Manifest.Site]
  public var spawnSites: [SpawnSite]
  public var taskwaits: [TaskwaitPoint]
  /// Per site id, for sites with clauses: the task as the site's clauses state it.
  public var siteTasks: [Int: AnalyzedTask] = [:]
  /// With `exportingDefinitions`: figures of every function with external linkage defined in
  /// the main file (but `main`), for sites in other units.
  public var exports: [AnalyzedTask] = []
}

/// `dosc analyze`'s work on one parsed file: find the sites, analyze each task, assemble the
/// manifest's tasks and sites. Errors are thrown together; warnings go to `diagnostics`.
public enum Analyzer {
  public static func analyze(
    _ unit: TranslationUnit, diagnostics: DiagnosticEngine, exportingDefinitions: Bool = false
  ) throws -> AnalysisResult {
    let source = Array(unit.source.utf8)
    var errors: [Diagnostic] = []
    var spawnSites: [SpawnSite] = []
    var taskwaits: [TaskwaitPoint] = []

    // `_Pragma("dosc ...")` is checked like the directive it spells (an unknown one is an
    // error). A task spelled so is not seen and its call runs as a plain call, which is the
    // serial elision: a warning. A taskwait spelled so would be lost, and the code after it
    // could read what the tasks have not written yet: an error.
    for pragmaOperator in unit.pragmaOperators {
      do {
        let directive = try DirectiveParser.parse(pragmaOperator.line)
        let spelled = "_Pragma(\"dosc " + pragmaOperator.line.tokens.map(\.spelling).joined(separator: " ") + "\")"
        let inMacro = pragmaOperator.macro.map { " in the macro '\($0)'" } ?? ""
        if directive == .taskwait {
          throw DiagnosedFailure(
            Diagnostic(
              .error, at: pragmaOperator.location,
              "'\(spelled)'\(inMacro) is not seen by dosc, and a lost taskwait changes what the program computes; "
                + "write '#pragma dosc taskwait' on a line of its own", category: "pragma"))
        }
        let message =
          pragmaOperator.macro == nil
          ? "'\(spelled)' is not seen by dosc: the call after it runs as a plain call; "
            + "write '#pragma dosc task' on a line of its own before it"
          : "'\(spelled)'\(inMacro) is not seen by dosc: the calls it expands to run as plain calls; "
            + "write '#pragma dosc task' on a line of its own before each call"
        diagnostics.warning(message, at: pragmaOperator.location, category: "pragma")
      } catch let failure as DiagnosedFailure {
        errors += failure.diagnostics
      }
    }
    for included in unit.includedPragmas {
      do {
        try IncludedPragmaCheck.check(included, in: unit, diagnostics: diagnostics)
      } catch let failure as DiagnosedFailure {
        errors += failure.diagnostics
      }
    }
    var statementIndexes: [Int: StatementIndex] = [:]  // by the function body's start
    for pragma in unit.pragmas {
      do {
        let directive = try DirectiveParser.parse(pragma)
        guard let function = unit.function(enclosing: pragma.range.lowerBound) else {
          throw DiagnosedFailure(
            Diagnostic(.error, at: pragma.location, "'#pragma dosc' must be inside a function body", category: "pragma")
          )
        }
        switch directive {
        case .taskwait:
          taskwaits.append(TaskwaitPoint(pragma: pragma, function: function))
        case .task(let clauses):
          let statements =
            statementIndexes[function.body.range.lowerBound] ?? StatementIndex(function.body)
          statementIndexes[function.body.range.lowerBound] = statements
          spawnSites.append(
            try SiteFinder.site(
              for: pragma, clauses: clauses, id: spawnSites.count, in: function, statements: statements,
              source: source))
        }
      } catch let failure as DiagnosedFailure {
        errors += failure.diagnostics
      }
    }
    if !errors.isEmpty { throw DiagnosedFailure(errors) }

    let context = AnalysisContext(unit: unit)
    var tasks: [AnalyzedTask] = []
    for site in spawnSites where !tasks.contains(where: { $0.name == site.callee }) {
      tasks.append(
        context.definition(named: site.callee).map {
          TaskFigures.task($0, summary: context.summary(of: $0), measure: context.recursionMeasure(of: $0))
        }
          ?? TaskFigures.opaqueTask(
            named: site.callee, declaration: unit.functions.declaration(named: site.callee), site: site))
    }
    var sites = SiteLoops.describe(spawnSites, taskwaits: taskwaits, context: context)
    var siteTasks: [Int: AnalyzedTask] = [:]
    for (position, site) in spawnSites.enumerated() where !site.clauses.isEmpty {
      do {
        let task = try ClauseCheck.apply(
          site, to: tasks.first { $0.name == site.callee }!, diagnostics: diagnostics)
        siteTasks[site.id] = task
        let rendered = task.manifestTask
        sites[position].clauses = site.clauses.map { "\($0.mode.rawValue)(\($0.description))" }
        (sites[position].params, sites[position].remotable, sites[position].reasons) =
          (rendered.params, rendered.remotable, rendered.reasons)
      } catch let failure as DiagnosedFailure {
        errors += failure.diagnostics
      }
    }
    if !errors.isEmpty { throw DiagnosedFailure(errors) }
    var result = AnalysisResult(
      tasks: tasks, sites: sites, spawnSites: spawnSites, taskwaits: taskwaits, siteTasks: siteTasks)
    if exportingDefinitions {
      for (name, _) in unit.functions.mainFileFunctions where name != "main" {
        guard let definition = context.definition(named: name), !definition.isStatic else { continue }
        result.exports.append(
          TaskFigures.task(
            definition, summary: context.summary(of: definition), measure: context.recursionMeasure(of: definition)))
      }
    }
    return result
  }
}
