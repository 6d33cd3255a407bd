import ArgumentParser
import CPDKit
import CPDRender
import Foundation

/// `cpd report`: one member's formal CPD record as a PDF.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a CPD log and write the formal CPD record PDF.",
        discussion: "Example: cpd report log.csv --needs needs.csv --body fca-ria --period 2026 -o record.pdf"
    )

    @OptionGroup var selection: SelectionOptions

    @Option(name: .long, help: ArgumentHelp("The page layout: a name from `cpd layouts` or a path to your own layout YAML.", valueName: "NAME|FILE"))
    var layout: String = "formal"

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the PDF (written atomically; never an input file).", valueName: "OUT.pdf"))
    var output: String

    func run() throws {
        for input in selection.inputs + [selection.needs].compactMap({ $0 }) where AtomicFile.sameFile(input, output) {
            throw Failure.invalid("\(output): error: -o names an input file; choose another output path")
        }
        let pipeline = Pipeline(selection: selection)
        let spec: LayoutSpec
        do { spec = try LayoutCatalog.layout(layout) } catch { throw Failure.invalid(String(describing: error)) }
        let stream = try pipeline.importStream()
        let record = stream.member(try pipeline.singleMember(in: stream)).record
        let assessments = try pipeline.assessor()(record)
        let options = RenderOptions.fromEnvironment(creator: "cpd \(CPDVersion.string)")
        let bytes: [UInt8]
        do {
            bytes = try RecordRenderer.render(record, assessments: assessments, layout: spec, options: options)
        } catch {
            throw Failure(message: "cpd: cannot render \(output): \(error)", code: 2)
        }
        do { try AtomicFile.write(bytes, to: output) } catch { throw Failure(message: String(describing: error), code: 2) }
        let verdict = assessments.allSatisfy(\.compliant) ? "requirements met" : "requirements NOT met"
        Terminal.error("Wrote \(output) (\(assessments.map(\.bodyID).joined(separator: ", ")): \(verdict))")
    }
}
