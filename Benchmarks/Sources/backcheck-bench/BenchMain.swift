import AssessmentKit
import BuiltinEvaluators
import BackCheckYAML
import CatalogueGenerator
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `backcheck-bench`: the measurements run.sh makes in-process. Each prints `figure NAME VALUE
/// UNIT` lines; problems go to standard error with a non-zero exit.
///
///     backcheck-bench generate N DIR [SEED]     write N generated assessment files into DIR
///     backcheck-bench answers N [SEED]          print N answer records (JSON Lines) for the built-in catalogue
///     backcheck-bench load DIR [LABEL]          read DIR and load it over the built-in catalogue, as `lint` does, timed by phase
///     backcheck-bench parse DIR                 parse DIR's files into trees on one core, each tree dropped at once (no load)
///     backcheck-bench evaluate N                read + score + JSON-export N answer sets, timed by phase
///     backcheck-bench render N                  render N reports in every format, timed per format
///     backcheck-bench module DIR N [TWIN]       a WebAssembly evaluator (DIR: Plugins/linear-curve/catalogue) beside its
///                                               compiled twin, which it writes into TWIN for `backcheck batch`
@main
enum BenchMain {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        func number(_ index: Int) -> Int? { arguments.count > index ? Int(arguments[index]) : nil }
        switch (arguments.first, number(1)) {
        case ("generate", let count?) where arguments.count >= 3:
            generate(count, into: arguments[2], seed: UInt64(number(3) ?? 1))
        case ("answers", let count?):
            answers(count, seed: UInt64(number(2) ?? 1))
        case ("load", _) where arguments.count >= 2:
            load(arguments[1], label: arguments.count > 2 ? arguments[2] : "load")
        case ("parse", _) where arguments.count >= 2:
            parse(arguments[1])
        case ("evaluate", let count?):
            Evaluation.run(count)
        case ("render", let count?):
            Evaluation.render(count)
        case ("module", _) where arguments.count >= 3 && Int(arguments[2]) != nil:
            ModuleCost.run(catalogue: arguments[1], count: Int(arguments[2])!, twinFolder: arguments.count > 3 ? arguments[3] : nil)
        default:
            fail("usage: backcheck-bench generate N DIR [SEED] | answers N [SEED] | load DIR [LABEL] | parse DIR | evaluate N | render N | module DIR N", status: 64)
        }
    }

    /// Writes `text` whole to the file `descriptor` (1 standard output, 2 standard error).
    static func emit(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                guard written > 0 else { return }
                offset += written
            }
        }
    }

    static func fail(_ message: String, status: Int32 = 1) -> Never {
        emit(message + "\n", to: 2)
        exit(status)
    }

    /// The built-in catalogue, or a failure.
    static func builtInCatalogue() -> Catalogue {
        let result = CatalogueLoader(registry: .builtIn).load([.builtIn])
        guard let catalogue = result.catalogue else { fail("the built-in catalogue does not load:\n\(result.diagnostics.map(\.description).joined(separator: "\n"))") }
        return catalogue
    }

    static func generate(_ count: Int, into folder: String, seed: UInt64) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            var bytes = 0
            for index in 0..<count {
                let file = CatalogueGenerator.assessment(index: index, seed: seed)
                bytes += file.text.utf8.count
                try Data(file.text.utf8).write(to: URL(fileURLWithPath: "\(folder)/\(file.name)"))
            }
            print("wrote \(count) files, \(bytes / 1024) KiB, to \(folder)")
        } catch {
            fail("cannot write the generated files: \(error)")
        }
    }

    static func answers(_ count: Int, seed: UInt64) {
        var synthesizer = AnswerSynthesizer(catalogue: builtInCatalogue(), seed: seed)
        var buffer = ""
        for index in 0..<count {
            buffer += synthesizer.record(index)
            buffer += "\n"
            if buffer.utf8.count > 1 << 16 {
                emit(buffer, to: 1)
                buffer = ""
            }
        }
        emit(buffer, to: 1)
    }

    /// Reads the files, loads them over the built-in catalogue, runs the examples: each timed.
    static func load(_ folder: String, label: String) {
        let builtIn = CatalogueLayer.builtIn
        let ((layer, problems), readTime, readCPU) = Measure.timeAndCPU { CatalogueLayer.fromDisk(folder) }
        guard problems.isEmpty else { fail(problems.map(\.description).joined(separator: "\n")) }
        let bytes = layer.files.reduce(0) { $0 + $1.bytes.count }
        let (result, loadTime, loadCPU) = Measure.timeAndCPU { CatalogueLoader(registry: .builtIn).load([builtIn, layer]) }
        let (examples, exampleTime) = Measure.time { ExampleRunner.check(result.partial) }
        let problemsFound = result.diagnostics.errors.count + examples.errors.count
        if problemsFound > 0 {
            let shown = (Array(result.diagnostics.errors) + Array(examples.errors)).prefix(20).map(\.description)
            fail("\(problemsFound) errors in the generated catalogue, e.g.:\n\(shown.joined(separator: "\n"))")
        }
        print("\(label): \(layer.files.count) files, \(bytes / 1024) KiB, \(result.partial.assessments.count) assessments")
        report("\(label).read", readTime, "s")
        report("\(label).load", loadTime, "s")
        // What `backcheck lint DIR` does before running examples, and so what the floor (which
        // reads its files too) is compared with.
        report("\(label).read_load", readTime + loadTime, "s")
        report("\(label).read_load_cpu", readCPU + loadCPU, "s")
        report("\(label).examples", exampleTime, "s")
        report("\(label).MiBps", Double(bytes) / 1_048_576 / loadTime, "MiB/s", digits: 1)
        report("\(label).peak_rss", Measure.peakRSSMiB(), "MiB", digits: 1)
        // Where the load's time goes: the parse into trees alone, on one core, beside the C
        // floor (libyaml's events only) that run.sh measures.
        let parser = YAMLParser(allowsTags: false)
        let (_, _, parseCPU) = Measure.timeAndCPU { layer.files.reduce(0) { $0 + parser.parse($1.bytes, file: $1.path).documents.count } }
        report("\(label).parse_one_core", parseCPU, "s")
    }

    /// The parse into trees alone, on one core, in a process that has loaded nothing else:
    /// the part of loading that the C floor (libyaml's events only) is compared with.
    static func parse(_ folder: String) {
        let (layer, problems) = CatalogueLayer.fromDisk(folder)
        guard problems.isEmpty else { fail(problems.map(\.description).joined(separator: "\n")) }
        let parser = YAMLParser(allowsTags: false)
        var best = Double.infinity
        var documents = 0
        for _ in 0..<3 {
            let (count, _, cpu) = Measure.timeAndCPU {
                layer.files.reduce(0) { $0 + parser.parse($1.bytes, file: $1.path).documents.count }
            }
            documents = count
            best = min(best, cpu)
        }
        print("parse: \(layer.files.count) files, \(documents) documents")
        report("parse.one_core", best, "s")
    }
}
