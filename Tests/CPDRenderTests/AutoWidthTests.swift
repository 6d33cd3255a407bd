import Foundation
import Testing
@testable import CPDRender

/// `width: auto`: a column as wide as its widest text, within what the frame allows.
@Suite struct AutoWidthTests {
    static func spec(_ widths: [ColumnSpec.Width]) -> TableSpec {
        TableSpec(columns: widths.enumerated().map { ColumnSpec(field: "f\($0.offset)", width: $0.element) })
    }

    @Test func autoTakesItsNaturalWidthAndFractionsShareTheRest() {
        let widths = Self.spec([.points(50), .auto, .fraction(1)]).columnWidths(total: 500, natural: [1: 80])
        #expect(widths == [50, 80, 370])
    }

    @Test func autoColumnsBesideFractionsKeepAtMost60PercentOfTheFreeWidth() {
        let widths = Self.spec([.auto, .auto, .fraction(1)]).columnWidths(total: 400, natural: [0: 300, 1: 300])
        #expect(widths[0] == 120 && widths[1] == 120)
        #expect(abs(widths.reduce(0, +) - 400) < 1e-9)
    }

    @Test func onlyAutoColumnsFillTheFrameInProportion() {
        let widths = Self.spec([.auto, .auto]).columnWidths(total: 300, natural: [0: 50, 1: 100])
        #expect(widths == [100, 200])
    }

    @Test func withoutNaturalWidthsAutoIsOneFraction() {
        let widths = Self.spec([.auto, .fraction(1)]).columnWidths(total: 200)
        #expect(widths == [100, 100])
    }

    @Test func theParserReadsAuto() throws {
        let parsed = try LayoutCatalog.parse(yaml: Self.formal(dateWidth: "auto"), file: "t.yaml")
        let date = try #require(parsed.tables["activities"]?.columns.first { $0.field == "date" })
        #expect(date.width == .auto)
    }

    /// The formal layout with the activity table's date column set to `width`.
    static func formal(dateWidth: String) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let yaml = try String(contentsOf: root.appendingPathComponent("Layouts/formal.yaml"), encoding: .utf8)
        var lines = yaml.components(separatedBy: "\n")
        let i = try #require(lines.firstIndex { $0.contains("field: date") && $0.contains("width:") })
        lines[i] = lines[i].replacingOccurrences(of: #"width: [^,}]+"#, with: "width: \(dateWidth)", options: .regularExpression)
        return lines.joined(separator: "\n")
    }
}
