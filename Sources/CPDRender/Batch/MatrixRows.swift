import CPDKit

/// The compliance matrix's body rows, one per member, measured only when the paginator reaches them.
///
/// Measured up front, a 10,000-member matrix held every row's line boxes, and the measurer an entry for
/// every cell, through both pagination passes (about 30 MB). Here a row is measured when it is asked for
/// and nothing of it is kept: the paginator asks again in its second pass and gets the same row. The
/// measurer is let go every `rowsPerMeasurer` rows (`TeamMeasurers.renew`), so what it keeps per text
/// stays bounded too. A cell's id says where it is (`firstID` + row × columns + column), so the painter
/// sets the text again from the member's row (`text(id:)`) without anything having been kept for it.
///
/// Columns and cells come from the same `TableSpec.columnFrames`/`cellText` as `BlockBuilding.table`,
/// so the rows are those the eager table gave; `MatrixRowsTests` holds the two side by side.
/// Used by one render call on one thread, like the measurers it uses.
final class MatrixRows: @unchecked Sendable {
    /// Matrix cell ids start here; the overview's other texts have small ids, below it.
    static let firstID = 1 << 40
    /// Rows measured before the measurer is renewed (a measurer keeps an entry per text it sets).
    static let rowsPerMeasurer = 100

    let rows: [TeamSummary.Row]
    let design: TableSpec
    /// Each column's left edge and width, relative to the frame.
    let columns: [(x: Double, width: Double)]
    private let cell: (TeamSummary.Row, String) -> TableCell
    private let measurers: TeamMeasurers
    private var rowsMeasured = 0

    /// - Parameters:
    ///   - frameWidth: the width the table spans (the layout's frame).
    ///   - headers: each column's header text, for `auto` columns' widths.
    ///   - cell: a member's value for a field.
    ///   - measurers: the measurer to use now, renewed every `rowsPerMeasurer` rows.
    init(rows: [TeamSummary.Row], design: TableSpec, frameWidth: Double, headers: [String],
         cell: @escaping (TeamSummary.Row, String) -> TableCell, measurers: TeamMeasurers) {
        self.rows = rows; self.design = design; self.cell = cell; self.measurers = measurers
        // An `auto` column is as wide as its widest text, each set on one line: only the widest is kept.
        var natural: [Int: Double] = [:]
        var count = 0
        for (i, c) in design.columns.enumerated() {
            guard case .auto = c.width else { continue }
            var widest = 0.0
            func consider(_ text: String, _ style: String) {
                guard !text.isEmpty else { return }
                count += 1
                if count % Self.rowsPerMeasurer == 0 { measurers.renew() }
                widest = max(widest, measurers.current.measure(TextSpec(text, style: style, wraps: false), width: frameWidth).naturalWidth)
            }
            consider(headers[i], "tableHeader")
            for row in rows { consider(cell(row, c.field).text, "tableCell") }
            natural[i] = widest + 2 * design.paddingX + 1
        }
        columns = design.columnFrames(total: frameWidth, natural: natural)
    }

    var count: Int { rows.count }
    var source: TableRowSource { TableRowSource(count: count) { [self] in row($0) } }

    /// What cell (`row`, `column`) sets and at what width; nil for an empty cell.
    func text(row r: Int, column c: Int) -> (spec: TextSpec, width: Double)? {
        text(cell(rows[r], design.columns[c].field), column: c)
    }

    private func text(_ v: TableCell, column c: Int) -> (spec: TextSpec, width: Double)? {
        design.cellText(v, column: design.columns[c], columnWidth: columns[c].width, style: "tableCell")
    }

    /// The text behind a matrix cell id, or nil when `id` is not one.
    func text(id: Int) -> (spec: TextSpec, width: Double)? {
        guard id >= Self.firstID else { return nil }
        let n = design.columns.count, k = id - Self.firstID
        guard n > 0, k / n < rows.count else { return nil }
        return text(row: k / n, column: k % n)
    }

    /// Body row `r`, measured now.
    func row(_ r: Int) -> TableRow {
        if rowsMeasured > 0 && rowsMeasured % Self.rowsPerMeasurer == 0 { measurers.renew() }
        rowsMeasured += 1
        let measurer = measurers.current
        var links: [Int: LinkTarget] = [:]
        let cells = design.columns.indices.map { c -> MeasuredText? in
            let v = cell(rows[r], design.columns[c].field)
            guard let (spec, width) = text(v, column: c) else { return nil }
            if let link = v.link { links[c] = link }
            var m = measurer.measure(spec, width: width)
            m.id = Self.firstID + r * design.columns.count + c
            return m
        }
        return TableRow(cells: cells, fill: design.zebra && r % 2 == 1 ? "zebra" : nil, links: links)
    }
}
