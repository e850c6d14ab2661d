import CSyntax
import DoscAnalysis

/// The C that lets a site's task run on another MPI rank (`dosc_remote_site` in dosc_abi.h),
/// generated from the manifest: which fields of the site's argument struct are pointers, what
/// each one's elements are, and its footprint `[first, first+count)` and written footprint
/// `[write_first, write_first+write_count)` as C over the struct's scalar fields. A site gets it
/// only when every figure is known: anything the runtime could not ship exactly (an address
/// inside the data, a footprint that is not bounded) keeps the task on rank 0.
struct RemoteMarshalling {
  /// Declarations before the function holding the site (the dispatch refers to the site).
  let declaration: String
  /// Definitions after the site's thunk.
  let definition: String
  /// The C name of the `dosc_remote_site`.
  let siteName: String
  /// The C name of `static long long NAME(const void *args)`: the task's own shipped bytes at
  /// the spawn's arguments, for the spawn-time remote test (`dosc_spawn_choice`).
  let spawnBytesName: String

  /// One argument of the site, as the rewrite declared it in `struct dosc_args_N` (field `aK`).
  struct Argument {
    var type: CType
    var parameter: ParameterFigures?
  }

  /// Why the site cannot run remotely, or its marshalling.
  enum Outcome {
    case marshalled(RemoteMarshalling)
    case local(reason: String)
  }

  static func generate(
    suffix: String, task: AnalyzedTask, arguments: [Argument], result: CType?, structName: String,
    thunkName: String
  ) -> Outcome {
    guard task.isRemotable, !task.isOpaque else { return .local(reason: "the task is not remotable") }
    if let result, !result.isArithmetic {
      return .local(reason: "its result '\(result.spelling)' is not a number")
    }
    // Scalars travel by value; the footprints are C over them.
    let scalars: [WorkExpression.Argument] = arguments.enumerated().compactMap { index, argument in
      guard let parameter = argument.parameter else { return nil }
      return WorkExpression.Argument(
        name: parameter.name, value: "dosc_a->a\(index)", isArithmetic: argument.type.isArithmetic)
    }
    var params: [String] = []
    var regions: [String] = []
    var ownBytes: [String] = []
    var touched: [String] = []
    for (index, argument) in arguments.enumerated() {
      let type = argument.type
      if type.isArithmetic { continue }
      guard type.isPointerLike, let parameter = argument.parameter else {
        return .local(reason: "parameter \(index + 1) ('\(type.spelling)') is neither a number nor a pointer")
      }
      let element = type.elementSpelling ?? ""
      if element.contains("*") || element.contains("(") || element == "void" || element.hasSuffix(" void") {
        return .local(reason: "'\(parameter.name)' points to '\(element)': its data would carry addresses")
      }
      guard let elementSize = parameter.elementSize, elementSize > 0 else {
        return .local(reason: "the element size of '\(parameter.name)' is unknown")
      }
      let access: String
      switch parameter.access {
      case .none: access = "DOSC_ACCESS_NONE"
      case .read: access = "DOSC_ACCESS_READ"
      case .write: access = "DOSC_ACCESS_WRITE"
      case .readwrite: access = "DOSC_ACCESS_READWRITE"
      }
      let k = params.count
      // The same region for every sibling: a replica candidate (dosc_replicated).
      let sameRegion = parameter.footprint.first?.integerValue != nil ? 1 : 0
      // The granule is C's to say (dosc_abi.h): whether the element is one arithmetic object.
      // A dense write goes back whole, with no compare; a dense `out` one is not shipped in.
      let dense = parameter.written != nil && parameter.writeDense
      params.append(
        "{ offsetof(struct \(structName), a\(index)), \(elementSize), \(access), \(sameRegion), "
          + "DOSC_GRANULE(*((struct \(structName) *)0)->a\(index)), \(dense ? 1 : 0) }")
      if parameter.access == .none {
        regions.append(
          "dosc_f[\(k)].first = 0; dosc_f[\(k)].count = 0; dosc_f[\(k)].write_first = 0; dosc_f[\(k)].write_count = 0;")
        continue
      }
      guard let first = WorkExpression.value(parameter.footprint.first, arguments: scalars),
        let count = WorkExpression.value(parameter.footprint.count, arguments: scalars)
      else {
        return .local(reason: "the footprint of '\(parameter.name)' is not a formula over the task's numbers")
      }
      var writeFirst = "0"
      var writeCount = "0"
      if parameter.access == .write || parameter.access == .readwrite {
        // Only the written footprint goes back: without it, shipping the whole footprint back
        // would overwrite a neighbour's cells with stale copies.
        guard let written = parameter.written,
          let first = WorkExpression.value(written.first, arguments: scalars),
          let count = WorkExpression.value(written.count, arguments: scalars)
        else {
          return .local(reason: "the written footprint of '\(parameter.name)' is not bounded")
        }
        (writeFirst, writeCount) = (first, count)
      }
      regions.append(
        "dosc_f[\(k)].first = \(first); dosc_f[\(k)].count = \(count); "
          + "dosc_f[\(k)].write_first = \(writeFirst); dosc_f[\(k)].write_count = \(writeCount);")
      // What the task surely touches lies in its array: the footprint is read as it is there
      // (all of it where they are the same), and without faults past it (dosc_remote_site).
      if let when = WorkExpression.value(parameter.touchedWhen, arguments: scalars),
        let first = WorkExpression.value(parameter.touched?.first, arguments: scalars),
        let count = WorkExpression.value(parameter.touched?.count, arguments: scalars)
      {
        touched.append("if (\(when) > 0) { dosc_t[\(k)].first = \(first); dosc_t[\(k)].count = \(count); }")
      }
      // Every footprint goes in, a written one as the twin its write-back is compared against,
      // but a dense `out` one (dosc_shipped_in).
      if !(dense && parameter.access == .write) {
        let read = "dosc__mul(dosc__nonneg(\(count)), \(elementSize)LL)"
        ownBytes.append(
          "dosc_n = \(read); if (!dosc_replicated(\(parameter.access == .read ? 1 : 0), \(sameRegion), (double)dosc_n)) "
            + "dosc_b = dosc__add(dosc_b, dosc_n);")
      }
      if parameter.access == .write || parameter.access == .readwrite {
        ownBytes.append("dosc_b = dosc__add(dosc_b, dosc__mul(dosc__nonneg(\(writeCount)), \(elementSize)LL));")
      }
    }
    // The figures were worked out assuming the signed integer parameters are not negative
    // (sizes, bounds, strides: SPEC section 4), every one of them, not only those a figure
    // mentions: `for (i = k; i < 0; i++) a[i + 60]` is [0, 60) because k >= 0 empties the loop,
    // and shipped with k = -100 it wrote a[-40] on the serving rank. A spawn where one is
    // negative stays here.
    let assumptions = arguments.enumerated().compactMap { index, argument -> String? in
      guard argument.parameter != nil, argument.type.kind == .integer, !argument.type.isUnsigned else { return nil }
      return "if (dosc_a->a\(index) < 0) return 1;"
    }
    let siteName = "dosc_remote_\(suffix)"
    let spawnBytesName = "dosc_spawn_bytes_\(suffix)"
    let paramsName = params.isEmpty ? "(const dosc_remote_param *)0" : "dosc_remote_params_\(suffix)"
    var definition = ""
    if !params.isEmpty {
      definition +=
        "static const dosc_remote_param dosc_remote_params_\(suffix)[] = { \(params.joined(separator: ", ")) };\n"
    }
    definition +=
      "static int dosc_footprint_\(suffix)(const void *dosc_p, dosc_region *dosc_f) { "
      + "const struct \(structName) *dosc_a = (const struct \(structName) *)dosc_p; (void)dosc_a; (void)dosc_f; "
      + (assumptions + regions).joined(separator: " ") + " return 0; }\n"
    // What the spawn-time test weighs: footprints in (not replicated), written footprints back.
    definition +=
      "static long long \(spawnBytesName)(const void *dosc_p) { "
      + "const struct \(structName) *dosc_a = (const struct \(structName) *)dosc_p; (void)dosc_a; "
      + "long long dosc_b = 0, dosc_n = 0; (void)dosc_n; " + ownBytes.joined(separator: " ") + " return dosc_b; }\n"
    definition +=
      "static void dosc_touched_\(suffix)(const void *dosc_p, dosc_region *dosc_t) { "
      + "const struct \(structName) *dosc_a = (const struct \(structName) *)dosc_p; (void)dosc_a; (void)dosc_t; "
      + touched.joined(separator: " ") + " }\n"
    let resultOffset = result == nil ? "-1" : "(long long)offsetof(struct \(structName), dosc_r)"
    let resultSize = result == nil ? "0" : "sizeof *((struct \(structName) *)0)->dosc_r"
    definition +=
      "static dosc_remote_site \(siteName) = { \(thunkName), sizeof(struct \(structName)), \(resultOffset), "
      + "\(resultSize), \(params.count), \(paramsName), dosc_footprint_\(suffix), \"\(task.name)\", -1, "
      + "dosc_touched_\(suffix) };\n"
    return .marshalled(
      RemoteMarshalling(
        declaration: "static dosc_remote_site \(siteName);\nstatic long long \(spawnBytesName)(const void *);\n",
        definition: definition, siteName: siteName, spawnBytesName: spawnBytesName))
  }
}
